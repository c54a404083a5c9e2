import fs from 'node:fs/promises'
import path from 'node:path'
import type {Heading, Link, Paragraph} from 'mdast'
import {micromark} from 'micromark'
import {visit} from 'unist-util-visit'
import {gfm, gfmHtml} from 'micromark-extension-gfm'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildBriefs} from '../src/index.js'
import {articleIds, copyCorpus, languages, readResource, readSegmentMap, readTitle, removeTempDirs, tempDir, type Language} from './helpers/corpus.js'
import {parseHtml, select, textContent} from './helpers/html.js'
import {mdText, onlyTable, parseMarkdown, tableText} from './helpers/markdown.js'

afterAll(removeTempDirs)

const header: Record<Language, string[]> = {en: ['French', 'English'], ru: ['Французский', 'Русский']}
const hostile = '2022-11-texte-piege'

async function readBrief(out: string, id: string, lng: Language) {
  return parseMarkdown(await fs.readFile(path.join(out, id, `fr-${lng}.md`), 'utf8'))
}

describe('Markdown briefs of the repository corpus, read as GitHub reads them', () => {
  let corpus: string
  let out: string
  const cases: Array<[string, Language]> = []

  beforeAll(async () => {
    corpus = await copyCorpus()
    out = await tempDir('site')
    const result = await buildBriefs({corpus, out})
    expect(result).toMatchObject({failed: false, missing: 0})
    for (const id of await articleIds(corpus)) for (const lng of languages) cases.push([id, lng])
    expect(cases).toHaveLength(4)
  })

  it('have one table row per paragraph after the header, two cells each', async () => {
    for (const [id, lng] of cases) {
      const table = onlyTable(await readBrief(out, id, lng))
      const {blocks} = await readSegmentMap(corpus, id)
      expect(table.children, `${id} fr-${lng}`).toHaveLength(1 + blocks.length)
      for (const row of table.children) expect(row.children, `${id} fr-${lng}`).toHaveLength(2)
      expect(tableText(table)[0]).toEqual(header[lng])
    }
  })

  it('show the French paragraph on the left and its translation on the right, row by row', async () => {
    for (const [id, lng] of cases) {
      const rows = tableText(onlyTable(await readBrief(out, id, lng))).slice(1)
      const {blocks} = await readSegmentMap(corpus, id)
      const resource = await readResource(corpus, lng, id)
      blocks.forEach((block, index) => {
        const [french, translation] = rows[index]!
        expect(french, `${id} fr-${lng} ${block.id}`).toBe(block.sentences.map((sentence) => sentence.text).join(' '))
        for (const sentence of block.sentences) expect(translation, `${id} fr-${lng} ${sentence.id}`).toContain(resource[sentence.id])
      })
    }
  })

  it('open with the French title, its translation and the metadata', async () => {
    for (const [id, lng] of cases) {
      const tree = await readBrief(out, id, lng)
      const [heading, translated] = tree.children as [Heading, Paragraph]
      expect(heading).toMatchObject({type: 'heading', depth: 1})
      expect(mdText(heading)).toBe(await readTitle(corpus, id))
      expect(mdText(translated)).toContain((await readResource(corpus, lng, id)).title)
      expect(tree.children[2]?.type).toBe('list')
      // Readers see no internal name: no article ID, no file name as received.
      expect(mdText(tree.children[2]!)).not.toContain(id)
      expect(mdText(tree.children[2]!)).not.toMatch(/\.txt\b/)
    }
  })

  it('are listed in the Markdown index, newest first, with links that resolve', async () => {
    const index = parseMarkdown(await fs.readFile(path.join(out, 'index.md'), 'utf8'))
    const rows = onlyTable(index).children
    const ids = (await articleIds(corpus)).reverse()
    expect(rows).toHaveLength(1 + ids.length)
    for (const [position, id] of ids.entries()) {
      const row = rows[position + 1]!
      expect(row.children).toHaveLength(2 + languages.length + 1)
      expect(mdText(row.children[1]!)).toBe(await readTitle(corpus, id))
      const links = row.children.slice(2).map((cell) => cell.children.find((child): child is Link => child.type === 'link')?.url)
      expect(links).toEqual([...languages.map((lng) => `./${id}/fr-${lng}.md`), `./${id}/fr-en-ru.md`])
      for (const link of links) await expect(fs.access(path.join(out, link!))).resolves.toBeUndefined()
    }
  })
})

