import type {Bitext, TranslationUnit} from '@briefs/bitext'
import type {Article} from '@briefs/corpus'
import type {Sentence} from '@briefs/segment'
import type {Heading, Paragraph, PhrasingContent, RootContent, TableCell} from 'mdast'
import {visit} from 'unist-util-visit'

/** A block of the French with its sentences (paragraph, heading, table cell): what translation units cover. */
export interface SourceBlock {
  id: string
  kind: 'paragraph' | 'heading' | 'cell'
  /** A heading's level in the article (1 to 6). */
  depth?: number
  /** The French block's content: sentence nodes with their inline markup. */
  children: PhrasingContent[]
  sentenceIds: string[]
}

/**
 * What a row of the brief sits in, outermost first: the same in every
 * column, so a quoted list item is a quoted list item in every language.
 * `first` says whether the row is the first of its list item or footnote
 * (which shows the marker).
 */
export type Container =
  | {type: 'blockquote'}
  | {type: 'listItem'; ordered: boolean; number: number; checked: boolean | undefined; first: boolean}
  | {type: 'footnote'; label: string; number: number; first: boolean}

/** A cell of an article's table: a block with sentences, or content without text shown as it is. */
export type SourceCell = {block: number} | {children: PhrasingContent[]}

/** What a row of the brief shows. */
export type RowContent =
  /** A paragraph or heading with sentences: `view.blocks[block]`, translated. */
  | {type: 'block'; block: number}
  /** An article's table, shown as one table in every column, each cell translated. */
  | {type: 'table'; align: Array<'left' | 'right' | 'center' | null>; rows: SourceCell[][]}
  /** Code: shown as it is, untranslated, in every column. */
  | {type: 'code'; value: string}
  | {type: 'thematicBreak'}
  /** A paragraph or heading without text (an image without alt text): shown as it is in every column. */
  | {type: 'static'; node: Paragraph | Heading}

/** One row of the brief: side by side, the French and each translation. */
export interface SourceRow {
  /** The ID of its (first) block: the row's fragment ID; none for rows without text. */
  id: string | undefined
  containers: Container[]
  content: RowContent
}

/** One language's side of a block: its translation units, or markers where missing. */
export interface TranslatedBlock {
  children: PhrasingContent[]
  /** Segments shown as missing. */
  missing: string[]
}

/** How many sentences of a brief are translated and reviewed. */
export interface BriefCounts {
  total: number
  translated: number
  reviewed: number
  draft: number
  stale: number
}

/** The translated title and its state, for a brief's header. */
export interface BriefTitle {
  text: string | undefined
  state: SentenceState
}

/** Everything a brief is rendered from, language-independent parts computed once per article. */
export interface ArticleView {
  article: Article
  /** Every block with sentences, in document order: what is translated. */
  blocks: SourceBlock[]
  /** Every row of the brief, in document order: what is shown. */
  rows: SourceRow[]
  /** Footnote labels (normalized) by their number, numbered in order of first reference as GitHub does. */
  footnotes: Map<string, number>
  /** The depth of the article's highest headings (1 to 6): they are the page's second level, under its title. */
  topHeading: number
}

/**
 * Collect an article's blocks and rows in document order, once for all
 * languages. Every block of the article is a row (a table is one row), in
 * its containers (block quotes, list items, footnotes); definitions, front
 * matter and HTML comments show nothing and make no row.
 */
