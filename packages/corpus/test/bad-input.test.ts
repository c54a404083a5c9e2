// Bad input found by issue 12: each gets a message with its place, never a stack trace.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {articleIdProblem, corpusLayout, dateProblem, isSafeArticleId, isWindowsReservedName, listArticleIds, loadArticle, readCorpusSettings, resolveArticleIds} from '../src/index.js'
import {copyCorpus, fatal} from './helpers.js'

const georgia = '2022-09-la-georgie-et-le-kazakhstan-deux-pays'
const mobilisation = '2022-10-plus-de-200-000-citoyens-russes-ont-ete'

async function withArticle(edit: (text: string) => string) {
  const corpus = await copyCorpus()
  const file = path.join(corpus, 'articles', `${georgia}.md`)
  await fs.writeFile(file, edit(await fs.readFile(file, 'utf8')))
  return {corpus, load: () => loadArticle(corpusLayout(corpus), georgia)}
}

describe('dates', () => {
  it.each(['2022-02-30', '2022-04-31', '2023-02-29', '1900-02-29'])('refuses %s, a day that does not exist', (date) => {
    expect(dateProblem(date)).toMatch(/^Unexpected date "\d{4}-\d\d-\d\d", expected a day that exists \(\d{4}-\d\d has (28|29|30) days\)$/)
  })

  it.each(['2022-02-28', '2024-02-29', '2000-02-29', '2022-12-31', '2022-10'])('accepts %s', (date) => {
    expect(dateProblem(date)).toBeUndefined()
  })

  it('agrees with the calendar on every day of 400 years', () => {
    fc.assert(
      fc.property(fc.integer({min: 1600, max: 1999}), fc.integer({min: 1, max: 12}), fc.integer({min: 1, max: 31}), (year, month, day) => {
        const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
        const real = new Date(Date.UTC(year, month - 1, day))
        expect(dateProblem(date) === undefined).toBe(real.getUTCMonth() === month - 1)
      })
    )
  })

  it('points at 2022-02-30 in the front matter', async () => {
    const {load} = await withArticle((text) => text.replace('date: 2022-09', 'date: 2022-02-30'))
    expect(await fatal(load)).toBe('3:7: Unexpected date "2022-02-30", expected a day that exists (2022-02 has 28 days)')
  })
})

describe('Windows device names', () => {
  it.each(['con', 'prn', 'aux', 'nul', 'com1', 'com9', 'lpt1', 'lpt9'])('refuses %j as an article ID', (id) => {
    expect(isSafeArticleId(id)).toBe(false)
    expect(articleIdProblem(id)).toContain('a device name on Windows')
  })

  it.each(['CON', 'nul.md', 'Lpt1.tar.gz', 'aux '])('knows %j is reserved as a file name', (name) => {
    expect(isWindowsReservedName(name)).toBe(true)
  })

  it.each(['console', 'con-2022', 'com10', 'lpt0', 'nullify'])('accepts %j', (id) => {
    expect(isSafeArticleId(id)).toBe(true)
  })
})

describe('empty articles', () => {
  it('refuses an article with front matter only, after the front matter', async () => {
    const {load} = await withArticle((text) => text.slice(0, text.indexOf('\n---\n') + 5))
    expect(await fatal(load)).toBe('11:1: Unexpected article without text, expected at least one paragraph after the front matter')
  })

  it('refuses one with only blank lines and a code block (nothing to translate)', async () => {
    const {load} = await withArticle((text) => `${text.slice(0, text.indexOf('\n---\n') + 5)}\n\n    code\n`)
    expect(await fatal(load)).toContain('Unexpected article without text')
  })
})

