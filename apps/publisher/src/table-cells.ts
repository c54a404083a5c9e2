import type {Parents, PhrasingContent, Root, Table, TableCell} from 'mdast'
import {gfmTableToMarkdown} from 'mdast-util-gfm-table'
import type {Info, Options as ToMarkdownExtension, State} from 'mdast-util-to-markdown'
import {markdownTable} from 'markdown-table'
import type {} from 'remark-stringify'
import {writeTableCell} from './markdown-cell.js'
import type {Processor} from 'unified'

declare module 'mdast' {
  interface TableCellData {
    /** The cell already serialized by `renderCells`: used as is. */
    markdown?: string | undefined
  }
}

/** remark-gfm's own cell serializer: escaping stays remark's, only its reuse is ours. */
const serializeCell = gfmTableToMarkdown({tablePipeAlign: false}).handlers!.tableCell!

/** Every cell serialized by a `table` run, so `renderCells` can read them back. */
const serialized = new WeakMap<TableCell, string>()

/**
 * mdast-util-to-markdown extension, after remark-gfm's: a GFM table whose
 * cells may come serialized already (`data.markdown`). A cell's Markdown
 * depends only on the cell (remark-gfm serializes it in the same
 * `table > tableRow > tableCell > phrasing` construct whatever its
 * neighbours), so a French block serialized once serves the English, the
 * Russian and the multilingual brief. A cell is written by `writeTableCell`
 * (the same bytes, faster) when it can, by remark-gfm's handler otherwise.
 * Rows are joined by markdown-table with the settings remark-gfm gives it
 * for `tablePipeAlign: false`.
 */
export function tableFromCells(): ToMarkdownExtension {
  return {
    handlers: {
      table(node: Table, _: Parents | undefined, state: State, info: Info): string {
        const exitTable = state.enter('table')
        const matrix = node.children.map((row) => {
          const exitRow = state.enter('tableRow')
          const cells = row.children.map((cell) => {
            const value = cell.data?.markdown ?? writeTableCell(cell, state) ?? serializeCell(cell, row, state, info)
            serialized.set(cell, value)
            return value
          })
          exitRow()
          return cells
        })
        exitTable()
        return markdownTable(matrix, {align: node.align, alignDelimiters: false, fillRows: false, padding: true})
      }
    }
  }
}

/**
 * remark plugin: `tableFromCells` for remark-stringify. Use it after
 * remark-gfm, whose own `table` handler it must override.
 */
export function remarkTableFromCells(this: Processor): undefined {
  ;(this.data().toMarkdownExtensions ??= []).push(tableFromCells())
}

/** Serialize table cells once, through `stringify` (a processor with `tableFromCells`), for reuse in any table. */
export function renderCells(stringify: (tree: Root) => string, contents: PhrasingContent[][]): string[] {
  const cells = contents.map((children): TableCell => ({type: 'tableCell', children}))
  stringify({type: 'root', children: [{type: 'table', align: [null], children: cells.map((cell) => ({type: 'tableRow', children: [cell]}))}]})
  return cells.map((cell) => serialized.get(cell)!)
}
