import type {Element, ElementContent, Root as HastRoot} from 'hast'
import {defaultSchema, sanitize, type Schema} from 'hast-util-sanitize'
import type {Nodes as MdastNodes} from 'mdast'
import {toHast} from 'mdast-util-to-hast'

/**
 * GitHub's schema (hast-util-sanitize's default), plus the attributes our
 * sentence spans carry. Corpus text is untrusted: whatever Markdown turns
 * into HTML passes through this after the last unsafe step (dangerous
 * link protocols, raw HTML and event handlers are dropped).
 */
const schema: Schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    span: [...(defaultSchema.attributes?.span ?? []), 'dataSegment', ['dataState', 'missing', 'draft', 'stale'], ['className', 'missing', 'draft', 'stale', 'flag']]
  }
}

/** mdast (French block or translation) → sanitized hast children. */
export function toSafeHast(node: MdastNodes): ElementContent[] {
  const hast = toHast(node)
  const root: HastRoot = hast.type === 'root' ? hast : {type: 'root', children: [hast as ElementContent]}
  const clean = sanitize(root, schema) as HastRoot
  return clean.children as ElementContent[]
}

/**
 * Give every sentence span a fragment ID once sanitized: IDs come from
 * validated segment IDs, never from corpus text.
 */
export function identifySentences(nodes: ElementContent[], prefix: string): void {
  const walk = (node: ElementContent) => {
    if (node.type !== 'element') return
    const segment = node.properties.dataSegment
    if (node.tagName === 'span' && typeof segment === 'string') {
      ;(node as Element).properties.id = `${prefix}${segment}`
    }
    node.children.forEach(walk)
  }
  nodes.forEach(walk)
}