export function articleView(article: Article): ArticleView {
  const blocks: SourceBlock[] = []
  const rows: SourceRow[] = []
  const footnotes = new Map<string, number>()
  visit(article.tree, 'footnoteReference', (node) => {
    const label = node.identifier
    if (!footnotes.has(label)) footnotes.set(label, footnotes.size + 1)
  })
  visit(article.tree, 'footnoteDefinition', (node) => {
    if (!footnotes.has(node.identifier)) footnotes.set(node.identifier, footnotes.size + 1)
  })
  // A list item's or footnote's marker shows on its first row only.
  const opened = new Set<Container>()

  function push(containers: Container[], content: RowContent, id: string | undefined): void {
    const shown = containers.map((container) => (container.type === 'blockquote' ? container : {...container, first: !opened.has(container)}))
    for (const container of containers) opened.add(container)
    rows.push({id, containers: shown, content})
  }

  function addBlock(node: Paragraph | Heading | TableCell, kind: SourceBlock['kind']): number | undefined {
    const id = node.data?.blockId
    if (!id) return undefined
    const sentenceIds = node.children.flatMap((child) => (child.type === 'sentence' ? [child.data.segmentId] : []))
    const block: SourceBlock = {id, kind, children: node.children, sentenceIds}
    if (node.type === 'heading') block.depth = node.depth
    blocks.push(block)
    return blocks.length - 1
  }

  function walk(nodes: readonly RootContent[], containers: Container[]): void {
    for (const node of nodes) {
      switch (node.type) {
        case 'paragraph':
        case 'heading': {
          const index = addBlock(node, node.type)
          if (index !== undefined) push(containers, {type: 'block', block: index}, blocks[index]!.id)
          else if (node.children.some((child) => child.type !== 'html')) push(containers, {type: 'static', node}, undefined)
          break
        }
        case 'table': {
          const cells = node.children.map((row) => row.children.map((cell): SourceCell => {
            const index = addBlock(cell, 'cell')
            return index === undefined ? {children: cell.children} : {block: index}
          }))
          const first = cells.flat().find((cell): cell is {block: number} => 'block' in cell)
          push(containers, {type: 'table', align: (node.align ?? []).map((align) => align ?? null), rows: cells}, first ? blocks[first.block]!.id : undefined)
          break
        }
        case 'code':
          push(containers, {type: 'code', value: node.value}, undefined)
          break
        case 'thematicBreak':
          push(containers, {type: 'thematicBreak'}, undefined)
          break
        case 'blockquote':
          walk(node.children, [...containers, {type: 'blockquote'}])
          break
        case 'list':
          node.children.forEach((item, index) => {
            const container: Container = {type: 'listItem', ordered: node.ordered === true, number: (node.start ?? 1) + index, checked: item.checked ?? undefined, first: true}
            walk(item.children, [...containers, container])
          })
          break
        case 'footnoteDefinition':
          walk(node.children, [...containers, {type: 'footnote', label: node.label ?? node.identifier, number: footnotes.get(node.identifier)!, first: true}])
          break
        default:
          // `definition` (resolved into links), `yaml`, `html` (comments: an article with other HTML is refused).
          break
      }
    }
  }

  walk(article.tree.children, [])
  let topHeading = 6
  visit(article.tree, 'heading', (node) => {
    topHeading = Math.min(topHeading, node.depth)
  })
  return {article, blocks, rows, footnotes, topHeading}
}

/** How a translation unit stands, as the brief shows it. */
export type SentenceState = 'missing' | 'draft' | 'reviewed' | 'stale'

/**
 * A unit as one span of the brief: `data-segment` lists every French
 * segment it translates, so sentence linking lights up all of them.
 */
function sentence(segmentIds: readonly string[], children: PhrasingContent[], state: SentenceState): Sentence {
  const segments = segmentIds.join(' ')
  return {
    type: 'sentence',
    children,
    data: {
      segmentId: segmentIds[0]!,
      text: '',
      hName: 'span',
      hProperties: state === 'reviewed' ? {dataSegment: segments} : {dataSegment: segments, dataState: state, className: [state]}
    }
  }
}

/** A missing translation is shown, never dropped. */
export function missingMarker(label: string): PhrasingContent {
  return {type: 'strong', children: [{type: 'text', value: `⚠ ${label}`}]}
}

/** A translation published before review carries a visible flag. */
export function reviewFlag(label: string): PhrasingContent {
  return {type: 'emphasis', data: {hName: 'span', hProperties: {className: ['flag']}}, children: [{type: 'text', value: `(⚑ ${label})`}]}
}

export interface StateLabels {
  missing: string
  draft: string
  stale: string
}

/** The units of each block of the bitext, by block ID, in document order. */
export function unitsByBlock(bitext: Bitext): Map<string, TranslationUnit[]> {
  const blocks = new Map<string, TranslationUnit[]>()
  for (const unit of bitext.units) {
    const block = unit.segments[0]!.block
    const units = blocks.get(block)
    if (units) units.push(unit)
    else blocks.set(block, [unit])
  }
  return blocks
}

/**
 * One language's side of a block: each translation unit once, beside the
 * French sentences it covers, as parsed by the bitext model (the same nodes
 * the checks read); a missing one as a marker; a draft or stale one flagged.
 */
export function translateBlock(units: readonly TranslationUnit[], labels: StateLabels): TranslatedBlock {
  const children: PhrasingContent[] = []
  const missing: string[] = []
  units.forEach((unit, index) => {
    if (index > 0) children.push({type: 'text', value: ' '})
    const ids = unit.segments.map((segment) => segment.id)
    if (unit.state === 'missing') {
      missing.push(...ids)
      children.push(sentence(ids, [missingMarker(labels.missing)], 'missing'))
      return
    }
    const content = [...unit.target!.nodes]
    if (unit.state === 'draft' || unit.state === 'stale') content.push({type: 'text', value: ' '}, reviewFlag(labels[unit.state]))
    children.push(sentence(ids, content, unit.state))
  })
  return {children, missing}
}
