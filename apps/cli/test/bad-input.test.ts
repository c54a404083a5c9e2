// Issue 12, trying the tool as a new user would: every mistake gets a clear message and exit 1
// (or 2 for the command line), never a stack trace (exit 70), and never a damaged site.
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {briefs, snapshot, wireArticle, workspace} from './helpers.js'

const georgia = '2022-09-la-georgie-et-le-kazakhstan-deux-pays'
const mobilisation = '2022-10-plus-de-200-000-citoyens-russes-ont-ete'
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))
const corpusIds = `expected one of the corpus: \`${georgia}\`, \`${mobilisation}\``

/** No stack trace, no internal error: what a user must never see for bad input. */
function expectNoCrash(result: {code: number; stderr: string}): void {
  expect(result.code).not.toBe(70)
  expect(result.stderr).not.toContain('internal error')
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/)
}

describe('a build never damages the site', () => {
  it('refuses a corpus path that is not a corpus, leaving the site as it was', async () => {
    const cwd = await workspace()
    expect((await briefs(cwd, 'build')).code).toBe(0)
    const site = await snapshot(path.join(cwd, 'site'))
    const result = await briefs(cwd, 'build', '--corpus', 'corpsu', '--out', 'site')
    expectNoCrash(result)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Unexpected folder without `briefs.config.json`, expected a corpus')
    expect(result.stdout).toBe('')
    expect(await snapshot(path.join(cwd, 'site'))).toEqual(site)
  })

  it('publishes nothing of a failed build: another article’s new translation stays out too', async () => {
    const cwd = await workspace()
    expect((await briefs(cwd, 'build')).code).toBe(0)
    const site = await snapshot(path.join(cwd, 'site'))
    // A valid, unreviewed change in one article, and a broken resource in the other.
    const english = path.join(cwd, 'corpus/locales/en', `${mobilisation}.json`)
    await fs.writeFile(english, (await fs.readFile(english, 'utf8')).replace('Russian Defense', 'UNREVIEWED Russian Defense'))
    const russian = path.join(cwd, 'corpus/locales/ru', `${georgia}.json`)
    await fs.writeFile(russian, (await fs.readFile(russian, 'utf8')).replace('",\n  "s-d9457a"', '"\n  "s-d9457a"'))
    const result = await briefs(cwd, 'build')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Build failed: fix the errors above; site/ was left as it was')
    expect(await snapshot(path.join(cwd, 'site'))).toEqual(site)
    expect((await fs.readdir(cwd)).filter((name) => name.startsWith('.site.'))).toEqual([])
  })

  it('refuses an article that is a symbolic link out of the repository', async () => {
    const cwd = await workspace()
    const article = path.join(cwd, 'corpus/articles', `${georgia}.md`)
    await fs.rename(article, path.join(cwd, 'elsewhere.md'))
    await fs.symlink(path.join(cwd, 'elsewhere.md'), article)
    const result = await briefs(cwd, 'build')
    expectNoCrash(result)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Unexpected symbolic link, expected the article itself')
    await expect(fs.access(path.join(cwd, 'site'))).rejects.toThrow()
  })

  it('refuses an article with front matter only, in every command', async () => {
    const cwd = await workspace()
    const article = path.join(cwd, 'corpus/articles', `${georgia}.md`)
    const text = await fs.readFile(article, 'utf8')
    await fs.writeFile(article, text.slice(0, text.indexOf('\n---\n') + 5))
    for (const argv of [['build'], ['sync'], ['status'], ['segments', `corpus/articles/${georgia}.md`]]) {
      const result = await briefs(cwd, ...argv)
      expectNoCrash(result)
      expect(result.code, argv.join(' ')).toBe(1)
      expect(result.stderr, argv.join(' ')).toContain('Unexpected article without text, expected at least one paragraph after the front matter')
    }
  })
})

