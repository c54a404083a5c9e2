import type {Element, Nodes, Parents, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {selectAll} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import {visitParents} from 'unist-util-visit-parents'

export type {Element, Root}

/**
 * Parse a page as a browser does (parse5, through hast-util-from-html).
 * Any parse error fails: the pages are ours, and a browser that has to
 * recover from broken markup may not read it as we meant. `fragment` reads
 * a piece of a page (no doctype), such as rendered Markdown.
 */
export function parseHtml(html: string, options: {fragment?: boolean} = {}): Root {
  return fromHtml(html, {
    fragment: options.fragment === true,
    onerror(error) {
      throw new Error(`Unexpected HTML parse error: ${error.reason} at ${error.line}:${error.column}`)
    }
  })
}

/** Every element matching a CSS selector, in document order (hast-util-select). */
export function select(node: Nodes, selector: string): Element[] {
  return selectAll(selector, node)
}

/** The only element matching a CSS selector; none or several is an error. */
export function selectOne(node: Nodes, selector: string): Element {
  const [first, ...others] = selectAll(selector, node)
  if (!first || others.length > 0) throw new Error(`Expected one \`${selector}\`, found ${others.length + (first ? 1 : 0)}`)
  return first
}

/** The element children of a node, text and comments left out. */
export function childElements(node: Parents): Element[] {
  return [...node.children].filter((child): child is Element => child.type === 'element')
}

export function hasClass(element: Element, name: string): boolean {
  const value = element.properties.className
  return Array.isArray(value) && value.includes(name)
}

/** The nearest ancestor of `node` in `tree` (or the node itself) that passes `test`. */
export function closest(tree: Root, node: Element, test: (element: Element) => boolean): Element | undefined {
  let found: Element | undefined
  visitParents(tree, (candidate) => candidate === node, (_, ancestors) => {
    const path = [...ancestors, node].reverse()
    found = path.find((element): element is Element => element.type === 'element' && test(element))
    return false
  })
  return found
}

/** The text of a node as `textContent` gives it. */
export function textContent(node: Nodes): string {
  return toString(node)
}
