import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {briefs, snapshot, wireArticle, workspace} from './helpers.js'

describe('briefs ingest', () => {
  it('adds a raw article and its segment map, then refuses it a second time unless forced', async () => {
    const cwd = await workspace({corpus: 'empty'})
    await fs.writeFile(path.join(cwd, 'wire.txt'), wireArticle)
    const first = await briefs(cwd, 'ingest', 'wire.txt')
    expect(first).toMatchObject({code: 0, stderr: ''})
    expect(first.stdout).toBe('corpus/articles/2022-09-la-georgie-et-le-kazakhstan-deux-pays.md: 4 segments (2 paragraphs) from wire.txt\n')
    const article = await fs.readFile(path.join(cwd, 'corpus/articles/2022-09-la-georgie-et-le-kazakhstan-deux-pays.md'), 'utf8')
    expect(article).toContain("a déclaré M. Tokaïev. \"Nous devons nous occuper d'eux, assurer leur sécurité\", a-t-il ajouté.\n")
    const map = JSON.parse(await fs.readFile(path.join(cwd, 'corpus/segments/2022-09-la-georgie-et-le-kazakhstan-deux-pays.json'), 'utf8'))
    expect(map.blocks.map((block: {sentences: unknown[]}) => block.sentences.length)).toEqual([1, 2])

    const before = await snapshot(cwd)
    const again = await briefs(cwd, 'ingest', 'wire.txt')
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('wire.txt')
    expect(again.stderr).toContain('Unexpected existing article `2022-09-la-georgie-et-le-kazakhstan-deux-pays`')
    expect(await snapshot(cwd)).toEqual(before)

    // An updated version from the wire replaces it, keeping the IDs of unchanged and edited sentences.
    await fs.writeFile(path.join(cwd, 'wire.txt'), wireArticle.replace('une forte hausse', 'une très forte hausse'))
    const forced = await briefs(cwd, 'ingest', 'wire.txt', '--force')
    expect(forced.code).toBe(0)
    const after = JSON.parse(await fs.readFile(path.join(cwd, 'corpus/segments/2022-09-la-georgie-et-le-kazakhstan-deux-pays.json'), 'utf8'))
    expect(after.blocks.flatMap((block: {sentences: Array<{id: string}>}) => block.sentences.map((sentence) => sentence.id))).toEqual(
      map.blocks.flatMap((block: {sentences: Array<{id: string}>}) => block.sentences.map((sentence) => sentence.id))
    )
  })

  it('records the publication the desk credits with `--source-name`, and refuses one that is not a name', async () => {
    const cwd = await workspace({corpus: 'empty'})
    await fs.writeFile(path.join(cwd, 'wire.txt'), wireArticle)
    const before = await snapshot(cwd)
    const bad = await briefs(cwd, 'ingest', 'wire.txt', '--source-name', 'AFP\nReuters')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/wire\.txt\n\s*error\s+Unexpected control character or line break in `source.name`.*\(`--source-name`\)/)
    expect(await snapshot(cwd)).toEqual(before)
    expect((await briefs(cwd, 'ingest', 'wire.txt', '--source-name', 'AFP')).code).toBe(0)
    const article = await fs.readFile(path.join(cwd, 'corpus/articles/2022-09-la-georgie-et-le-kazakhstan-deux-pays.md'), 'utf8')
    expect(article).toMatch(/^source:\n {2}file: wire\.txt\n {2}format: raw\n {2}sha256: [\da-f]{64}\n {2}name: AFP\n---$/m)
  })

  it('refuses a Markdown article with a raw HTML block at its place in the file as received, and warns about inline HTML there', async () => {
    const cwd = await workspace({corpus: 'empty'})
    const received = '---\ndate: 2022-10\ntitle: Un encadré\n---\n\nUn texte avec <b>du gras</b>.\n\n<div class="encadre">\nLe texte de l’encadré.\n</div>\n'
    await fs.writeFile(path.join(cwd, 'cms.md'), received)
    const refused = await briefs(cwd, 'ingest', 'cms.md')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/cms\.md\n(?:.*\n)*?\s*8:1\s+error\s+Unexpected raw HTML block `<div class="encadre">`, expected Markdown/)
    await fs.writeFile(path.join(cwd, 'cms.md'), received.replace(/<div[^]*<\/div>\n/, '> Le texte de l’encadré.\n'))
    const accepted = await briefs(cwd, 'ingest', 'cms.md')
    expect(accepted.code).toBe(0)
    expect(accepted.stderr).toMatch(/6:15(?:-6:18)?\s+warning\s+Unexpected inline HTML `<b>`/)
  })

  it.each([
    ['an empty file', '', /empty\.txt\n\s*1:1\s+error\s+Unexpected empty file/],
    ['a missing date header', 'Plus de 200 000 citoyens russes.\n', /empty\.txt\n\s*1:1\s+error\s+Unexpected `Plus de 200` at the start of the file, expected a ` date YYYY-MM ` header/],
    ['CRLF line endings', ' date 2022-10 Une phrase.\r\n\r\nUne autre.\r\n', /empty\.txt\n\s*1:26\s+error\s+Unexpected carriage return/]
  ])('refuses %s with file:line:column, exit 1 and nothing written', async (_, text, expected) => {
    const cwd = await workspace({corpus: 'empty'})
    await fs.writeFile(path.join(cwd, 'empty.txt'), text)
    const before = await snapshot(cwd)
    const result = await briefs(cwd, 'ingest', 'empty.txt')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(expected)
    expect(await snapshot(cwd)).toEqual(before)
  })

  it('refuses an unsafe ID', async () => {
    const cwd = await workspace({corpus: 'empty'})
    await fs.writeFile(path.join(cwd, 'wire.txt'), wireArticle)
    const before = await snapshot(cwd)
    const result = await briefs(cwd, 'ingest', 'wire.txt', '--id', '../../outside')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Unexpected article ID "../../outside", expected lowercase letters, digits and single hyphens')
    expect(await snapshot(cwd)).toEqual(before)
  })

  it('refuses a whole batch when one file is bad', async () => {
    const cwd = await workspace({corpus: 'empty'})
    await fs.writeFile(path.join(cwd, 'good.txt'), wireArticle)
    await fs.writeFile(path.join(cwd, 'bad.txt'), 'no header')
    const before = await snapshot(cwd)
    const result = await briefs(cwd, 'ingest', 'good.txt', 'bad.txt')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Nothing ingested: 1 of 2 files refused')
    expect(await snapshot(cwd)).toEqual(before)
  })

  it('explains usage mistakes with exit 2', async () => {
    const cwd = await workspace({corpus: 'empty'})
    expect((await briefs(cwd, 'ingest')).code).toBe(2)
    expect((await briefs(cwd, 'ingest', 'a.txt', '--unknown')).stderr).toContain("Unknown option '--unknown'")
    expect((await briefs(cwd, 'publish')).stderr).toContain('Unexpected command `publish`, expected one of align, build, check, import, ingest, init, pretranslate, review, review-report, segments, status, sync, tm, xliff')
  })
})