describe('--only-reviewed', () => {
  it('publishes the articles that are ready, lists the ones left out, and exits 0', async () => {
    const cwd = await workspace()
    const ledger = path.join(cwd, 'corpus/reviews/en', `${georgia}.json`)
    const entries = JSON.parse(await fs.readFile(ledger, 'utf8')) as Record<string, unknown>
    delete entries['s-4de67c']
    await fs.writeFile(ledger, `${JSON.stringify(entries, null, 2)}\n`)
    const result = await briefs(cwd, 'build', '--only-reviewed')
    expect(result.code).toBe(0)
    expect(result.stderr).toContain(`briefs: left out 1 articles not wholly translated and reviewed (--only-reviewed):\n  ${georgia}\n`)
    expect(result.stdout).toBe('Built 2 briefs (1 articles × en, ru) in site/: Markdown, HTML and index; every segment translated and reviewed\n')
    expect(await fs.readdir(path.join(cwd, 'site'))).not.toContain(georgia)
    expect(await fs.readFile(path.join(cwd, 'site/index.md'), 'utf8')).not.toContain(georgia)
  })
})

describe('a mistyped article ID', () => {
  it.each([
    [['sync', '2022-09-la-georgie']],
    [['status', '--article', '2022-09-la-georgie']],
    [['review', 'approve', '--article', '2022-09-la-georgie', '--lang', 'en', '--reviewer', 'Olga']],
    [['segments', 'corpus/articles/2022-09-la-georgie.md']]
  ])('%j names the corpus’s articles, exit 1', async (argv) => {
    const cwd = await workspace()
    const before = await snapshot(path.join(cwd, 'corpus'))
    const result = await briefs(cwd, ...argv)
    expectNoCrash(result)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`Unexpected article \`2022-09-la-georgie\`, ${corpusIds}`)
    expect(await snapshot(path.join(cwd, 'corpus'))).toEqual(before)
  })
})

describe('ingest', () => {
  it.each(['con', 'nul', 'lpt1', 'com9', 'aux'])('refuses the Windows device name %j as an ID', async (id) => {
    const cwd = await workspace({corpus: 'empty'})
    await fs.writeFile(path.join(cwd, 'wire.txt'), wireArticle)
    const result = await briefs(cwd, 'ingest', 'wire.txt', '--id', id)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`Unexpected article ID "${id}", a device name on Windows`)
    expect(await fs.readdir(path.join(cwd, 'corpus/articles'))).toEqual([])
  })

  it('refuses a day that does not exist', async () => {
    const cwd = await workspace({corpus: 'empty'})
    await fs.writeFile(path.join(cwd, 'article.md'), '---\ndate: 2022-02-30\ntitle: Titre\n---\n\nUne phrase.\n')
    const result = await briefs(cwd, 'ingest', 'article.md')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/article\.md\n\s*2:7\s+error\s+Unexpected date "2022-02-30", expected a day that exists \(2022-02 has 28 days\)/)
  })

  it('refuses an article above the size limit before reading it, and takes it with a higher limit', async () => {
    const cwd = await workspace({corpus: 'empty'})
    const paragraph = 'Le ministre a parlé mardi devant la presse réunie à Moscou. '.repeat(40)
    await fs.writeFile(path.join(cwd, 'long.txt'), ` date 2022-10 ${`${paragraph}\n\n`.repeat(230)}`)
    const refused = await briefs(cwd, 'ingest', 'long.txt')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/Unexpected file of 5\d\d KB, expected at most 512 KB \(the limit is `maxArticleKb` in `briefs\.config\.json` or `--max-article-kb`\)/)
    // The corpus's own limit, from its configuration file, applies to every command.
    await fs.writeFile(path.join(cwd, 'corpus/briefs.config.json'), '{\n  "languages": ["en", "ru"],\n  "maxArticleKb": 4\n}\n')
    await fs.writeFile(path.join(cwd, 'short.txt'), ` date 2022-10 ${paragraph}\n\n${paragraph}\n`)
    expect((await briefs(cwd, 'ingest', 'short.txt')).stderr).toContain('Unexpected file of 5 KB, expected at most 4 KB')
    expect((await briefs(cwd, 'ingest', 'short.txt', '--max-article-kb', '8', '--id', '2022-10-short')).code).toBe(0)
    const build = await briefs(cwd, 'build')
    expect(build.code).toBe(1)
    expect(build.stderr).toContain('Unexpected file of 6 KB, expected at most 4 KB')
    expect((await briefs(cwd, 'build', '--max-article-kb', '8')).code).toBe(0)
    expect((await briefs(cwd, 'build', '--max-article-kb', '0')).stderr).toBe('briefs: Unexpected --max-article-kb 0, expected a whole number of KiB from 1 (default 512)\n')
  })
})

