import fs from 'node:fs/promises'
import path from 'node:path'
import type {Table} from 'mdast'
import {micromark} from 'micromark'
import {gfm, gfmHtml} from 'micromark-extension-gfm'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildBriefs} from '../src/index.js'
import {copyCorpus, removeTempDirs, tempDir} from './helpers/corpus.js'
import {childElements, parseHtml, select, selectOne, textContent, type Element} from './helpers/html.js'
import {mdText, parseMarkdown, tableText} from './helpers/markdown.js'

/**
 * The article's structure in both briefs (fixture `structure`): headings of
 * their level, a block quote holding a list, an ordered list whose second
 * item has two paragraphs, a table, a thematic break, code, a footnote and
 * a reference link, each in every column.
 */
const id = '2022-12-structure-d-un-article'
let corpus: string
let out: string

beforeAll(async () => {
  corpus = await copyCorpus('structure')
  out = await tempDir('site')
  const result = await buildBriefs({corpus, out})
  expect(result.files.flatMap((file) => file.messages.filter((message) => message.fatal !== null).map(String))).toEqual([])
  expect(result).toMatchObject({failed: false, missing: 0})
})

afterAll(removeTempDirs)

const rows = async (view: string) => select(parseHtml(await fs.readFile(path.join(out, id, `${view}.html`), 'utf8')), 'section.row')
/** A row's cell of one column: 0 the French, then each translation. */
const cell = (row: Element, column: number) => childElements(row)[column]!
/** The elements of a cell, outermost first, down the first child element. */
const shape = (element: Element): string[] => {
  const first = childElements(element)[0]
  if (!first) return []
  const start = first.properties.start === undefined ? '' : `[start=${String(first.properties.start)}]`
  const continued = (first.properties.className as string[] | undefined)?.includes('continued') ? '.continued' : ''
  return [`${first.tagName}${start}${continued}`, ...(['p', 'h2', 'pre', 'table', 'hr'].includes(first.tagName) ? [] : shape(first))]
}

describe('the HTML brief', () => {
  it('shows every block of the article as a row, in its containers, alike in every column', async () => {
    for (const view of ['fr-en', 'fr-ru', 'fr-en-ru']) {
      const shown = await rows(view)
      const expected = [
        ['h2'],
        ['p'],
        ['blockquote', 'p'],
        ['blockquote', 'ul', 'li', 'p'],
        ['blockquote', 'ul', 'li', 'p'],
        ['ol', 'li', 'p'],
        ['ol[start=2]', 'li', 'p'],
        ['ol[start=2]', 'li.continued', 'p'],
        ['table'],
        ['hr'],
        ['pre'],
        ['p'],
        ['div', 'p']
      ]
      expect(shown.map((row) => shape(cell(row, 0))), view).toEqual(expected)
      for (let column = 1; column < childElements(shown[0]!).length; column++) expect(shown.map((row) => shape(cell(row, column))), `${view} ${column}`).toEqual(expected)
    }
  })

  it('shows the table as one table, each cell translated, with its alignment', async () => {
    const [row] = (await rows('fr-en')).filter((candidate) => select(candidate, 'table').length > 0)
    const table = (column: number) => select(cell(row!, column), 'tr').map((tr) => select(tr, 'th, td').map((element) => textContent(element).replace(/\s*\(⚑.*?\)/, '').trim()))
    expect(table(0)).toEqual([
      ['Pays', 'Arrivées par jour'],
      ['Géorgie', '10.000'],
      ['Kazakhstan', '98.000 au total']
    ])
    expect(table(1)).toEqual([
      ['Country', 'Arrivals per day'],
      ['Georgia', '10,000'],
      ['Kazakhstan', '98,000 in total']
    ])
    expect(select(cell(row!, 0), 'th').map((th) => th.properties.align)).toEqual(['left', 'right'])
    // Each cell's sentence is a sentence span, linked across columns.
    expect(select(cell(row!, 0), 'td span[data-segment]').map((span) => span.properties.id)).toEqual(select(cell(row!, 1), 'td span[data-segment]').map((span) => String(span.properties.id).slice(3)))
  })

  it('shows code as code, untranslated, in every column, and the reference link as a link', async () => {
    const shown = await rows('fr-en-ru')
    const code = shown.find((row) => select(row, 'pre').length > 0)!
    expect(childElements(code).map((column) => textContent(selectOne(column, 'pre > code')))).toEqual(Array(3).fill('commande --pays=géorgie | trier\n'))
    expect(select(cell(shown[1]!, 0), 'a').map((link) => [link.properties.href, textContent(link)])).toEqual([['https://www.example.org/ministere', 'le ministère']])
    // The footnote is numbered as GitHub numbers it, in the text and before the note.
    expect(textContent(selectOne(cell(shown[11]!, 0), 'sup'))).toBe('1')
    expect(textContent(selectOne(cell(shown[12]!, 0), 'div.footnote sup.footnote-label'))).toBe('1')
  })

  it('keeps the heading levels under the page title: the article’s highest headings are h2', async () => {
    const [first] = await rows('fr-en')
    expect(textContent(selectOne(cell(first!, 0), 'h2'))).toBe('Les chiffres')
  })
})

describe('the Markdown brief', () => {
  it('marks each row’s structure in its cells, and shows the table apart, once per language, as one table', async () => {
    const markdown = await fs.readFile(path.join(out, id, 'fr-en.md'), 'utf8')
    const tree = parseMarkdown(markdown)
    const tables = tree.children.filter((node): node is Table => node.type === 'table')
    expect(tables).toHaveLength(4)
    const french = (table: Table) => tableText(table).slice(1).map((row) => row[0])
    expect(french(tables[0]!)).toEqual([
      '## Les chiffres',
      'Selon le ministère, les arrivées ont doublé. Elles restent élevées.',
      '> « Nous devons les accueillir », a déclaré le président.',
      '> - Une frontière ouverte.',
      '> - Des contrôles renforcés.',
      '1. Premier constat.',
      '2. Deuxième constat.',
      'Il appelle une précision.'
    ])
    // The article's table: labelled, in French then in English, each one GFM table.
    const labels = tree.children.filter((node) => node.type === 'paragraph').map((node) => mdText(node))
    expect(labels).toEqual(expect.arrayContaining(['French:', 'English:']))
    expect(tableText(tables[1]!)).toEqual([
      ['Pays', 'Arrivées par jour'],
      ['Géorgie', '10.000'],
      ['Kazakhstan', '98.000 au total']
    ])
    expect(tables[1]!.align).toEqual(['left', 'right'])
    expect(tableText(tables[2]!).map((row) => row.map((text) => text.replace(/\s*\(⚑.*?\)/, '')))).toEqual([
      ['Country', 'Arrivals per day'],
      ['Georgia', '10,000'],
      ['Kazakhstan', '98,000 in total']
    ])
    // The footnote numbered as in the HTML: the brief has no definition for GitHub to link a `[^1]` to.
    expect(french(tables[3]!)).toEqual(['* * *', 'commande --pays=géorgie | trier', 'Le texte reprend ici[1].', '[1] Chiffres du ministère de l’Intérieur.'])
    // Code is code in every column; the reference link is a link.
    const codeRow = tables[3]!.children[2]!
    expect(codeRow.children.map((column) => column.children.map((node) => node.type))).toEqual([['inlineCode'], ['inlineCode']])
    const html = micromark(markdown, {extensions: [gfm()], htmlExtensions: [gfmHtml()]})
    expect(html).toContain('<a href="https://www.example.org/ministere" title="Ministère">le ministère</a>')
  })
})