describe('briefs segments', () => {
  it('prints a corpus article’s segments with their committed IDs, title first', async () => {
    const cwd = await workspace()
    const result = await briefs(cwd, 'segments', 'corpus/articles/2022-09-la-georgie-et-le-kazakhstan-deux-pays.md', '--json')
    expect(result.code).toBe(0)
    const segments = JSON.parse(result.stdout) as Array<{id: string; paragraph: string; text: string}>
    const map = JSON.parse(await fs.readFile(path.join(cwd, 'corpus/segments/2022-09-la-georgie-et-le-kazakhstan-deux-pays.json'), 'utf8'))
    expect(segments[0]).toEqual({id: 'title', paragraph: 'title', text: 'La Géorgie et le Kazakhstan voient affluer les Russes fuyant la mobilisation'})
    expect(segments.slice(1)).toEqual(
      map.blocks.flatMap((block: {id: string; sentences: Array<{id: string; text: string}>}) => block.sentences.map((sentence) => ({id: sentence.id, paragraph: block.id, text: sentence.text})))
    )
  })

  it('segments a raw file as received, with the IDs the corpus gives it', async () => {
    const cwd = await workspace()
    await fs.writeFile(path.join(cwd, 'wire.txt'), wireArticle)
    const result = await briefs(cwd, 'segments', 'wire.txt', '--json')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual([
      {id: 's-d9457a', paragraph: 'p-d9457a', text: expect.stringMatching(/^La Géorgie et le Kazakhstan, deux pays voisins/)},
      {id: 's-1a2984', paragraph: 'p-75d51a', text: expect.stringMatching(/a déclaré M\. Tokaïev\.$/)},
      {id: 's-53b3eb', paragraph: 'p-75d51a', text: '"Nous devons nous occuper d\'eux, assurer leur sécurité", a-t-il ajouté.'}
    ])
  })
})