describe('files outside the corpus', () => {
  it('refuses an article that is a symbolic link, when listing and when loading', async () => {
    const corpus = await copyCorpus()
    const outside = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'briefs-outside-')), 'secret.md')
    await fs.copyFile(path.join(corpus, 'articles', `${georgia}.md`), outside)
    await fs.rm(path.join(corpus, 'articles', `${georgia}.md`))
    await fs.symlink(outside, path.join(corpus, 'articles', `${georgia}.md`))
    const layout = corpusLayout(corpus)
    expect(await fatal(listArticleIds(layout))).toContain('Unexpected symbolic link, expected the article itself')
    expect(await fatal(loadArticle(layout, georgia))).toBe('1:1: Unexpected symbolic link, expected a regular file in the corpus (a link may lead out of the repository)')
  })

  it('refuses a language folder that is a symbolic link', async () => {
    const corpus = await copyCorpus()
    const outside = await fs.mkdtemp(path.join(os.tmpdir(), 'briefs-outside-'))
    await fs.rename(path.join(corpus, 'locales', 'en'), path.join(outside, 'en'))
    await fs.symlink(path.join(outside, 'en'), path.join(corpus, 'locales', 'en'))
    expect(await fatal(listArticleIds(corpusLayout(corpus)))).toContain('Unexpected symbolic link, expected a folder of the corpus itself')
  })

  it('refuses a FIFO instead of hanging on it', async () => {
    const corpus = await copyCorpus()
    const {execFileSync} = await import('node:child_process')
    await fs.rm(path.join(corpus, 'articles', `${georgia}.md`))
    execFileSync('mkfifo', [path.join(corpus, 'articles', `${georgia}.md`)])
    expect(await fatal(loadArticle(corpusLayout(corpus), georgia))).toContain('Unexpected special file')
  })

  it('refuses a folder that is not a corpus instead of listing nothing', async () => {
    const empty = await fs.mkdtemp(path.join(os.tmpdir(), 'briefs-not-a-corpus-'))
    expect(await fatal(listArticleIds(corpusLayout(path.join(empty, 'corpsu'))))).toMatch(/Unexpected folder without `articles\/`, expected a corpus/)
  })
})

describe('article IDs asked for', () => {
  it('names the corpus’s articles for an unknown one, and the nearest in a large corpus', async () => {
    const corpus = await copyCorpus()
    const layout = corpusLayout(corpus)
    expect(await resolveArticleIds(layout, [georgia])).toEqual([georgia])
    expect(await resolveArticleIds(layout)).toEqual([georgia, mobilisation])
    expect(await fatal(resolveArticleIds(layout, ['2022-09-la-georgie']))).toContain(`Unexpected article \`2022-09-la-georgie\`, expected one of the corpus: \`${georgia}\`, \`${mobilisation}\``)
    expect(await fatal(resolveArticleIds(layout, ['../x']))).toContain('Unexpected article ID "../x"')
    for (let index = 0; index < 8; index++) await fs.writeFile(path.join(corpus, 'articles', `2023-0${index + 1}-article`), '')
    for (let index = 0; index < 8; index++) await fs.rename(path.join(corpus, 'articles', `2023-0${index + 1}-article`), path.join(corpus, 'articles', `2023-0${index + 1}-article.md`))
    expect(await fatal(resolveArticleIds(layout, ['2023-07-artcle']))).toContain('expected an article of the corpus (10), such as the nearest: `2023-07-article`, ')
  })
})

describe('size limit', () => {
  it('refuses an article above the limit before reading it, from the config file or the layout', async () => {
    const corpus = await copyCorpus()
    expect((await readCorpusSettings(corpus)).maxArticleKb).toBe(512)
    await fs.writeFile(path.join(corpus, 'briefs.config.json'), '{\n  "languages": ["en", "ru"],\n  "maxArticleKb": 2\n}\n')
    expect(await readCorpusSettings(corpus)).toEqual({maxArticleKb: 2})
    expect(await fatal(loadArticle(corpusLayout(corpus), georgia))).toBe(
      '1:1: Unexpected file of 4 KB, expected at most 2 KB (the limit is `maxArticleKb` in `briefs.config.json` or `--max-article-kb`)'
    )
    expect((await loadArticle(corpusLayout(corpus, {maxArticleKb: 8}), georgia)).id).toBe(georgia)
    await fs.writeFile(path.join(corpus, 'briefs.config.json'), '{"maxArticleKb": 0.5}\n')
    expect(await fatal(readCorpusSettings(corpus))).toBe('1:18: Unexpected `maxArticleKb` 0.5, expected a whole number of KiB from 1 (default 512)')
  })
})
