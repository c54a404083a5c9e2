import type {Bitext, TranslationUnit} from '@briefs/bitext'
import type {Article} from '@briefs/corpus'
import type {Sentence} from '@briefs/segment'
import type {Heading, Paragraph, PhrasingContent, TableCell} from 'mdast'
import {visit} from 'unist-util-visit'

/** A block of the French with its sentences, as the brief shows it: one row. */
export interface SourceBlock {
  id: string
  kind: 'paragraph' | 'heading'
  /** The French block's content: sentence nodes with their inline markup. */
  children: PhrasingContent[]
  sentenceIds: string[]
}

/** One language's side of a row: its translation units, or markers where missing. */
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
  blocks: SourceBlock[]
}

/** Collect an article's blocks in document order, once for all languages. */
export function articleView(article: Article): ArticleView {
  const blocks: SourceBlock[] = []
  visit(article.tree, (node) => {
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return
    const block = node as Paragraph | Heading | TableCell
    const id = block.data?.blockId
    if (!id) return
    const sentenceIds = block.children.flatMap((child) => (child.type === 'sentence' ? [child.data.segmentId] : []))
    blocks.push({id, kind: node.type === 'heading' ? 'heading' : 'paragraph', children: block.children, sentenceIds})
    return 'skip'
  })
  return {article, blocks}
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
