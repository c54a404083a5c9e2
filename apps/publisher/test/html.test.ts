import fs from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildBriefs} from '../src/index.js'
import {articleIds, copyCorpus, languages, readResource, readSegmentMap, readTitle, removeTempDirs, tempDir, type Language} from './helpers/corpus.js'
import {closest, elements, hasClass, parseHtml, select, selectOne, textContent, type HtmlDocument} from './helpers/html.js'

afterAll(removeTempDirs)

const hostile = '2022-11-texte-piege'

// What a brief may contain: the page's own structure, and what the sanitizer lets through of the corpus.
const allowedTags = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'div', 'nav', 'a', 'header', 'h1', 'h2', 'p', 'dl', 'dt', 'dd', 'code', 'main', 'section', 'span', 'br', 'strong', 'em', 'del', 'table', 'thead', 'tbody', 'tr', 'th', 'td'])
const allowedAttributes = new Set(['lang', 'class', 'id', 'data-segment', 'href', 'hreflang', 'charset', 'name', 'content', 'aria-hidden', 'scope', 'data-state'])

let corpus: string
let out: string
let ids: string[]

beforeAll(async () => {
  // The repository corpus plus the hostile article: one build, three articles.
  corpus = await copyCorpus('hostile-text')
  out = await tempDir('site')
  const result = await buildBriefs({corpus, out})
  expect(result).toMatchObject({failed: false, missing: 0, articles: 3})
  ids = await articleIds(corpus)
})

async function readBrief(id: string, lng: Language): Promise<{html: string; document: HtmlDocument}> {
  const html = await fs.readFile(path.join(out, id, `fr-${lng}.html`), 'utf8')
  return {html, document: parseHtml(html)}
}

function briefs(): Array<[string, Language]> {
  return ids.flatMap((id) => languages.map((lng): [string, Language] => [id, lng]))
}

describe('HTML briefs', () => {
  it('are pages in the target language with a French column and a translation column per row', async () => {
    for (const [id, lng] of briefs()) {
      const {document} = await readBrief(id, lng)
      expect(selectOne(document, 'html').attributes.get('lang')).toBe(lng)
      const {blocks} = await readSegmentMap(corpus, id)
      const rows = select(document, 'section', {class: 'row'})
      expect(rows.map((row) => row.attributes.get('id')), `${id} fr-${lng}`).toEqual(blocks.map((block) => block.id))
      for (const row of rows) {
        const columns = row.children.filter((child) => child.type === 'element')
        expect(columns.map((column) => [column.attributes.get('class'), column.attributes.get('lang')])).toEqual([
          ['source', 'fr'],
          ['target', lng]
        ])
      }
    }
  })

  it('wrap every French sentence in a span, under `lang="fr"`, matched by a translation span with the same `data-segment`', async () => {
    for (const [id, lng] of briefs()) {
      const {document} = await readBrief(id, lng)
      const {blocks} = await readSegmentMap(corpus, id)
      const resource = await readResource(corpus, lng, id)
      for (const block of blocks) {
        const row = selectOne(document, 'section', {id: block.id})
        const [source, target] = row.children.filter((child) => child.type === 'element')
        const french = select(source!, 'span', {'data-segment': true})
        const translated = select(target!, 'span', {'data-segment': true})
        const segments = block.sentences.map((sentence) => sentence.id)
        expect(french.map((span) => span.attributes.get('data-segment')), `${id} fr-${lng} ${block.id}`).toEqual(segments)
        expect(translated.map((span) => span.attributes.get('data-segment')), `${id} fr-${lng} ${block.id}`).toEqual(segments)
        block.sentences.forEach((sentence, index) => {
          const span = french[index]!
          expect(span.attributes.get('id')).toBe(sentence.id)
          expect(closest(span, (element) => element.attributes.has('lang'))?.attributes.get('lang')).toBe('fr')
          expect(translated[index]!.attributes.get('id')).toBe(`${lng}-${sentence.id}`)
          expect(closest(translated[index]!, (element) => element.attributes.has('lang'))?.attributes.get('lang')).toBe(lng)
          expect(hasClass(translated[index]!, 'missing')).toBe(false)
          if (id !== hostile) {
            expect(textContent(span)).toBe(sentence.text)
            expect(textContent(translated[index]!)).toBe(resource[sentence.id])
          }
        })
      }
    }
  })

  it('have unique ids', async () => {
    for (const [id, lng] of briefs()) {
      const {document} = await readBrief(id, lng)
      const all = elements(document).flatMap((element) => (element.attributes.has('id') ? [element.attributes.get('id')] : []))
      expect(all.length).toBeGreaterThan(0)
      expect(new Set(all).size, `${id} fr-${lng}`).toBe(all.length)
    }
  })

  it('show the French title, its translation and the metadata in the header', async () => {
    for (const [id, lng] of briefs()) {
      const {document} = await readBrief(id, lng)
      const title = await readTitle(corpus, id)
      const translation = (await readResource(corpus, lng, id)).title!
      expect(selectOne(document, 'h1', {lang: 'fr'}).children).toEqual([{type: 'text', value: title}])
      expect(selectOne(document, 'p', {class: 'title-translation', lang: lng}).children).toEqual([{type: 'text', value: translation}])
      expect(textContent(selectOne(document, 'title'))).toContain(translation)
      expect(textContent(selectOne(document, 'dl', {class: 'meta'}))).toContain(id)
      expect(select(selectOne(document, 'nav'), 'a').map((link) => link.attributes.get('href'))).toEqual(['../index.html'])
    }
  })
})

