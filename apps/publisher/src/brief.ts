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

export function parseTranslation(value: string): PhrasingContent[] {
  const tree = inlineParser.parse(value)
  const only = tree.children[0]
  // Anything that is not a single paragraph (a translation starting with `#` or `1.`) stays literal text.
  if (tree.children.length === 1 && only?.type === 'paragraph') return only.children
  return [{type: 'text', value}]
}

function sentence(id: string, children: PhrasingContent[], missing: boolean): Sentence {
  return {
    type: 'sentence',
    children,
    data: {segmentId: id, text: '', hName: 'span', hProperties: missing ? {dataSegment: id, className: ['missing']} : {dataSegment: id}}
  }
}

/** A missing translation is shown, never dropped. */
export function missingMarker(label: string): PhrasingContent {
  return {type: 'strong', children: [{type: 'text', value: `⚠ ${label}`}]}
}

export function translateBlock(
  view: ArticleView,
  block: SourceBlock,
  lng: TargetLanguage,
  translations: Translations,
  missingLabel: string
): TranslatedBlock {
  const children: PhrasingContent[] = []
  const missing: string[] = []
  block.sentenceIds.forEach((id, index) => {
    if (index > 0) children.push({type: 'text', value: ' '})
    const value = translations.get(lng, view.article.id, id)
    if (value === undefined || value.trim() === '') {
      missing.push(id)
      children.push(sentence(id, [missingMarker(missingLabel)], true))
    } else {
      children.push(sentence(id, parseTranslation(value), false))
    }
  })
  return {children, missing}
}

export function translatedTitle(view: ArticleView, lng: TargetLanguage, translations: Translations): string | undefined {
  const value = translations.get(lng, view.article.id, titleSegmentId)
  return value === undefined || value.trim() === '' ? undefined : value
}