describe('briefs build', () => {
  it('builds 4 briefs and the index from the corpus', async () => {
    const cwd = await workspace()
    const result = await briefs(cwd, 'build')
    expect(result).toMatchObject({code: 0, stderr: ''})
    expect(result.stdout).toBe('Built 4 briefs (2 articles × en, ru) in site/: Markdown, HTML and index; every segment translated and reviewed\n')
    const files = Object.keys(await snapshot(path.join(cwd, 'site'))).sort()
    expect(files).toEqual([
      '2022-09-la-georgie-et-le-kazakhstan-deux-pays/fr-en-ru.html',
      '2022-09-la-georgie-et-le-kazakhstan-deux-pays/fr-en-ru.md',
      '2022-09-la-georgie-et-le-kazakhstan-deux-pays/fr-en.html',
      '2022-09-la-georgie-et-le-kazakhstan-deux-pays/fr-en.md',
      '2022-09-la-georgie-et-le-kazakhstan-deux-pays/fr-ru.html',
      '2022-09-la-georgie-et-le-kazakhstan-deux-pays/fr-ru.md',
      '2022-10-plus-de-200-000-citoyens-russes-ont-ete/fr-en-ru.html',
      '2022-10-plus-de-200-000-citoyens-russes-ont-ete/fr-en-ru.md',
      '2022-10-plus-de-200-000-citoyens-russes-ont-ete/fr-en.html',
      '2022-10-plus-de-200-000-citoyens-russes-ont-ete/fr-en.md',
      '2022-10-plus-de-200-000-citoyens-russes-ont-ete/fr-ru.html',
      '2022-10-plus-de-200-000-citoyens-russes-ont-ete/fr-ru.md',
      'feed.en.xml',
      'feed.fr.xml',
      'feed.ru.xml',
      'index.en.html',
      'index.html',
      'index.md',
      'index.ru.html'
    ])
  })

  it('refuses invalid JSON in a resource with file:line:column and exit 1, leaving the site as it was', async () => {
    const cwd = await workspace()
    expect((await briefs(cwd, 'build')).code).toBe(0)
    const site = await snapshot(path.join(cwd, 'site'))
    const resource = path.join(cwd, 'corpus/locales/ru/2022-09-la-georgie-et-le-kazakhstan-deux-pays.json')
    const text = await fs.readFile(resource, 'utf8')
    await fs.writeFile(resource, text.replace('",\n  "s-d9457a"', '"\n  "s-d9457a"'))
    const result = await briefs(cwd, 'build')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/corpus\/locales\/ru\/2022-09-la-georgie-et-le-kazakhstan-deux-pays.json\n\s*4:3\s+error\s+Unexpected "\\"s-d9457a\\"" in JSON, expected `,` between entries\s+invalid-json\s+briefs/)
    expect(result.stderr).toContain('Build failed')
    expect(await snapshot(path.join(cwd, 'site'))).toEqual(site)
  })

  it('shows a missing translation as missing and says so', async () => {
    const cwd = await workspace()
    const resource = path.join(cwd, 'corpus/locales/en/2022-09-la-georgie-et-le-kazakhstan-deux-pays.json')
    const entries = JSON.parse(await fs.readFile(resource, 'utf8'))
    delete entries['s-4de67c']
    await fs.writeFile(resource, `${JSON.stringify(entries, null, 2)}\n`)
    const result = await briefs(cwd, 'build')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('marked as such: 1 missing segment translations')
    // Counted, not listed segment by segment on every build.
    expect(result.stderr).toBe('briefs: 1 segment in 1 article shown as missing in the briefs: `pnpm briefs status --verbose` lists them (or `build --verbose`)\n')
    const verbose = await briefs(cwd, 'build', '--verbose')
    expect(verbose.stderr).toMatch(/\d+:\d+-\d+:\d+\s+warning\s+Unexpected missing `en` translation of segment `s-4de67c`/)
    expect(verbose.stderr).not.toContain('shown as missing in the briefs:')
    const html = await fs.readFile(path.join(cwd, 'site/2022-09-la-georgie-et-le-kazakhstan-deux-pays/fr-en.html'), 'utf8')
    expect(html).toContain('<span data-segment="s-4de67c" data-state="missing" class="missing" id="en-s-4de67c"><strong>⚠ missing translation</strong></span>')
  })

  it('runs the translation checks first with --check, and stops on an error', async () => {
    const cwd = await workspace()
    expect((await briefs(cwd, 'build', '--check', '--out', 'checked')).code).toBe(0)
    const resource = path.join(cwd, 'corpus/locales/en/2022-09-la-georgie-et-le-kazakhstan-deux-pays.json')
    await fs.writeFile(resource, (await fs.readFile(resource, 'utf8')).replace('98,000 Russian citizens', '89,000 Russian citizens'))
    const result = await briefs(cwd, 'build', '--check', '--out', 'stopped')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('number-mismatch')
    expect(result.stderr).toContain('Build stopped: the translation checks found 1 errors')
    await expect(fs.access(path.join(cwd, 'stopped'))).rejects.toThrow()
  })

  it('refuses an unknown language with exit 2', async () => {
    const cwd = await workspace()
    const result = await briefs(cwd, 'build', '--lang', 'de')
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('briefs: Unexpected language "de", expected one of `en`, `ru`\n')
  })
})

