import fs from 'node:fs/promises'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {buildBriefs} from '../src/index.js'
import {copyCorpus, removeTempDirs, tempDir} from './helpers/corpus.js'
import {parseHtml, select, selectOne, textContent} from './helpers/html.js'
import {onlyTable, parseMarkdown, tableText} from './helpers/markdown.js'

afterAll(removeTempDirs)

const georgia = '2022-09-la-georgie-et-le-kazakhstan-deux-pays'

/** A corpus copy where one French sentence changed since approval (stale) and one English approval was removed (draft). */
async function corpusWithUnreviewed(): Promise<string> {
  const corpus = await copyCorpus()
  const article = path.join(corpus, 'articles', `${georgia}.md`)
  await fs.writeFile(article, (await fs.readFile(article, 'utf8')).replace('98.000 citoyens Russes', '99.000 citoyens russes'))
  const ledger = path.join(corpus, 'reviews', 'en', `${georgia}.json`)
  const entries = JSON.parse(await fs.readFile(ledger, 'utf8'))
  delete entries['s-4de67c']
  await fs.writeFile(ledger, `${JSON.stringify(entries, null, 2)}\n`)
  return corpus
}

describe('review state in the briefs', () => {
  it('publishes reviewed translations as they are and flags draft and stale ones, in HTML and Markdown', async () => {
    const corpus = await corpusWithUnreviewed()
    const out = await tempDir('site')
    const result = await buildBriefs({corpus, out})
    expect(result).toMatchObject({failed: false, briefs: 4, missing: 0, draft: 1, stale: 2})

    const html = parseHtml(await fs.readFile(path.join(out, georgia, 'fr-en.html'), 'utf8'))
    const stale = selectOne(html, 'span#en-s-802e70')
    expect(stale.properties.dataState).toBe('stale')
    expect(textContent(stale)).toMatch(/since September 21\. \(⚑ outdated: changed since review\)$/)
    const draft = selectOne(html, 'span#en-s-4de67c')
    expect(draft.properties.dataState).toBe('draft')
    expect(textContent(draft)).toBe('However, it gave no figures for comparison with the previous week. (⚑ not reviewed)')
    expect(select(html, 'span[data-state="draft"]')).toHaveLength(1)
    expect(select(html, 'span.flag')).toHaveLength(2)
    expect(textContent(selectOne(html, 'dd.review-status'))).toBe('17 of 19 sentences reviewed')

    const russian = parseHtml(await fs.readFile(path.join(out, georgia, 'fr-ru.html'), 'utf8'))
    expect(textContent(selectOne(russian, 'dd.review-status'))).toBe('Проверено 18 из 19 предложений')
    expect(textContent(selectOne(russian, 'span#ru-s-802e70'))).toMatch(/\(⚑ устарело: изменено после проверки\)$/)
    // The multilingual view shows each column's flags in the column's language, and both counts.
    const multilingual = parseHtml(await fs.readFile(path.join(out, georgia, 'fr-en-ru.html'), 'utf8'))
    expect(textContent(selectOne(multilingual, 'span#en-s-4de67c'))).toBe(textContent(draft))
    expect(select(multilingual, 'dd.review-status').map((status) => textContent(status))).toEqual(['17 sur 19 phrases relues', '18 sur 19 phrases relues'])

    const rows = tableText(onlyTable(parseMarkdown(await fs.readFile(path.join(out, georgia, 'fr-en.md'), 'utf8'))))
    // Both sentences are in one paragraph: one cell, each flag right after its sentence.
    expect(rows.flat().filter((cell) => cell.includes('⚑'))).toEqual([
      'For its part, the Interior Ministry of Kazakhstan, a former Soviet republic in Central Asia, said 98,000 Russian citizens had arrived in the country since September 21. (⚑ outdated: changed since review) However, it gave no figures for comparison with the previous week. (⚑ not reviewed)'
    ])
    // The other article is fully reviewed: no flag at all.
    const other = await fs.readFile(path.join(out, '2022-10-plus-de-200-000-citoyens-russes-ont-ete', 'fr-en.html'), 'utf8')
    expect(other).not.toContain('⚑')
    expect(other).toContain('17 of 17 sentences reviewed')
  })

  it('leaves an article not wholly reviewed out with --only-reviewed, publishing the others and listing it', async () => {
    const corpus = await corpusWithUnreviewed()
    const out = await tempDir('site')
    // An earlier build published the article: left out now, its briefs go too.
    expect((await buildBriefs({corpus, out})).failed).toBe(false)
    const result = await buildBriefs({corpus, out, onlyReviewed: true})
    expect(result).toMatchObject({failed: false, withheld: [georgia], articles: 1, briefs: 2, draft: 0, stale: 0, missing: 0})
    const warnings = result.files.flatMap((file) => file.messages).filter((message) => message.fatal === false && message.ruleId !== 'segment-map')
    expect(warnings.map((message) => [message.ruleId, message.reason])).toEqual([
      ['stale-translation', 'Unexpected outdated (stale) `en` translation of segment `s-802e70`, expected a reviewed translation (`--only-reviewed`: the article is left out)'],
      ['draft-translation', 'Unexpected unreviewed `en` translation of segment `s-4de67c`, expected a reviewed translation (`--only-reviewed`: the article is left out)'],
      ['stale-translation', 'Unexpected outdated (stale) `ru` translation of segment `s-802e70`, expected a reviewed translation (`--only-reviewed`: the article is left out)']
    ])
    expect(warnings.every((message) => message.line !== undefined && message.line > 1)).toBe(true)
    const written = (await fs.readdir(out)).sort()
    expect(written).toEqual(['2022-10-plus-de-200-000-citoyens-russes-ont-ete', 'feed.en.xml', 'feed.fr.xml', 'feed.ru.xml', 'index.en.html', 'index.html', 'index.md', 'index.ru.html'])
    // The indexes and feeds list only what is published.
    for (const name of written.filter((each) => each.includes('.'))) expect(await fs.readFile(path.join(out, name), 'utf8')).not.toContain(georgia)
  })

  it('publishes everything with --only-reviewed when everything is reviewed', async () => {
    const result = await buildBriefs({corpus: await copyCorpus(), out: await tempDir('site'), onlyReviewed: true})
    expect(result).toMatchObject({failed: false, briefs: 4, draft: 0, stale: 0, missing: 0})
  })

  it('fails the build on a corrupt ledger, publishing nothing', async () => {
    const corpus = await copyCorpus()
    const ledger = path.join(corpus, 'reviews', 'ru', `${georgia}.json`)
    await fs.writeFile(ledger, (await fs.readFile(ledger, 'utf8')).replace('"reviewer": "briefs desk",\n    "date": "2026-11-21",\n    "text": "La Géorgie et le Kazakhstan, deux pays frontaliers', '"reviewer": "briefs desk",\n    "date": "21/11/2026",\n    "text": "La Géorgie et le Kazakhstan, deux pays frontaliers'))
    const out = await tempDir('site')
    const result = await buildBriefs({corpus, out})
    expect(result.failed).toBe(true)
    const [error] = result.files.flatMap((file) => file.messages).filter((message) => message.fatal === true)
    expect(`${path.basename(error!.file!)}:${error!.line}:${error!.column}: ${error!.reason}`).toBe(
      `${georgia}.json:13:13: Unexpected date "21/11/2026" in approval of \`s-315253\`, expected \`YYYY-MM-DD\``
    )
    // A failed build leaves the site as it was: here, nothing at all.
    await expect(fs.readdir(out)).resolves.toEqual([])
  })
})
