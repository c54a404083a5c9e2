import {remarkArticleSyntax} from '@briefs/corpus'
import type {Nodes, PhrasingContent} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

/** A translation as the brief shows it. */
export interface ParsedTranslation {
  /** As written in the resource: inline Markdown. */
  value: string
  nodes: PhrasingContent[]
  /** Plain text: no Markdown, inline code left out. */
  text: string
  /** Block Markdown (`# …`, `1. …`, `> …`), which a brief shows as literal text. */
  block: boolean
}

// The articles' own Markdown (GFM without autolink literals): a bare `www.reuters.com` is text on both sides.
const parser = unified().use(remarkParse).use(remarkArticleSyntax)

/** Parse a translation as one paragraph's inline content, as the publisher does. */
export function parseTranslation(value: string): ParsedTranslation {
  const tree = parser.parse(value)
  const only = tree.children[0]
  if (tree.children.length === 1 && only?.type === 'paragraph') return {value, nodes: only.children, text: plainText(only.children), block: false}
  const nodes: PhrasingContent[] = [{type: 'text', value}]
  return {value, nodes, text: value, block: value.trim() !== '' && tree.children.length > 0}
}

/**
 * The words of inline content, for numbers, names and lengths: inline code
 * (an identifier, a command) is left out, a line break reads as a space.
 */
export function plainText(nodes: readonly Nodes[]): string {
  let text = ''
  for (const node of nodes) {
    if (node.type === 'text') text += node.value
    else if (node.type === 'inlineCode' || node.type === 'break') text += ' '
    else if (node.type === 'image') text += node.alt ?? ''
    else if ('children' in node) text += plainText(node.children as Nodes[])
  }
  return text
}