describe('HTML briefs of hostile text (fixture `hostile-text`)', () => {
  async function pages(): Promise<Array<{name: string; html: string; document: HtmlDocument}>> {
    const names = [...languages.map((lng) => `${hostile}/fr-${lng}.html`), 'index.html']
    return Promise.all(
      names.map(async (name) => {
        const html = await fs.readFile(path.join(out, name), 'utf8')
        return {name, html, document: parseHtml(html)}
      })
    )
  }

  it('contain no element or attribute from the corpus: no script, image, svg or event handler', async () => {
    for (const {name, html, document} of await pages()) {
      expect(html, name).not.toMatch(/<(?:script|img|svg|iframe|object|embed)\b/i)
      for (const element of elements(document)) {
        expect(allowedTags, `${name} <${element.tagName}>`).toContain(element.tagName)
        for (const [attribute, value] of element.attributes) {
          expect(allowedAttributes, `${name} <${element.tagName} ${attribute}>`).toContain(attribute)
          if (attribute === 'href') expect(value, name).toMatch(/^(?:\.\.\/index\.html|[\w-]+\/fr-[a-z]{2}\.html)$/)
        }
      }
    }
  })

  it('drop `javascript:` links, keeping their text', async () => {
    for (const lng of languages) {
      const {document} = await readBrief(hostile, lng)
      const spans = select(document, 'span', {'data-segment': 's-fd4812'})
      expect(spans).toHaveLength(2)
      for (const span of spans) {
        const [link, ...others] = select(span, 'a')
        expect(others).toEqual([])
        expect(link).toMatchObject({tagName: 'a', children: [{type: 'text', value: 'x'}]})
        expect(link!.attributes.size).toBe(0)
      }
    }
  })

  it('show hostile titles and metadata as text, exactly as written', async () => {
    const title = await readTitle(corpus, hostile)
    expect(title).toMatch(/<script>.*<img src=x onerror=/)
    for (const lng of languages) {
      const {document} = await readBrief(hostile, lng)
      const translation = (await readResource(corpus, lng, hostile)).title!
      expect(selectOne(document, 'h1').children).toEqual([{type: 'text', value: title}])
      expect(selectOne(document, 'p', {class: 'title-translation'}).children).toEqual([{type: 'text', value: translation}])
      expect(textContent(selectOne(document, 'title'))).toContain(translation)
      expect(textContent(selectOne(document, 'dl'))).toContain('javascript:alert(1), markdown')
    }
    const index = parseHtml(await fs.readFile(path.join(out, 'index.html'), 'utf8'))
    expect(select(index, 'td', {lang: 'fr'}).map((cell) => textContent(cell))).toContain(title)
  })

  it('show escaped Markdown and inline code as text, on both sides', async () => {
    for (const lng of languages) {
      const {document} = await readBrief(hostile, lng)
      for (const span of select(document, 'span', {'data-segment': 's-b13aee'})) {
        expect(textContent(span)).toContain('<img src=x onerror="window.__xss=1">')
        expect(textContent(selectOne(span, 'code'))).toMatch(/^<script>alert\(1\)<\/script> \| a/)
      }
    }
  })

  it('keep hard line breaks of the French and of the translation', async () => {
    for (const lng of languages) {
      const {document} = await readBrief(hostile, lng)
      for (const segment of ['s-cf0c76', 's-4fb7be']) {
        const spans = select(document, 'span', {'data-segment': segment})
        expect(spans).toHaveLength(2)
        for (const span of spans) expect(select(span, 'br'), `fr-${lng} ${span.attributes.get('id')}`).toHaveLength(1)
      }
    }
  })
})
