import type {Nodes, Root, Table} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

/** Read Markdown the way GitHub does: CommonMark plus GFM (tables, autolinks, strikethrough). */
export function parseMarkdown(value: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(value)
}

/** The text of a node (values, image alt texts and raw HTML included), by mdast-util-to-string. */
export function mdText(node: Nodes | Nodes[]): string {
  return toString(node)
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
