import type {Article, TargetLanguage, Translations} from '@briefs/corpus'
import {titleSegmentId} from '@briefs/corpus'
import type {Sentence} from '@briefs/segment'
import type {Heading, Paragraph, PhrasingContent, TableCell} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'

/** A block of the French with its sentences, as the brief shows it: one row. */
export interface SourceBlock {
  id: string
  kind: 'paragraph' | 'heading'
  /** The French block's content: sentence nodes with their inline markup. */
  children: PhrasingContent[]
  sentenceIds: string[]
}

/** One language's side of a row: translated sentences, or markers where missing. */
export interface TranslatedBlock {
  children: PhrasingContent[]
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

/** Translations are inline Markdown written by people: parse them as one paragraph's content. */
const inlineParser = unified().use(remarkParse)

/**
 * Text in which Markdown can see nothing but text: no character that
 * starts inline syntax (`\\`, backticks, `*`, `_`, `[`, `]`, `<`, `>`, `!`,
 * `&`, `~`, `|`, `#`, line breaks, NUL), no leading or trailing white space,
 * and no start that opens a block (`-`, `+`, `=`, an ordered list marker).
 * remark-parse turns such text into one text node holding it unchanged
 * (a property test pins this), so parsing it is skipped: most translations
 * are plain sentences, and parsing them was a tenth of the build.
 */
const markdownSyntax = /[\\`*_[\]<>!&~|#\n\r\0]|^[\s\-+=]|^\d{1,9}[.)](?:\s|$)|\s$/

export function parseTranslation(value: string): PhrasingContent[] {
  if (!markdownSyntax.test(value)) return [{type: 'text', value}]
  const tree = inlineParser.parse(value)
  const only = tree.children[0]
  // Anything that is not a single paragraph (a translation starting with `#` or `1.`) stays literal text.
  if (tree.children.length === 1 && only?.type === 'paragraph') return only.children
  return [{type: 'text', value}]
}

/** How a translated sentence stands, as the brief shows it. */
export type SentenceState = 'missing' | 'draft' | 'reviewed' | 'stale'

function sentence(id: string, children: PhrasingContent[], state: SentenceState): Sentence {
  return {
    type: 'sentence',
    children,
    data: {
      segmentId: id,
      text: '',
      hName: 'span',
      hProperties: state === 'reviewed' ? {dataSegment: id} : {dataSegment: id, dataState: state, className: [state]}
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

export function translateBlock(
  view: ArticleView,
  block: SourceBlock,
  lng: TargetLanguage,
  translations: Translations,
  stateOf: (segmentId: string) => SentenceState,
  labels: StateLabels
): TranslatedBlock {
  const children: PhrasingContent[] = []
  const missing: string[] = []
  block.sentenceIds.forEach((id, index) => {
    if (index > 0) children.push({type: 'text', value: ' '})
    const value = translations.get(lng, view.article.id, id)
    if (value === undefined || value.trim() === '') {
      missing.push(id)
      children.push(sentence(id, [missingMarker(labels.missing)], 'missing'))
      return
    }
    const state = stateOf(id)
    const content = parseTranslation(value)
    if (state === 'draft' || state === 'stale') content.push({type: 'text', value: ' '}, reviewFlag(labels[state]))
    children.push(sentence(id, content, state === 'missing' ? 'draft' : state))
  })
  return {children, missing}
}

export function translatedTitle(view: ArticleView, lng: TargetLanguage, translations: Translations): string | undefined {
  const value = translations.get(lng, view.article.id, titleSegmentId)
  return value === undefined || value.trim() === '' ? undefined : value
}
