import type {Element, ElementContent} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import {marker, markerPattern} from './markers.js'
import {mapSentences} from './sanitize.js'
import type {UiLanguage} from './ui.js'

/*
 * An article's columns (the French, each translation) are shown in several
 * views: the French in every one, each translation in two. In each view a
 * sentence span is described (`aria-describedby`) by its counterparts in
 * the view's other columns, and that is all that differs. So each column is
 * serialized once per article, with a marker where the counterparts go, and
 * each view fills them in. The markers are made of private-use characters
 * and a random nonce: hast-util-to-html writes them as they are, and corpus
 * text cannot know them; a serialization holding another number of them
 * than expected is an error, never a wrong page.
 */

const markers = markerPattern('\\d+')

/** A column's blocks serialized once: the HTML between sentence spans' counterparts, and each span's segments. */
interface SerializedColumn {
  blocks: Array<{parts: string[]; spans: string[][]}>
}

const serializedColumns = new WeakMap<ElementContent[][], SerializedColumn>()

/** Serialize a column's blocks (from `renderSourceBlocks` or `renderTargetBlocks`) once, whatever the views that show it. */
function serializeColumn(blocks: ElementContent[][]): SerializedColumn {
  let serialized = serializedColumns.get(blocks)
  if (serialized) return serialized
  serialized = {
    blocks: blocks.map((block) => {
      const spans: string[][] = []
      const nodes = mapSentences(block, (span, segments) => {
        if (span.properties.tabIndex === undefined) return span
        spans.push(segments)
        return {...span, properties: {...span.properties, ariaDescribedBy: [marker(String(spans.length - 1))]}}
      })
      const parts = toHtml({type: 'root', children: nodes}).split(markers)
      // `split` with a capturing group interleaves the marker numbers: they must be 0, 1, 2… in order.
      const html = parts.filter((_, index) => index % 2 === 0)
      const found = parts.filter((_, index) => index % 2 === 1)
      if (found.length !== spans.length || found.some((number, index) => Number(number) !== index)) {
        throw new Error(`Unexpected ${found.length} sentence markers in a serialized column, expected ${spans.length}`)
      }
      return {parts: html, spans}
    })
  }
  serializedColumns.set(blocks, serialized)
  return serialized
}

/** A column of a view: its rendered blocks and how its cells are labelled. */
export interface ViewColumn {
  rows: ElementContent[][]
  lng: UiLanguage
  /** The language's name in the view's language (`data-label`). */
  label: string
  source: boolean
}

const blockIdMarker = marker('block')

/** The opening and closing tags of an element without children, serialized once. */
const shells = new Map<string, [string, string]>()
function shell(element: Element): [string, string] {
  const key = JSON.stringify([element.tagName, element.properties])
  let found = shells.get(key)
  if (!found) {
    const html = toHtml(element)
    const close = `</${element.tagName}>`
    if (!html.endsWith(close)) throw new Error(`Unexpected serialization of <${element.tagName}>: ${html}`)
    found = [html.slice(0, -close.length), close]
    shells.set(key, found)
  }
  return found
}

/**
 * The rows of a brief as HTML, as hast-util-to-html writes
 * `h('section.row', {id}, cells)`: one row per row of the article (a block, a table, code...), one cell per column,
 * every sentence span described by `counterparts(segments, position)`.
 */
export function rowsHtml(rowIds: ReadonlyArray<string | undefined>, columns: readonly ViewColumn[], counterparts: (segments: readonly string[], position: number) => string[]): string {
  const serialized = columns.map((column) => serializeColumn(column.rows))
  const cellShells = columns.map((column) => shell(h(column.source ? 'div.source' : 'div.target', {lang: column.lng, dataLabel: column.label})))
  let html = ''
  const [rowOpen, rowClose] = shell(h('section.row', {id: blockIdMarker}))
  rowIds.forEach((id, index) => {
    // Row IDs are `p-` and hex digits and the like, written as they are; anything else is serialized by hast-util-to-html.
    html += id !== undefined && /^[\w-]+$/.test(id) ? rowOpen.replace(blockIdMarker, id) : shell(h('section.row', {id}))[0]
    serialized.forEach((column, position) => {
      const {parts, spans} = column.blocks[index]!
      html += cellShells[position]![0] + parts[0]!
      for (let span = 0; span < spans.length; span++) html += counterparts(spans[span]!, position).join(' ') + parts[span + 1]!
      html += cellShells[position]![1]
    })
    html += rowClose
  })
  return html
}