describe('briefs sync', () => {
  it('finds the shipped corpus up to date', async () => {
    const cwd = await workspace()
    const result = await briefs(cwd, 'sync', '--check')
    expect(result).toEqual({code: 0, stdout: 'All 2 segment maps are up to date\n', stderr: ''})
  })

  it('records an edited sentence under its old ID', async () => {
    const cwd = await workspace()
    const file = path.join(cwd, 'corpus/articles/2022-09-la-georgie-et-le-kazakhstan-deux-pays.md')
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('98.000 citoyens Russes', '99.000 citoyens russes'))
    const check = await briefs(cwd, 'sync', '--check')
    expect(check.code).toBe(1)
    expect(check.stdout).toBe('corpus/segments/2022-09-la-georgie-et-le-kazakhstan-deux-pays.json: out of date (1 edited, 0 new, 0 removed, 0 moved)\n')
    const result = await briefs(cwd, 'sync')
    expect(result.code).toBe(0)
    const map = await fs.readFile(path.join(cwd, 'corpus/segments/2022-09-la-georgie-et-le-kazakhstan-deux-pays.json'), 'utf8')
    expect(map).toContain('"id": "s-802e70",\n          "text": "De son côté, le ministère de l\'Intérieur du Kazakhstan, une ex-république soviétique d\'Asie centrale, a indiqué que 99.000 citoyens russes')
    expect((await briefs(cwd, 'sync', '--check')).code).toBe(0)
  })
})

describe('the real bin', () => {
  it('prints segments as JSON on stdout, and errors on stderr with a non-zero exit', async () => {
    const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))
    const cwd = await workspace()
    await fs.writeFile(path.join(cwd, 'wire.txt'), wireArticle)
    const {stdout} = await promisify(execFile)(process.execPath, [bin, 'segments', 'wire.txt', '--json'], {cwd, env: {...process.env, INIT_CWD: cwd}})
    expect(JSON.parse(stdout)).toHaveLength(3)
    const failure = await promisify(execFile)(process.execPath, [bin, 'segments', 'missing.txt'], {cwd, env: {...process.env, INIT_CWD: cwd}}).catch((error: {code: number; stderr: string}) => error)
    expect(failure).toMatchObject({code: 1})
    expect((failure as {stderr: string}).stderr).toContain('Unexpected missing file')
  })
})