describe('the multilingual Markdown brief `fr-en-ru.md`, read as GitHub reads it', () => {
  let corpus: string
  let out: string

  beforeAll(async () => {
    corpus = await copyCorpus()
    out = await tempDir('site')
    expect(await buildBriefs({corpus, out})).toMatchObject({failed: false, missing: 0})
  })

  it('has one row per paragraph with the French, English and Russian cells, under a French header', async () => {
    for (const id of await articleIds(corpus)) {
      const tree = parseMarkdown(await fs.readFile(path.join(out, id, 'fr-en-ru.md'), 'utf8'))
      const rows = tableText(onlyTable(tree))
      const {blocks} = await readSegmentMap(corpus, id)
      const english = await readResource(corpus, 'en', id)
      const russian = await readResource(corpus, 'ru', id)
      expect(rows[0]).toEqual(['Français', 'Anglais', 'Russe'])
      expect(rows).toHaveLength(1 + blocks.length)
      blocks.forEach((block, index) => {
        const [french, en, ru, ...others] = rows[index + 1]!
        expect(others).toEqual([])
        expect(french).toBe(block.sentences.map((sentence) => sentence.text).join(' '))
        expect(en).toBe(block.sentences.map((sentence) => english[sentence.id]).join(' '))
        expect(ru).toBe(block.sentences.map((sentence) => russian[sentence.id]).join(' '))
      })
    }
  })

  it('opens with the French title, both translated titles and the metadata in French', async () => {
    for (const id of await articleIds(corpus)) {
      const tree = parseMarkdown(await fs.readFile(path.join(out, id, 'fr-en-ru.md'), 'utf8'))
      const [heading, english, russian, list] = tree.children
      expect(mdText(heading!)).toBe(await readTitle(corpus, id))
      expect(mdText(english!)).toBe(`Anglais\u00a0: ${(await readResource(corpus, 'en', id)).title}`)
      expect(mdText(russian!)).toBe(`Russe\u00a0: ${(await readResource(corpus, 'ru', id)).title}`)
      expect(list?.type).toBe('list')
      expect(mdText(list!)).toMatch(/Date\u00a0: (septembre|octobre) 2022/)
    }
  })
})

