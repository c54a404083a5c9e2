import type {Element, ElementContent, Root as HastRoot} from 'hast'
import {defaultSchema, sanitize, type Schema} from 'hast-util-sanitize'
import type {Image, Nodes as MdastNodes} from 'mdast'
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

/** mdast (French block or translation) → sanitized hast children. */
export function toSafeHast(node: MdastNodes): ElementContent[] {
  const hast = toHast(node, {handlers: {image: imageAsLink}})
  const root: HastRoot = hast.type === 'root' ? hast : {type: 'root', children: [hast as ElementContent]}
  const clean = sanitize(root, schema) as HastRoot
  return clean.children as ElementContent[]
}

/**
 * Give every sentence span its fragment ID once sanitized, and make it
 * focusable: IDs come from validated segment IDs, never from corpus text.
 * A missing translation's marker keeps its ID (a link can point at it) but
 * is no sentence to stop at.
 */
export function identifySentences(nodes: ElementContent[], prefix: string): void {
  visitSentences(nodes, (span, segment) => {
    span.properties.id = `${prefix}${segment}`
    if (span.properties.dataState !== 'missing') span.properties.tabIndex = 0
  })
}

/** Every sentence span below `nodes`, with its segment ID. */
export function visitSentences(nodes: ElementContent[], visitor: (span: Element, segment: string) => void): void {
  const walk = (node: ElementContent) => {
    if (node.type !== 'element') return
    const segment = node.properties.dataSegment
    if (node.tagName === 'span' && typeof segment === 'string') visitor(node, segment)
    node.children.forEach(walk)
  }
  nodes.forEach(walk)
}

/**
 * `nodes` with every sentence span replaced by `change(span, segment)`,
 * sharing everything else: the rendered blocks of an article serve every
 * view, so a view changes copies, never them.
 */
export function mapSentences(nodes: readonly ElementContent[], change: (span: Element, segment: string) => Element): ElementContent[] {
  return nodes.map(function map(node): ElementContent {
    if (node.type !== 'element') return node
    const segment = node.properties.dataSegment
    if (node.tagName === 'span' && typeof segment === 'string') return change(node, segment)
    return {...node, children: node.children.map(map)}
  })
}
