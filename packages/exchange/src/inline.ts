import {remarkArticleSyntax} from '@briefs/corpus'
import type {Nodes as MdastNodes, Paragraph, PhrasingContent, Root} from 'mdast'
import {gfmFootnoteToMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughToMarkdown} from 'mdast-util-gfm-strikethrough'
import {toMarkdown, type Handle, type Options as ToMarkdownOptions} from 'mdast-util-to-markdown'
import {toString} from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

/**
 * Inline content as CAT tools see it: text to translate, and inline codes
 * (the Markdown around and between the words) to keep. Each code keeps its
 * exact Markdown, so that a translation sent out and brought back is
 * rebuilt byte for byte.
 */
export type Inline = InlineText | InlinePaired | InlinePlaceholder

export interface InlineText {
  type: 'text'
  /** The text as read (escapes and character references resolved). */
  value: string
  /** The Markdown it was read from, when it was read from Markdown. */
  raw?: string
}

/** Markup around words: emphasis, strong, strikethrough, a link. */
export interface InlinePaired {
  type: 'paired'
  /** The mdast node type: `emphasis`, `strong`, `delete`, `link`, `linkReference`. */
  kind: string
  /** Markdown before the words (`*`, `[`). */
  start: string
  /** Markdown after the words (`*`, `](https://example.org)`). */
  end: string
  children: Inline[]
}

/** Markup that stands alone: inline code, a hard break, an image, HTML, a footnote reference. */
export interface InlinePlaceholder {
  type: 'placeholder'
  kind: string
  /** Its Markdown. */
  data: string
  /** Its plain text (inline code's code, an image's alternative text). */
  equiv: string
}

const pairedKinds = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference'])

// A character no Markdown serializer escapes, to find where a node's children sit in its Markdown.
const sentinel = '\uE000'

const toMarkdownOptions: ToMarkdownOptions = {extensions: [gfmStrikethroughToMarkdown(), gfmFootnoteToMarkdown()]}

function serialize(children: PhrasingContent[]): string {
  return toMarkdown({type: 'paragraph', children}, toMarkdownOptions).replace(/\n$/, '')
}

/**
 * Inline content of mdast phrasing nodes (the French of a unit, which comes
 * as nodes): the codes' Markdown is what mdast-util-to-markdown writes for them.
 */
export function inlineFromPhrasing(nodes: readonly PhrasingContent[]): Inline[] {
  const inlines: Inline[] = []
  for (const node of nodes) {
    if (node.type === 'text') {
      const last = inlines.at(-1)
      if (last?.type === 'text') last.value += node.value
      else inlines.push({type: 'text', value: node.value})
    } else if (pairedKinds.has(node.type) && 'children' in node && node.children.length > 0) {
      const markdown = serialize([{type: 'text', value: sentinel}, {...node, children: [{type: 'text', value: sentinel}]} as PhrasingContent, {type: 'text', value: sentinel}])
      const [, start = '', end = ''] = markdown.split(sentinel)
      inlines.push({type: 'paired', kind: node.type, start, end, children: inlineFromPhrasing(node.children as PhrasingContent[])})
    } else {
      const markdown = serialize([{type: 'text', value: sentinel}, node, {type: 'text', value: sentinel}])
      inlines.push({type: 'placeholder', kind: node.type, data: markdown.split(sentinel)[1] ?? '', equiv: placeholderText(node)})
    }
  }
  return inlines
}

function placeholderText(node: MdastNodes): string {
  if (node.type === 'break') return '\n'
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? ''
  return toString(node)
}

const markdownParser = unified().use(remarkParse).use(remarkArticleSyntax)

/**
 * Inline content of a translation as written in a resource (inline
 * Markdown, parsed with remark and the corpus's syntax). Every piece keeps
 * its exact Markdown. A translation that is not one paragraph (a heading, a
 * list, several paragraphs, nothing) is one text, its Markdown as it is.
 */
export function inlineFromMarkdown(markdown: string): Inline[] {
  const tree = markdownParser.parse(markdown) as Root
  const paragraph = tree.children.length === 1 && tree.children[0]!.type === 'paragraph' ? (tree.children[0] as Paragraph) : undefined
  if (!paragraph?.position) return markdown === '' ? [] : [{type: 'text', value: markdown, raw: markdown}]
  const slice = (from: number | undefined, to: number | undefined) => markdown.slice(from ?? 0, to ?? 0)
  // Markdown between nodes (white space the parser left out of every node) is kept as text.
  const convert = (nodes: readonly PhrasingContent[], from: number, to: number): Inline[] => {
    const inlines: Inline[] = []
    let cursor = from
    const gap = (until: number) => {
      if (until > cursor) inlines.push({type: 'text', value: markdown.slice(cursor, until), raw: markdown.slice(cursor, until)})
    }
    for (const node of nodes) {
      const start = node.position?.start.offset ?? cursor
      const end = node.position?.end.offset ?? start
      gap(start)
      if (node.type === 'text') {
        inlines.push({type: 'text', value: node.value, raw: slice(start, end)})
      } else if (pairedKinds.has(node.type) && 'children' in node && node.children.length > 0) {
        const children = node.children as PhrasingContent[]
        const inner = children[0]!.position?.start.offset ?? start
        const innerEnd = children.at(-1)!.position?.end.offset ?? end
        inlines.push({type: 'paired', kind: node.type, start: slice(start, inner), end: slice(innerEnd, end), children: convert(children, inner, innerEnd)})
      } else {
        inlines.push({type: 'placeholder', kind: node.type, data: slice(start, end), equiv: placeholderText(node)})
      }
      cursor = end
    }
    gap(to)
    return inlines
  }
  return convert(paragraph.children, 0, markdown.length)
}

