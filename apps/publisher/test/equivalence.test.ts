import fs from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import type {PhrasingContent, Root, TableRow} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {removePosition} from 'unist-util-remove-position'
import {describe, expect, it} from 'vitest'
import {parseInline} from '@briefs/bitext'
import {remarkTableFromCells} from '../src/index.js'
import {renderCells} from '../src/table-cells.js'
import {repositoryCorpus} from './helpers/corpus.js'

// Characters Markdown reads as syntax, and plain ones, in French, English and Russian.
const alphabet = fc.constantFrom(...'aZé Жж 0123456789.,;:!?*_`[]()<>#+-=|\\&~"«»“”’\u00a0\u202f^$%{}/@\t\n\r'.split(''), 'www.', 'http://', '&amp;', '1. ', '- ', '  \n')
const strings = fc.array(alphabet, {maxLength: 30}).map((parts) => parts.join(''))

/** What remark-parse makes of a translation, with no shortcut: the reference. */
function parsedByRemark(value: string): PhrasingContent[] {
  const tree = unified().use(remarkParse).parse(value)
  removePosition(tree, {force: true})
  const only = tree.children[0]
  return tree.children.length === 1 && only?.type === 'paragraph' ? only.children : [{type: 'text', value}]
}

const reference = unified().use(remarkGfm, {tablePipeAlign: false}).use(remarkStringify).freeze()
const withCells = unified()
  .use(remarkGfm, {tablePipeAlign: false})
  .use(remarkStringify)
  .use(remarkTableFromCells)
  .freeze()

/** A table rendered by remark-gfm as it is, and the same table assembled from cells serialized one column at a time. */
function bothWays(rows: PhrasingContent[][][]): [string, string] {
  const table = (cells: Array<Array<PhrasingContent[] | string>>): Root => ({
    type: 'root',
    children: [
      {
        type: 'table',
        align: cells[0]!.map(() => null),
        children: cells.map((row): TableRow => ({type: 'tableRow', children: row.map((cell) => (typeof cell === 'string' ? {type: 'tableCell', data: {markdown: cell}, children: []} : {type: 'tableCell', children: structuredClone(cell)}))}))
      }
    ]
  })
  const columns = rows[0]!.map((_, column) => renderCells((tree) => withCells.stringify(tree), rows.map((row) => structuredClone(row[column]!))))
  return [reference.stringify(table(rows)), withCells.stringify(table(rows.map((row, index) => row.map((_, column) => columns[column]![index]!))))]
}

describe('shortcuts that must not change a byte', () => {
  it('a table assembled from cells serialized once is the table remark-gfm writes', () => {
    const phrasing = strings.map((value) => (parsedByRemark(value.replace(/\n/g, ' ')) as PhrasingContent[]).filter((node) => node.type !== 'break'))
    fc.assert(
      fc.property(fc.integer({min: 1, max: 3}).chain((width) => fc.array(fc.array(phrasing, {minLength: width, maxLength: width}), {minLength: 1, maxLength: 4})), (rows) => {
        const [expected, actual] = bothWays(rows)
        expect(actual).toBe(expected)
      }),
      {numRuns: 500}
    )
  })

  it('… on every paragraph and translation of the corpus', async () => {
    const rows: PhrasingContent[][][] = []
    for (const name of await fs.readdir(path.join(repositoryCorpus, 'articles'))) {
      const id = name.replace(/\.md$/, '')
      const tree = unified().use(remarkParse).parse(await fs.readFile(path.join(repositoryCorpus, 'articles', name), 'utf8'))
      const paragraphs = tree.children.filter((node) => node.type === 'paragraph')
      const en = Object.values(JSON.parse(await fs.readFile(path.join(repositoryCorpus, 'locales', 'en', `${id}.json`), 'utf8')) as Record<string, string>)
      const ru = Object.values(JSON.parse(await fs.readFile(path.join(repositoryCorpus, 'locales', 'ru', `${id}.json`), 'utf8')) as Record<string, string>)
      paragraphs.forEach((paragraph, index) => rows.push([paragraph.children, parseInline(en[index] ?? '').nodes, parseInline(ru[index] ?? '').nodes]))
    }
    expect(rows.length).toBeGreaterThan(20)
    const [expected, actual] = bothWays(rows)
    expect(actual).toBe(expected)
  })
})
