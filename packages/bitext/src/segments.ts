import {titleSegmentId, type Article} from '@briefs/corpus'
import type {Sentence} from '@briefs/segment'
import type {PhrasingContent} from 'mdast'
import type {Point} from 'unist'
import {visit} from 'unist-util-visit'
import {location} from 'vfile-location'
import {plainText} from './parse-inline.js'

/** A French segment as every consumer sees it: the title, or a sentence of a block. */
export interface FrenchSegment {
  /** `title`, or a stable sentence ID (`s-5cf5ba`). */
  id: string
  /** The block it belongs to (`p-25dde1`); `title` for the title. */
  block: string
  /** Its text as segmented (soft line breaks read as spaces): what approvals fingerprint and diffs show. */
  text: string
  /** Its inline Markdown content; the title is one text node. */
  nodes: PhrasingContent[]
  /** Its words for checks: inline code left out. */
  plainText: string
  /** Where it starts in the article file (the title: its value in the front matter). */
  start: Point
}

const segmentsOfArticle = new WeakMap<Article, FrenchSegment[]>()

/** Every French segment of an article in document order, the title first; computed once per article. */
export function frenchSegments(article: Article): FrenchSegment[] {
  let segments = segmentsOfArticle.get(article)
  if (segments) return segments
  const sentences = new Map<string, {node: Sentence; start: Point | undefined}>()
  visit(article.tree, 'sentence', (node, _, parent) => {
    sentences.set(node.data.segmentId, {node, start: node.position?.start ?? parent?.position?.start})
  })
  segments = article.segments.map((segment): FrenchSegment => {
    if (segment.id === titleSegmentId) {
      return {id: segment.id, block: titleSegmentId, text: segment.text, nodes: [{type: 'text', value: segment.text}], plainText: segment.text, start: titleStart(article)}
    }
    const sentence = sentences.get(segment.id)
    const nodes = sentence?.node.children ?? [{type: 'text', value: segment.text}]
    return {id: segment.id, block: segment.paragraph, text: segment.text, nodes, plainText: sentence ? plainText(nodes) : segment.text, start: sentence?.start ?? {line: 1, column: 1}}
  })
  segmentsOfArticle.set(article, segments)
  return segments
}

/** Where the title's value stands in the front matter. */
function titleStart(article: Article): Point {
  const text = String(article.file.value)
  const match = /^title:[ \t]*/m.exec(text)
  return (match && location(article.file).toPoint(match.index + match[0].length)) ?? {line: 1, column: 1}
}