describe('Markdown briefs of hostile text (fixture `hostile-text`)', () => {
  let corpus: string
  let out: string

  beforeAll(async () => {
    corpus = await copyCorpus('hostile-text')
    out = await tempDir('site')
    const result = await buildBriefs({corpus, out})
    // Only the inline HTML of the French is reported: a warning at its place, the tag shown in neither brief.
    const messages = result.files.flatMap((file) => file.messages)
    expect(messages.map((message) => message.ruleId)).toEqual(Array(messages.length).fill('inline-html'))
    expect(messages.map((message) => `${message.line}:${message.column}`)).toEqual(['19:16', '19:32', '21:11', '23:11', '28:14'])
    expect(result).toMatchObject({failed: false, missing: 0, articles: 3})
  })

  it('keep one row per paragraph and two cells per row despite `|`, line breaks and raw HTML', async () => {
    const {blocks} = await readSegmentMap(corpus, hostile)
    expect(blocks).toHaveLength(9)
    for (const lng of languages) {
      const table = onlyTable(await readBrief(out, hostile, lng))
      expect(table.children).toHaveLength(1 + blocks.length)
      for (const row of table.children) expect(row.children).toHaveLength(2)
    }
  })

  it('keep `|` and hard line breaks inside their cell, on both sides', async () => {
    const rows = tableText(onlyTable(await readBrief(out, hostile, 'en')))
    expect(rows[1]).toEqual(['Le ministre a évoqué un choix A | B<br>entre deux pays voisins.', 'The minister spoke of a choice A | B<br>between two neighbouring countries.'])
    expect(rows[2]).toEqual(['La frontière reste ouverte<br>malgré les files d’attente.', 'The border remains open<br>despite the queues.'])
    // Inline code over two lines, with a `|`: one line, one cell.
    expect(rows[8]![0]).toContain('<script>alert(1)</script> | a b')
    // A heading shows its level; the translation's `#` is text.
    expect(rows[9]).toEqual(['## Un intertitre | avec une barre', '## # A subheading | with a bar'])
  })

  it('carry no raw HTML but the `<br>` of a line break, no unsafe link and no image, as the HTML briefs', async () => {
    for (const view of ['fr-en', 'fr-ru', 'fr-en-ru']) {
      const tree = parseMarkdown(await fs.readFile(path.join(out, hostile, `${view}.md`), 'utf8'))
      const found: string[] = []
      visit(tree, (node) => {
        if (node.type === 'html' && node.value !== '<br>') found.push(`html ${node.value}`)
        if (node.type === 'image' || node.type === 'imageReference') found.push(node.type)
        if (node.type === 'link' && /^\s*(?:javascript|vbscript|data):/i.test(node.url)) found.push(`link ${node.url}`)
      })
      expect(found, view).toEqual([])
      // The text of what was dropped stays: the link's, the tags' neighbours.
      expect(mdText(tree)).toContain('Un lien x ne doit pas s’exécuter.')
      expect(mdText(tree)).toContain('Un texte piégé alert(1) ne doit rien exécuter.')
    }
  })

  it('write a hostile title as text, never as HTML', async () => {
    const title = await readTitle(corpus, hostile)
    expect(title).toContain('<script>')
    for (const lng of languages) {
      const [heading, translated] = (await readBrief(out, hostile, lng)).children as [Heading, Paragraph]
      expect(heading.children.map((child) => child.type)).toEqual(['text'])
      expect(mdText(heading)).toBe(title)
      expect(mdText(translated)).toContain((await readResource(corpus, lng, hostile)).title)
      expect(translated.children.some((child) => child.type === 'html')).toBe(false)
    }
    const index = onlyTable(parseMarkdown(await fs.readFile(path.join(out, 'index.md'), 'utf8')))
    expect(index.children).toHaveLength(4)
    for (const row of index.children) expect(row.children).toHaveLength(5)
    expect(index.children[1]!.children[1]!.children).toEqual([expect.objectContaining({type: 'text', value: title})])
  })
})

describe('Markdown briefs rendered to HTML as GitHub renders them (micromark with GFM)', () => {
  let corpus: string
  let out: string

  beforeAll(async () => {
    corpus = await copyCorpus('hostile-text')
    out = await tempDir('site')
    expect(await buildBriefs({corpus, out})).toMatchObject({failed: false, missing: 0})
  })

  /** The rows of the only rendered table, each as the text of its cells (`th` or `td`). */
  async function renderedRows(file: string): Promise<string[][]> {
    const html = micromark(await fs.readFile(path.join(out, file), 'utf8'), {extensions: [gfm()], htmlExtensions: [gfmHtml()]})
    const document = parseHtml(html, {fragment: true})
    expect(select(document, 'table'), file).toHaveLength(1)
    return select(document, 'tr').map((row) => select(row, 'th, td').map((cell) => textContent(cell)))
  }

  it('give each brief one table: a header row, then one row per block with one cell per language', async () => {
    for (const id of await articleIds(corpus)) {
      const {blocks} = await readSegmentMap(corpus, id)
      for (const [view, columns] of [
        ['fr-en', 2],
        ['fr-ru', 2],
        ['fr-en-ru', 3]
      ] as const) {
        const rows = await renderedRows(`${id}/${view}.md`)
        expect(rows, `${id}/${view}`).toHaveLength(1 + blocks.length)
        for (const row of rows) expect(row, `${id}/${view}`).toHaveLength(columns)
        if (id === hostile) continue
        const resources = await Promise.all(languages.map((lng) => readResource(corpus, lng, id)))
        blocks.forEach((block, index) => {
          const [french, ...translations] = rows[index + 1]!
          expect(french).toBe(block.sentences.map((sentence) => sentence.text).join(' '))
          const shown = view === 'fr-en' ? [resources[0]!] : view === 'fr-ru' ? [resources[1]!] : resources
          expect(translations).toEqual(shown.map((resource) => block.sentences.map((sentence) => resource[sentence.id]).join(' ')))
        })
      }
    }
  })

  it('list every brief in the index table, one row per article', async () => {
    const rows = await renderedRows('index.md')
    expect(rows).toHaveLength(1 + (await articleIds(corpus)).length)
    for (const row of rows) expect(row).toHaveLength(5)
  })
})
