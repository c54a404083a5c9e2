// Issue 12: `]]>` in a title made all three feeds ill-formed. Whatever the text, every feed
// parses with a strict XML parser (xast-util-from-xml, @rgrove/parse-xml).
import fs from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import type {Element, Root} from 'xast'
import {fromXml} from 'xast-util-from-xml'
import {afterAll, describe, expect, it} from 'vitest'
import {briefViews, buildBriefs, loadUi, renderAtomFeed, type IndexEntry} from '../src/index.js'
import {copyCorpus, removeTempDirs, tempDir} from './helpers/corpus.js'

afterAll(removeTempDirs)

const georgia = '2022-09-la-georgie-et-le-kazakhstan-deux-pays'

function titles(node: Root | Element): string[] {
  return node.children.flatMap((child) => {
    if (child.type !== 'element') return []
    if (child.name === 'title') return [child.children.map((each) => (each.type === 'text' ? each.value : '')).join('')]
    return titles(child)
  })
}

function allText(node: Root | Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? allText(child) : '')).join('')
}

describe('feeds are well-formed XML whatever the text', () => {
  it('holds `]]>`, control characters and lone surrogates in a title and its translation', async () => {
    const corpus = await copyCorpus()
    const article = path.join(corpus, 'articles', `${georgia}.md`)
    const text = await fs.readFile(article, 'utf8')
    // YAML and JSON escapes can carry what a UTF-8 file cannot: control characters and lone surrogates.
    await fs.writeFile(article, text.replace(/^title: .*$/m, 'title: "Fin ]]> de \\x01CDATA \\uD800 et \\uDFFF"'))
    const resource = path.join(corpus, 'locales', 'en', `${georgia}.json`)
    const entries = JSON.parse(await fs.readFile(resource, 'utf8')) as Record<string, string>
    entries.title = 'End ]]> of \u0002CDATA \ud800 ]]]]>>'
    await fs.writeFile(resource, `${JSON.stringify(entries, null, 2)}\n`)
    const out = await tempDir('site')
    const result = await buildBriefs({corpus, out})
    expect(result.failed).toBe(false)
    for (const lng of ['fr', 'en', 'ru']) {
      const xml = await fs.readFile(path.join(out, `feed.${lng}.xml`), 'utf8')
      const tree = fromXml(xml)
      // The French title is the title of the French feed, the summary in the others.
      expect(allText(tree)).toContain('Fin ]]> de \uFFFDCDATA \uFFFD et \uFFFD')
      if (lng === 'en') expect(titles(tree)).toContain('End ]]> of \uFFFDCDATA \uFFFD ]]]]>>')
    }
  })

  it('parses for any title, translated or not (property)', () => {
    const ui = loadUi()
    const views = briefViews(['en', 'ru'])
    // Any UTF-16 code unit (lone surrogates too), and the pieces that broke XML before.
    const unit = fc.oneof(fc.constantFrom(']]>', ']]', '>', '\uD800', '\uDC00', '\u0001', '\r', '&', '<'), fc.integer({min: 0, max: 0xffff}).map((code) => String.fromCharCode(code)))
    const anyText = fc.string({unit, minLength: 1, maxLength: 40})
    fc.assert(
      fc.property(anyText, fc.option(anyText, {nil: undefined}), fc.constantFrom('fr', 'en', 'ru' as const), (title, translated, lng) => {
        const entry: IndexEntry = {
          id: 'a',
          date: '2022-10',
          title,
          languages: [
            {lng: 'en', title: translated, translated: 1, reviewed: 1, total: 1},
            {lng: 'ru', title: undefined, translated: 0, reviewed: 0, total: 1}
          ]
        }
        const xml = renderAtomFeed([entry], views, ui.text(lng))
        // Parsed from the bytes written, as a reader gets them.
        const tree = fromXml(Buffer.from(xml, 'utf8').toString('utf8'))
        const expected = (lng === 'en' && translated !== undefined ? translated : title).replace(
          /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
          '\uFFFD'
        )
        // XML reads a carriage return as a line feed: the feed has the title, its line ends as XML sees them.
        expect(titles(tree)).toContain(expected.replace(/\r\n?/g, '\n'))
      }),
      {numRuns: 300}
    )
  })
})