describe('briefs build at scale', () => {
  it('builds in shards then one index step, giving the site one build gives', async () => {
    const cwd = await workspace()
    expect((await briefs(cwd, 'build', '--out', 'full', '--workers', '1', '--no-cache')).code).toBe(0)
    const missingShard = await briefs(cwd, 'build', '--out', 'sharded', '--index-only', '2')
    expect(missingShard.code).toBe(1)
    expect(missingShard.stderr).toContain('Unexpected missing shard 1 of 2')
    expect((await briefs(cwd, 'build', '--out', 'sharded', '--shard', '1/2')).stdout).toContain('(1 articles × en, ru) in sharded/: Markdown, HTML and shard 1 of 2;')
    expect((await briefs(cwd, 'build', '--out', 'sharded', '--shard', '2/2', '--workers', '2')).code).toBe(0)
    expect(await briefs(cwd, 'build', '--out', 'sharded', '--index-only', '2')).toEqual({code: 0, stdout: 'Indexed 2 articles from 2 shards in sharded/\n', stderr: ''})
    const sharded = await snapshot(path.join(cwd, 'sharded'))
    for (const name of Object.keys(sharded)) if (name.startsWith('.shards/')) delete sharded[name]
    expect(sharded).toEqual(await snapshot(path.join(cwd, 'full')))
  })

  it('takes unchanged articles from the cache, beside the corpus', async () => {
    const cwd = await workspace()
    expect((await briefs(cwd, 'build')).code).toBe(0)
    // A header line, then a line per article cached.
    const manifest = (await fs.readFile(path.join(cwd, 'node_modules/.cache/briefs/site/manifest.jsonl'), 'utf8')).split('\n').slice(1)
    expect(manifest.filter((line) => line.startsWith('{"article":'))).toHaveLength(2)
    const cached = await briefs(cwd, 'build')
    expect(cached.code).toBe(0)
    expect((await briefs(cwd, 'build', '--no-cache')).code).toBe(0)
  })

  it.each([
    [['--shard', '3/2'], 'Unexpected --shard "3/2", expected <k>/<n> with 1 ≤ k ≤ n'],
    [['--workers', '0'], 'Unexpected --workers "0", expected a whole number from 1'],
    [['--index-only', '2', '--shard', '1/2'], '`--index-only` writes the indexes of every shard: give it no `--shard`']
  ])('refuses %j with exit 2', async (argv, message) => {
    const result = await briefs(await workspace(), 'build', ...argv)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(message)
  })
})

describe('briefs init', () => {
  it('gives a corpus made before the configuration existed the one it had implicitly: its languages', async () => {
    const cwd = await workspace()
    const config = path.join(cwd, 'corpus/briefs.config.json')
    const shipped = await fs.readFile(config, 'utf8')
    await fs.rm(config)
    const refused = await briefs(cwd, 'status')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('Unexpected folder without `briefs.config.json`, expected a corpus: `pnpm briefs init` makes one')
    expect(await briefs(cwd, 'init')).toMatchObject({code: 0, stdout: 'corpus/briefs.config.json: a corpus translated into en, ru; commit it\n'})
    expect(await fs.readFile(config, 'utf8')).toBe(shipped)
    expect((await briefs(cwd, 'status')).code).toBe(0)
    expect((await briefs(cwd, 'check')).code).toBe(0)
    expect(await briefs(cwd, 'init', '--lang', 'de')).toMatchObject({code: 1, stderr: expect.stringContaining('Unexpected existing `corpus/briefs.config.json`')})
  })

  it('makes a new corpus in the languages asked for, and refuses a language it has no profile for', async () => {
    const cwd = await fs.mkdtemp(path.join(os.tmpdir(), 'briefs-init-'))
    expect((await briefs(cwd, 'init', '--lang', 'xx')).code).toBe(2)
    expect((await briefs(cwd, 'init')).code).toBe(2)
    expect((await briefs(cwd, 'init', '--lang', 'de', '--lang', 'en')).code).toBe(0)
    expect(JSON.parse(await fs.readFile(path.join(cwd, 'corpus/briefs.config.json'), 'utf8'))).toEqual({languages: ['de', 'en']})
    for (const folder of ['articles', 'segments', 'locales/de', 'locales/en', 'reviews/de', 'reviews/en']) expect((await fs.stat(path.join(cwd, 'corpus', folder))).isDirectory()).toBe(true)
    expect(await briefs(cwd, 'build')).toMatchObject({code: 0})
  })
})