describe('review-report without git', () => {
  it('explains a corpus outside a git repository', async () => {
    const cwd = await workspace()
    const result = await briefs(cwd, 'review-report', '--base', 'main')
    expectNoCrash(result)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/Unexpected folder outside a git repository \(.+corpus\), expected the corpus in a git working tree/)
  })

  it('explains a missing git command', async () => {
    const cwd = await workspace()
    const result = await promisify(execFile)(process.execPath, [bin, 'review-report', '--base', 'main'], {cwd, env: {...process.env, INIT_CWD: cwd, PATH: path.join(cwd, 'no-bin')}}).catch(
      (error: {code: number; stderr: string}) => error
    )
    expect(result).toMatchObject({code: 1})
    expect((result as {stderr: string}).stderr).toBe('briefs: Unexpected missing `git` command, expected git installed and on the PATH (the report compares revisions from git)\n')
  })
})

describe('a closed pipe', () => {
  /** `briefs … | head -1` in bash: the bin's exit code and what it wrote on stderr. */
  async function intoHead(cwd: string, ...argv: string[]): Promise<{code: number; stderr: string; first: string}> {
    const command = `"${process.execPath}" "${bin}" ${argv.map((arg) => `'${arg}'`).join(' ')} 2>stderr.txt | head -1; exit \${PIPESTATUS[0]}`
    const result = await promisify(execFile)('bash', ['-c', command], {cwd, env: {...process.env, INIT_CWD: cwd}}).catch((error: {code: number; stdout: string}) => error)
    const code = 'code' in result && typeof result.code === 'number' ? result.code : 0
    return {code, stderr: await fs.readFile(path.join(cwd, 'stderr.txt'), 'utf8'), first: result.stdout}
  }

  it('ends quietly with exit 0 when the reader goes away (`| head -1`)', async () => {
    const cwd = await workspace()
    // Far more than a pipe's buffer, so that writes go on after `head` has left.
    const paragraph = 'Le ministre a parlé mardi. Il a répondu aux questions. '.repeat(200)
    await fs.writeFile(path.join(cwd, 'big.txt'), ` date 2022-10 ${`${paragraph}\n\n`.repeat(10)}`)
    expect(await intoHead(cwd, 'segments', 'big.txt', '--json')).toEqual({code: 0, stderr: '', first: '[\n'})
    const status = await intoHead(cwd, 'status', '--verbose')
    expect(status).toMatchObject({code: 0, stderr: ''})
    expect(status.first).toMatch(/^article\s+lang\s+reviewed/)
    // Two processes of the real bin: slow on a loaded machine.
  }, 120_000)
})

describe('a checkout with core.autocrlf=true (Git for Windows’ default)', () => {
  it('keeps the corpus LF thanks to .gitattributes, so the pipeline accepts it', async () => {
    const git = (cwd: string, ...args: string[]) =>
      promisify(execFile)('git', args, {cwd, env: {...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1'}})
    const origin = await workspace()
    await fs.copyFile(fileURLToPath(new URL('../../../.gitattributes', import.meta.url)), path.join(origin, '.gitattributes'))
    await git(origin, 'init', '--quiet')
    await git(origin, 'add', '-A')
    await git(origin, 'commit', '--quiet', '-m', 'Corpus')
    const clone = path.join(origin, 'clone')
    await git(origin, '-c', 'core.autocrlf=true', 'clone', '--quiet', '--config', 'core.autocrlf=true', origin, clone)
    const article = await fs.readFile(path.join(clone, 'corpus/articles', `${georgia}.md`), 'utf8')
    expect(article).not.toContain('\r')
    expect(await fs.readFile(path.join(clone, 'corpus/locales/en', `${georgia}.json`), 'utf8')).not.toContain('\r')
    expect(await briefs(clone, 'sync', '--check')).toMatchObject({code: 0, stderr: ''})
    // Without the attributes, the same clone gets CRLF, which the corpus refuses.
    await fs.rm(path.join(origin, '.gitattributes'))
    await git(origin, 'commit', '--quiet', '-am', 'No attributes')
    const bare = path.join(origin, 'clone-without')
    await git(origin, 'clone', '--quiet', '--config', 'core.autocrlf=true', origin, bare)
    expect(await fs.readFile(path.join(bare, 'corpus/articles', `${georgia}.md`), 'utf8')).toContain('\r\n')
    expect((await briefs(bare, 'sync', '--check')).stderr).toContain('Unexpected carriage return')
  }, 120_000)
})
