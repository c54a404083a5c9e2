import {remarkArticleSyntax} from '@briefs/corpus'
import type {Nodes, PhrasingContent} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

/** A translation as every consumer sees it: parsed once, by one parser. */
export interface ParsedTranslation {
  /** As written in the resource: inline Markdown. */
  value: string
  /** Its inline content: what QA checks and what both briefs show. */
  nodes: PhrasingContent[]
  /** Plain text: no Markdown, inline code left out. */
  text: string
  /** Block Markdown (`# …`, `1. …`, `> …`), which the briefs show as literal text. */
  block: boolean
}

// The articles' own Markdown (GFM without autolink literals): `~~this~~` is struck through and a bare
// `www.reuters.com` is text, in the French and in its translations alike.
const parser = unified().use(remarkParse).use(remarkArticleSyntax).freeze()

/**
 * Text in which Markdown can see nothing but text: no character that
 * starts inline syntax (`\\`, backticks, `*`, `_`, `[`, `]`, `<`, `>`, `!`,
 * `&`, `~`, `|`, `#`, line breaks, NUL), no leading or trailing white space,
 * and no start that opens a block (`-`, `+`, `=`, an ordered list marker).
 * The parser turns such text into one text node holding it unchanged (a
 * property test pins this), so parsing it is skipped: most translations are
 * plain sentences.
 */
const markdownSyntax = /[\\`*_[\]<>!&~|#\n\r\0]|^[\s\-+=]|^\d{1,9}[.)](?:\s|$)|\s$/

/** Parse a translation as one paragraph's inline content; anything else (a heading, a list) stays literal text. */
export function parseInline(value: string): ParsedTranslation {
  if (!markdownSyntax.test(value)) return {value, nodes: [{type: 'text', value}], text: value, block: false}
  const tree = parser.parse(value)
  const only = tree.children[0]
  if (tree.children.length === 1 && only?.type === 'paragraph') return {value, nodes: only.children, text: plainText(only.children), block: false}
  return {value, nodes: [{type: 'text', value}], text: value, block: value.trim() !== '' && tree.children.length > 0}
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
