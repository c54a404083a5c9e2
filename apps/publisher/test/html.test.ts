import fs from 'node:fs/promises'
import path from 'node:path'
import {find, html} from 'property-information'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildBriefs, cspHash, frenchSpacing, pageStyles, sentenceLinkingScript} from '../src/index.js'
import {articleIds, copyCorpus, languages, readResource, readSegmentMap, readSourceName, readTitle, removeTempDirs, tempDir, type Language} from './helpers/corpus.js'
import {childElements, closest, hasClass, parseHtml, select, selectOne, textContent, type Element, type Root} from './helpers/html.js'

afterAll(removeTempDirs)

const hostile = '2022-11-texte-piege'
const georgia = '2022-09-la-georgie-et-le-kazakhstan-deux-pays'

// What a page may contain: its own structure, and what the sanitizer lets through of the corpus.
const allowedTags = new Set([
  'html', 'head', 'meta', 'title', 'link', 'style', 'script', 'body', 'div', 'nav', 'ul', 'li', 'a', 'header', 'footer', 'main', 'h1', 'h2', 'p',
  'dl', 'dt', 'dd', 'time', 'code', 'section', 'span', 'br', 'strong', 'em', 'del', 'table', 'thead', 'tbody', 'tr', 'th', 'td'
])
const allowedAttributes = new Set([
  'lang', 'class', 'id', 'data-segment', 'data-state', 'data-label', 'href', 'hreflang', 'rel', 'type', 'title', 'charset', 'http-equiv', 'name',
  'content', 'aria-hidden', 'aria-label', 'aria-current', 'aria-describedby', 'tabindex', 'scope', 'datetime'
])
// Every link the build writes: the pages of the site, relative, and fragments of the page.
const ownHref = /^(?:#text|(?:\.\.\/)?index(?:\.[a-z]{2})?\.html|(?:\.\.\/)?feed\.[a-z]{2}\.xml|(?:[\w-]+\/)?fr(?:-[a-z]{2})+\.html)$/

/** The HTML attribute names of an element, as a browser sees them. */
function attributeNames(element: Element): string[] {
  return Object.keys(element.properties).map((property) => find(html, property).attribute)
}

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

async function readPage(name: string): Promise<{html: string; document: Root}> {
  const html = await fs.readFile(path.join(out, name), 'utf8')
  return {html, document: parseHtml(html)}
}

async function readBrief(id: string, lng: Language): Promise<{html: string; document: Root}> {
  return readPage(`${id}/fr-${lng}.html`)
}

function briefs(): Array<[string, Language]> {
  return ids.flatMap((id) => languages.map((lng): [string, Language] => [id, lng]))
}

describe('HTML briefs', () => {
  it('are pages in the target language with a French column and a translation column per row', async () => {
    for (const [id, lng] of briefs()) {
      const {document} = await readBrief(id, lng)
      expect(selectOne(document, 'html').properties.lang).toBe(lng)
      const {blocks} = await readSegmentMap(corpus, id)
      const rows = select(document, 'section.row')
      expect(rows.map((row) => row.properties.id), `${id} fr-${lng}`).toEqual(blocks.map((block) => block.id))
      for (const row of rows) {
        expect(childElements(row).map((column) => [column.properties.className, column.properties.lang])).toEqual([
          [['source'], 'fr'],
          [['target'], lng]
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
        const row = selectOne(document, `section#${block.id}`)
        const [source, target] = childElements(row)
        const french = select(source!, 'span[data-segment]')
        const translated = select(target!, 'span[data-segment]')
        const segments = block.sentences.map((sentence) => sentence.id)
        expect(french.map((span) => span.properties.dataSegment), `${id} fr-${lng} ${block.id}`).toEqual(segments)
        expect(translated.map((span) => span.properties.dataSegment), `${id} fr-${lng} ${block.id}`).toEqual(segments)
        block.sentences.forEach((sentence, index) => {
          const span = french[index]!
          expect(span.properties.id).toBe(sentence.id)
          expect(closest(document, span, (element) => element.properties.lang !== undefined)?.properties.lang).toBe('fr')
          expect(translated[index]!.properties.id).toBe(`${lng}-${sentence.id}`)
          expect(closest(document, translated[index]!, (element) => element.properties.lang !== undefined)?.properties.lang).toBe(lng)
          expect(hasClass(translated[index]!, 'missing')).toBe(false)
          if (id !== hostile) {
            // As received, but for French spacing: the spaces inside « » and before ; : ! ? are no-break for display.
            expect(textContent(span)).toBe(frenchSpacing(sentence.text))
            expect(textContent(translated[index]!)).toBe(resource[sentence.id])
          }
        })
      }
    }
  })

  it('make every sentence focusable and described by its counterpart, so keyboard and screen-reader users get the pairing too', async () => {
    for (const [id, lng] of briefs()) {
      const {document} = await readBrief(id, lng)
      for (const span of select(document, '.source span[data-segment]')) {
        expect(span.properties.tabIndex, `${id} fr-${lng} ${span.properties.id}`).toBe(0)
        expect(span.properties.ariaDescribedBy).toEqual([`${lng}-${span.properties.dataSegment}`])
      }
      for (const span of select(document, '.target span[data-segment]')) {
        expect(span.properties.tabIndex, `${id} fr-${lng} ${span.properties.id}`).toBe(0)
        expect(span.properties.ariaDescribedBy).toEqual([span.properties.dataSegment])
      }
    }
  })

  it('have unique ids, and every `aria-describedby` names one of them', async () => {
    for (const [id, lng] of briefs()) {
      const {document} = await readBrief(id, lng)
      const all = select(document, '[id]').map((element) => element.properties.id)
      expect(all.length).toBeGreaterThan(0)
      expect(new Set(all).size, `${id} fr-${lng}`).toBe(all.length)
      const described = select(document, '[aria-describedby]').flatMap((element) => element.properties.ariaDescribedBy as string[])
      expect(described.length).toBeGreaterThan(0)
      for (const name of described) expect(all, `${id} fr-${lng}`).toContain(name)
    }
  })

  it('show the French title, its translation and the metadata in the header', async () => {
    for (const [id, lng] of briefs()) {
      const {document} = await readBrief(id, lng)
      const title = await readTitle(corpus, id)
      const translation = (await readResource(corpus, lng, id)).title!
      expect(selectOne(document, 'h1[lang="fr"]').children).toMatchObject([{type: 'text', value: frenchSpacing(title)}])
      expect(selectOne(document, `p.title-translation[lang="${lng}"]`).children).toMatchObject([{type: 'text', value: translation}])
      expect(textContent(selectOne(document, 'title'))).toContain(translation)
      // Readers see no internal name: no article ID, no file name as received, no source without a name.
      const shown = textContent(selectOne(document, 'body'))
      expect(shown).not.toContain(id)
      expect(shown).not.toMatch(/\.txt\b|\braw\b/)
      const named = /^ {2}name: /m.test(await fs.readFile(path.join(corpus, 'articles', `${id}.md`), 'utf8'))
      expect(select(document, 'dl.meta dd:not(.status):not(.review-status)')).toHaveLength(named ? 1 : 0)
      expect(select(document, 'a.brand, footer nav a').map((link) => link.properties.href)).toEqual([`../index.${lng}.html`, `../index.${lng}.html`, `../feed.${lng}.xml`])
    }
  })

  it('link every language version of the article with `hreflang`, each listing itself, and name the current one', async () => {
    for (const id of ids) {
      for (const name of ['fr-en', 'fr-ru', 'fr-en-ru']) {
        const {document} = await readPage(`${id}/${name}.html`)
        const alternates = select(document, 'link[rel="alternate"][hreflang]').map((link) => [link.properties.hrefLang, link.properties.href])
        expect(alternates, `${id}/${name}`).toEqual([
          ['en', 'fr-en.html'],
          ['ru', 'fr-ru.html'],
          ['fr', 'fr-en-ru.html']
        ])
        const versions = select(document, 'nav ul.versions a')
        expect(versions.map((link) => link.properties.href)).toEqual(['fr-en.html', 'fr-ru.html', 'fr-en-ru.html'])
        expect(select(document, 'nav ul.versions a[aria-current="page"]').map((link) => link.properties.href)).toEqual([`${name}.html`])
        for (const href of versions.map((link) => String(link.properties.href))) await expect(fs.access(path.join(out, id, href))).resolves.toBeUndefined()
      }
    }
  })

  it('have a title and a meta description in the reader’s language, and a date written out per language', async () => {
    const english = (await readPage(`${georgia}/fr-en.html`)).document
    expect(textContent(selectOne(english, 'title'))).toBe('Georgia and Kazakhstan see influx of Russians fleeing mobilization (French | English)')
    expect(selectOne(english, 'meta[name="description"]').properties.content).toMatch(/^Georgia and Kazakhstan see influx of Russians fleeing mobilization — The French original and its English translation/)
    expect(selectOne(english, 'p.kicker time').properties.dateTime).toBe('2022-09')
    expect(textContent(selectOne(english, 'p.kicker time'))).toBe('September 2022')
    const russian = (await readPage(`${georgia}/fr-ru.html`)).document
    expect(textContent(selectOne(russian, 'title'))).toBe('Грузия и Казахстан столкнулись с наплывом россиян, бегущих от мобилизации (Французский | Русский)')
    expect(textContent(selectOne(russian, 'p.kicker time'))).toBe('сентябрь 2022 г.')
    const french = (await readPage(`${georgia}/fr-en-ru.html`)).document
    expect(textContent(selectOne(french, 'title'))).toBe('La Géorgie et le Kazakhstan voient affluer les Russes fuyant la mobilisation (Français | Anglais | Russe)')
    expect(textContent(selectOne(french, 'p.kicker time'))).toBe('septembre 2022')
    expect(selectOne(french, 'meta[name="description"]').properties.content).toMatch(/^La Géorgie .* — L’article original en français et ses traductions/)
  })

  it('carry a Content-Security-Policy that allows only the page’s own style and script, by hash', async () => {
    for (const name of [`${georgia}/fr-en.html`, `${georgia}/fr-en-ru.html`, 'index.html', 'index.ru.html']) {
      const {document} = await readPage(name)
      const [charset, policy] = select(document, 'head > meta')
      expect(charset!.properties.charSet).toBe('utf-8')
      expect(policy!.properties.httpEquiv).toEqual(['Content-Security-Policy'])
      const directives = String(policy!.properties.content).split('; ')
      const script = select(document, 'script')
      expect(directives, name).toEqual([
        "default-src 'none'",
        `style-src ${cspHash(pageStyles)}`,
        `script-src ${script.length === 0 ? "'none'" : cspHash(sentenceLinkingScript)}`,
        "img-src 'none'",
        "base-uri 'none'",
        "form-action 'none'"
      ])
      // The hashes hold for the text as written in the page, byte for byte.
      expect(select(document, 'style').map((style) => textContent(style))).toEqual([pageStyles])
      expect(script.map((element) => textContent(element))).toEqual(name.startsWith('index') ? [] : [sentenceLinkingScript])
    }
  })
})

describe('Markdown images in corpus text', () => {
  it('become links named by their alt text, so a page loads nothing; unsafe URLs lose their link', async () => {
    const corpus = await copyCorpus()
    const article = path.join(corpus, 'articles', `${georgia}.md`)
    await fs.appendFile(article, '\nUne carte ![carte de la frontière](https://example.org/carte.png) et une autre ![](javascript:alert(1)) sans image.\n')
    const out = await tempDir('site')
    expect(await buildBriefs({corpus, out})).toMatchObject({failed: false})
    const document = parseHtml(await fs.readFile(path.join(out, georgia, 'fr-en.html'), 'utf8'))
    expect(select(document, 'img')).toEqual([])
    const links = select(document, 'a.image-link')
    expect(links.map((link) => [link.properties.href, textContent(link)])).toEqual([
      ['https://example.org/carte.png', 'carte de la frontière'],
      [undefined, 'javascript:alert(1)']
    ])
    // The Markdown brief keeps the image as written: GitHub proxies images.
    // The Markdown brief sanitizes alike: the image a link named by its alt text, the unsafe one text.
    const markdown = await fs.readFile(path.join(out, georgia, 'fr-en.md'), 'utf8')
    expect(markdown).toContain('[carte de la frontière](https://example.org/carte.png)')
    expect(markdown).not.toContain('![')
    expect(markdown).not.toContain('](javascript:')
  })
})

describe('the multilingual brief `fr-en-ru.html`', () => {
  it('is a French page with the French, English and Russian of every block side by side', async () => {
    for (const id of ids) {
      const {document} = await readPage(`${id}/fr-en-ru.html`)
      expect(selectOne(document, 'html').properties.lang).toBe('fr')
      const {blocks} = await readSegmentMap(corpus, id)
      const rows = select(document, 'section.row')
      expect(rows.map((row) => row.properties.id)).toEqual(blocks.map((block) => block.id))
      for (const [index, row] of rows.entries()) {
        const columns = childElements(row)
        expect(columns.map((column) => column.properties.lang)).toEqual(['fr', 'en', 'ru'])
        const segments = blocks[index]!.sentences.map((sentence) => sentence.id)
        expect(columns.map((column) => select(column, 'span[data-segment]').map((span) => span.properties.id))).toEqual([
          segments,
          segments.map((segment) => `en-${segment}`),
          segments.map((segment) => `ru-${segment}`)
        ])
        for (const span of select(columns[0]!, 'span[data-segment]')) {
          expect(span.properties.ariaDescribedBy).toEqual([`en-${span.properties.dataSegment}`, `ru-${span.properties.dataSegment}`])
        }
      }
      expect(select(document, 'p.title-translation').map((title) => title.properties.lang)).toEqual(['en', 'ru'])
      expect(select(document, 'dd.review-status').map((status) => textContent(status))).toHaveLength(2)
    }
  })

  it('shows the same French and translations, node for node, as the bilingual briefs', async () => {
    for (const id of ids) {
      const {document} = await readPage(`${id}/fr-en-ru.html`)
      for (const lng of languages) {
        const bilingual = (await readBrief(id, lng)).document
        const text = (root: Root, selector: string) => select(root, selector).map((span) => textContent(span))
        expect(text(document, '.source [data-segment]')).toEqual(text(bilingual, '.source [data-segment]'))
        expect(text(document, `.target[lang="${lng}"] [data-segment]`)).toEqual(text(bilingual, '.target [data-segment]'))
      }
    }
  })
})

describe('HTML indexes, one per reader language', () => {
  it('list every article with a link to each view, newest first, in French, English and Russian', async () => {
    const expected = [...ids].reverse()
    for (const [name, lng, heading] of [
      ['index.html', 'fr', 'Brèves bilingues'],
      ['index.en.html', 'en', 'Bilingual briefs'],
      ['index.ru.html', 'ru', 'Двуязычные сводки']
    ] as const) {
      const {document} = await readPage(name)
      expect(selectOne(document, 'html').properties.lang).toBe(lng)
      expect(textContent(selectOne(document, 'h1'))).toBe(heading)
      const rows = select(document, 'table.index tbody tr')
      expect(rows.map((row) => select(row, 'a').map((link) => link.properties.href))).toEqual(
        expected.map((id) => [`${id}/fr-en.html`, `${id}/fr-ru.html`, `${id}/fr-en-ru.html`])
      )
      expect(select(document, 'link[rel="alternate"][hreflang]').map((link) => [link.properties.hrefLang, link.properties.href])).toEqual([
        ['fr', 'index.html'],
        ['en', 'index.en.html'],
        ['ru', 'index.ru.html']
      ])
      expect(selectOne(document, 'link[type="application/atom+xml"]').properties.href).toBe(`feed.${lng}.xml`)
    }
    const english = (await readPage('index.en.html')).document
    expect(select(english, 'td.date').map((cell) => textContent(cell))).toEqual(['November 2022', 'October 2022', 'September 2022'])
    expect(select(english, '.count').map((count) => textContent(count))).toContain('19 of 19 sentences reviewed')
    const russian = (await readPage('index.ru.html')).document
    expect(select(russian, 'td.date').map((cell) => textContent(cell))).toEqual(['ноябрь 2022 г.', 'октябрь 2022 г.', 'сентябрь 2022 г.'])
    expect(select(russian, '.count').map((count) => textContent(count))).toContain('Проверено 19 из 19 предложений')
    expect(select(russian, '.article-translation[lang="ru"]').map((title) => textContent(title))).toContain('Грузия и Казахстан столкнулись с наплывом россиян, бегущих от мобилизации')
  })
})

describe('HTML pages of hostile text (fixture `hostile-text`)', () => {
  async function pages(): Promise<Array<{name: string; document: Root}>> {
    const names = [...['fr-en', 'fr-ru', 'fr-en-ru'].map((view) => `${hostile}/${view}.html`), 'index.html', 'index.en.html', 'index.ru.html']
    return Promise.all(names.map(async (name) => ({name, ...(await readPage(name))})))
  }

  it('contain no element or attribute from the corpus: no image, svg, iframe or event handler, and only our own script', async () => {
    for (const {name, document} of await pages()) {
      // Read as a browser reads it (parse5): `<img` may stand in an attribute value (the description), never as an element.
      expect(select(document, 'img, svg, iframe, object, embed, form, base, meta[http-equiv="refresh"]'), name).toEqual([])
      expect(select(document, 'script').map((script) => textContent(script)).filter((text) => text !== sentenceLinkingScript)).toEqual([])
      for (const element of select(document, '*')) {
        expect(allowedTags, `${name} <${element.tagName}>`).toContain(element.tagName)
        for (const attribute of attributeNames(element)) expect(allowedAttributes, `${name} <${element.tagName} ${attribute}>`).toContain(attribute)
        if (element.properties.href !== undefined) expect(element.properties.href, name).toMatch(ownHref)
      }
    }
  })

  it('drop `javascript:` links, keeping their text', async () => {
    for (const lng of languages) {
      const {document} = await readBrief(hostile, lng)
      const spans = select(document, 'span[data-segment="s-fd4812"]')
      expect(spans).toHaveLength(2)
      for (const span of spans) {
        const [link, ...others] = select(span, 'a')
        expect(others).toEqual([])
        expect(link).toMatchObject({tagName: 'a', children: [{type: 'text', value: 'x'}]})
        expect(Object.keys(link!.properties)).toHaveLength(0)
      }
    }
  })

  it('show hostile titles and metadata as text, exactly as written', async () => {
    const title = await readTitle(corpus, hostile)
    expect(title).toMatch(/<script>.*<img src=x onerror=/)
    for (const lng of languages) {
      const {document} = await readBrief(hostile, lng)
      const translation = (await readResource(corpus, lng, hostile)).title!
      expect(selectOne(document, 'h1').children).toMatchObject([{type: 'text', value: frenchSpacing(title)}])
      expect(selectOne(document, 'p.title-translation').children).toMatchObject([{type: 'text', value: translation}])
      expect(textContent(selectOne(document, 'title'))).toContain(translation)
      // The source readers see is the publication's name, as text; never the file or URL as received.
      expect(select(document, 'dl dd')[0]!.children).toMatchObject([{type: 'text', value: await readSourceName(corpus, hostile)}])
      expect(select(document, 'dl a, dl img')).toEqual([])
      expect(textContent(selectOne(document, 'dl'))).not.toContain('.txt')
      expect(selectOne(document, 'meta[name="description"]').properties.content).toContain(translation)
    }
    const index = parseHtml(await fs.readFile(path.join(out, 'index.html'), 'utf8'))
    expect(select(index, 'td[lang="fr"] .article-title').map((cell) => textContent(cell))).toContain(frenchSpacing(title))
  })

  it('show escaped Markdown and inline code as text, on both sides', async () => {
    for (const lng of languages) {
      const {document} = await readBrief(hostile, lng)
      for (const span of select(document, 'span[data-segment="s-b13aee"]')) {
        expect(textContent(span)).toContain('<img src=x onerror="window.__xss=1">')
        expect(textContent(selectOne(span, 'code'))).toMatch(/^<script>alert\(1\)<\/script> \| a/)
      }
    }
  })

  it('keep hard line breaks of the French and of the translation', async () => {
    for (const lng of languages) {
      const {document} = await readBrief(hostile, lng)
      for (const segment of ['s-cf0c76', 's-4fb7be']) {
        const spans = select(document, `span[data-segment="${segment}"]`)
        expect(spans).toHaveLength(2)
        for (const span of spans) expect(select(span, 'br'), `fr-${lng} ${span.properties.id}`).toHaveLength(1)
      }
    }
  })
})
