import type {Nodes, Root, Table} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

/** Read Markdown the way GitHub does: CommonMark plus GFM (tables, autolinks, strikethrough). */
export function parseMarkdown(value: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(value)
}

/**
 * The text of a node, as `mdast-util-to-string` computes it (values, image
 * alt texts, raw HTML included), which is not a direct dependency of the app.
 */
export function mdText(node: Nodes | Nodes[]): string {
  if (Array.isArray(node)) return node.map(mdText).join('')
  if ('value' in node && typeof node.value === 'string') return node.value
  if (node.type === 'image') return node.alt ?? ''
  if ('children' in node) return mdText(node.children as Nodes[])
  return ''
}

/** The only table of a brief; more or fewer means a row or the header broke out of it. */
export function onlyTable(tree: Root): Table {
  const tables = tree.children.filter((node): node is Table => node.type === 'table')
  if (tables.length !== 1) throw new Error(`Expected one table, found ${tables.length}`)
  return tables[0]!
}

/** Each row of a table as the plain text of its cells. */
export function tableText(table: Table): string[][] {
  return table.children.map((row) => row.children.map((cell) => mdText(cell)))
}