interface RawNode {
  type: 'exchangeRaw'
  value: string
}
interface PairedNode {
  type: 'exchangePaired'
  start: string
  end: string
  children: Array<PhrasingContent | RawNode | PairedNode | PlaceholderNode>
}
interface PlaceholderNode {
  type: 'exchangePlaceholder'
  value: string
}

// `peek` tells the serializer which character a node starts with, so the text before it is escaped right.
const rawHandler = Object.assign((node: RawNode | PlaceholderNode) => node.value, {peek: (node: RawNode | PlaceholderNode) => node.value.charAt(0)})
const pairedHandler = Object.assign(
  (node: PairedNode, _parent: unknown, state: Parameters<Handle>[2], info: Parameters<Handle>[3]) => {
    const inside = state.containerPhrasing(node as never, {...info, before: node.start.slice(-1) || info.before, after: node.end.charAt(0) || info.after})
    return node.start + inside + node.end
  },
  {peek: (node: PairedNode) => node.start.charAt(0)}
)

/**
 * Inline Markdown of inline content: codes are written as their Markdown,
 * text as its `raw` Markdown when it has one, escaped by
 * mdast-util-to-markdown (which knows what each character means where it
 * stands) when it does not.
 */
export function inlineToMarkdown(inlines: readonly Inline[]): string {
  const convert = (items: readonly Inline[]): Array<PhrasingContent | RawNode | PairedNode | PlaceholderNode> =>
    items.map((item) => {
      if (item.type === 'text') return item.raw === undefined ? {type: 'text', value: item.value} : {type: 'exchangeRaw', value: item.raw}
      if (item.type === 'paired') return {type: 'exchangePaired', start: item.start, end: item.end, children: convert(item.children)}
      return {type: 'exchangePlaceholder', value: item.data}
    })
  if (inlines.length === 0) return ''
  const paragraph = {type: 'paragraph', children: convert(inlines)} as unknown as Paragraph
  const markdown = toMarkdown(paragraph, {...toMarkdownOptions, handlers: {exchangeRaw: rawHandler, exchangePlaceholder: rawHandler, exchangePaired: pairedHandler} as never})
  return markdown.replace(/\n$/, '')
}

/** The plain text of inline content: its text and its placeholders' text. */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((item) => (item.type === 'text' ? item.value : item.type === 'paired' ? inlineText(item.children) : item.equiv)).join('')
}

/**
 * A string that two inline contents share when they say the same: same
 * text, same codes (by their Markdown) in the same places, `raw` Markdown
 * aside. With
 * `looseWhitespace`, runs of white space count as one space and the ends
 * are trimmed, as a CAT tool may reflow them.
 */
export function inlineSignature(inlines: readonly Inline[], options: {looseWhitespace?: boolean} = {}): string {
  const sign = (items: readonly Inline[]): string =>
    items
      .map((item) => {
        if (item.type === 'text') return item.value
        if (item.type === 'paired') return `\u0001${item.start}\u0002${item.end}\u0003${sign(item.children)}\u0004`
        return `\u0005${item.data}\u0006`
      })
      .join('')
  const signature = sign(inlines)
  return options.looseWhitespace ? signature.replace(/\s+/g, ' ').trim() : signature
}

/** Drop the `raw` Markdown of texts that `keep` does not accept, so they are written escaped. */
export function withRawTexts(inlines: readonly Inline[], keep: (text: InlineText) => string | undefined): Inline[] {
  return inlines.map((item): Inline => {
    if (item.type === 'text') {
      const raw = keep(item)
      return raw === undefined ? {type: 'text', value: item.value} : {type: 'text', value: item.value, raw}
    }
    if (item.type === 'paired') return {...item, children: withRawTexts(item.children, keep)}
    return item
  })
}

/** Every text of inline content, depth first. */
export function inlineTexts(inlines: readonly Inline[]): InlineText[] {
  return inlines.flatMap((item) => (item.type === 'text' ? [item] : item.type === 'paired' ? inlineTexts(item.children) : []))
}

/** Join adjacent texts (their `raw` Markdown too, when both have one). */
export function mergeTexts(inlines: readonly Inline[]): Inline[] {
  const merged: Inline[] = []
  for (const item of inlines) {
    const last = merged.at(-1)
    if (item.type === 'text' && last?.type === 'text') {
      const raw = last.raw !== undefined && item.raw !== undefined ? last.raw + item.raw : undefined
      merged[merged.length - 1] = raw === undefined ? {type: 'text', value: last.value + item.value} : {type: 'text', value: last.value + item.value, raw}
    } else if (item.type === 'paired') {
      merged.push({...item, children: mergeTexts(item.children)})
    } else if (item.type !== 'text' || item.value !== '') {
      merged.push(item)
    }
  }
  return merged
}
