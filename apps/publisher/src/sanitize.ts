import type {Element, ElementContent, Root as HastRoot} from 'hast'
import {defaultSchema, sanitize, type Schema} from 'hast-util-sanitize'
import type {FootnoteReference, Image, Nodes as MdastNodes} from 'mdast'
import {toHast, type Handler} from 'mdast-util-to-hast'

/**
 * GitHub's schema (hast-util-sanitize's default), plus the attributes our
 * sentence spans carry, and without `img`. Corpus text is untrusted:
 * whatever Markdown turns into HTML passes through this after the last
 * unsafe step (dangerous link protocols, raw HTML and event handlers are
 * dropped).
 */
const schema: Schema = {
  ...defaultSchema,
  // A brief loads nothing: an image would be a request to wherever the corpus points.
  tagNames: (defaultSchema.tagNames ?? []).filter((name) => name !== 'img'),
  attributes: {
    ...defaultSchema.attributes,
    // The first definition of an attribute wins: GitHub's class list for links is replaced, not appended to.
    a: [...(defaultSchema.attributes?.a ?? []).filter((definition) => !(Array.isArray(definition) && definition[0] === 'className')), ['className', 'data-footnote-backref', 'image-link']],
    span: [...(defaultSchema.attributes?.span ?? []), 'dataSegment', ['dataState', 'missing', 'draft', 'stale'], ['className', 'missing', 'draft', 'stale', 'flag']]
  }
}

/**
 * A Markdown image becomes a link to it, named by its alt text: the reader
 * can open it, and the page requests nothing. The sanitizer then checks the
 * link's protocol like any other.
 */
const imageAsLink: Handler = (state, node: Image) => {
  const link: Element = {
    type: 'element',
    tagName: 'a',
    properties: {href: node.url, className: ['image-link']},
    children: [{type: 'text', value: node.alt || node.url}]
  }
  state.patch(node, link)
  return state.applyData(node, link)
}

/**
 * A footnote reference shows its number, as GitHub numbers them (order of
 * first reference); each row is rendered on its own, so the numbers come
 * from the whole article.
 */
function footnoteNumber(numbers: ReadonlyMap<string, number>): Handler {
  return (state, node: FootnoteReference) => {
    const sup: Element = {type: 'element', tagName: 'sup', properties: {}, children: [{type: 'text', value: String(numbers.get(node.identifier) ?? node.label ?? node.identifier)}]}
    state.patch(node, sup)
    return state.applyData(node, sup)
  }
}

/** mdast (French block or translation) → sanitized hast children. */
export function toSafeHast(node: MdastNodes, footnotes: ReadonlyMap<string, number> = new Map()): ElementContent[] {
  const hast = toHast(node, {handlers: {image: imageAsLink, footnoteReference: footnoteNumber(footnotes)}})
  const root: HastRoot = hast.type === 'root' ? hast : {type: 'root', children: [hast as ElementContent]}
  const clean = sanitize(root, schema) as HastRoot
  return clean.children as ElementContent[]
}

/**
 * Whether a link to `url` survives the HTML briefs' sanitizer: the
 * Markdown briefs keep exactly the links the HTML briefs keep.
 */
export function isSafeUrl(url: string): boolean {
  const [link] = toSafeHast({type: 'link', url, children: [{type: 'text', value: 'x'}]})
  return link?.type === 'element' && link.tagName === 'a' && typeof link.properties.href === 'string'
}

/**
 * Give every sentence span its fragment ID once sanitized, and make it
 * focusable: IDs come from validated segment IDs, never from corpus text;
 * a unit over several sentences is named by its first. A missing
 * translation's marker keeps its ID (a link can point at it) but is no
 * sentence to stop at.
 */
export function identifySentences(nodes: ElementContent[], prefix: string): void {
  visitSentences(nodes, (span, segments) => {
    span.properties.id = `${prefix}${segments[0]}`
    if (span.properties.dataState !== 'missing') span.properties.tabIndex = 0
  })
}

/** The segment IDs a sentence span stands for: one French sentence, or every sentence of a translation unit. */
function segmentsOf(node: Element): string[] | undefined {
  const segments = node.properties.dataSegment
  return node.tagName === 'span' && typeof segments === 'string' ? segments.split(' ') : undefined
}

/** Every sentence span below `nodes`, with the segment IDs it stands for. */
export function visitSentences(nodes: readonly ElementContent[], visitor: (span: Element, segments: string[]) => void): void {
  const walk = (node: ElementContent) => {
    if (node.type !== 'element') return
    const segments = segmentsOf(node)
    if (segments) visitor(node, segments)
    node.children.forEach(walk)
  }
  nodes.forEach(walk)
}

/**
 * `nodes` with every sentence span replaced by `change(span, segments)`,
 * sharing everything else: the rendered blocks of an article serve every
 * view, so a view changes copies, never them.
 */
export function mapSentences(nodes: readonly ElementContent[], change: (span: Element, segments: string[]) => Element): ElementContent[] {
  return nodes.map(function map(node): ElementContent {
    if (node.type !== 'element') return node
    const segments = segmentsOf(node)
    if (segments) return change(node, segments)
    return {...node, children: node.children.map(map)}
  })
}
