import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {Element, ElementContent, Root, RootContent, Text} from 'xast'
import {fromXml} from 'xast-util-from-xml'
import {toXml} from 'xast-util-to-xml'

/** The `source` of every message this package reports. */
export const messageSource = '@briefs/exchange'

/** A raw node (xast-util-to-xml writes it as is): only for `&gt;`, see `xmlText`. */
interface Raw {
  type: 'raw'
  value: string
}

// Characters XML 1.0 has no place for (most C0 controls, lone surrogates, U+FFFE and U+FFFF).
const invalidXmlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Replace characters XML cannot carry with U+FFFD (formats without a way to write them). */
export function xmlSafe(value: string): string {
  return value.replace(invalidXmlCharacter, '\uFFFD')
}

/** Whether a string holds a character XML cannot carry. */
export function hasInvalidXmlCharacter(value: string): boolean {
  invalidXmlCharacter.lastIndex = 0
  const found = invalidXmlCharacter.test(value)
  invalidXmlCharacter.lastIndex = 0
  return found
}

/**
 * Text content: xast-util-to-xml escapes `&` and `<`, but a `>` after `]]`
 * must be escaped too (`]]>` may not appear in content).
 */
export function xmlText(value: string): Array<Text> {
  const parts = xmlSafe(value).split(']]>')
  return parts.flatMap((part, index): Text[] => (index === 0 ? [{type: 'text', value: part}] : [{type: 'raw', value: ']]&gt;'} as unknown as Text, {type: 'text', value: part}])).filter((node) => node.value !== '')
}

/** Children one a line, indented, for readable diffs. */
export function indented(depth: number, children: readonly Element[]): ElementContent[] {
  if (children.length === 0) return []
  return [...children.flatMap((child): ElementContent[] => [{type: 'text', value: `\n${' '.repeat(depth)}`}, child]), {type: 'text', value: `\n${' '.repeat(Math.max(0, depth - 2))}`}]
}

/** Serialize a document: XML declaration, root element, final newline. */
export function serializeXml(root: Element, doctype?: {name: string; system: string}): string {
  const children: RootContent[] = [{type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"'}, {type: 'text', value: '\n'}]
  if (doctype) children.push({type: 'doctype', name: doctype.name, public: undefined, system: doctype.system}, {type: 'text', value: '\n'})
  children.push(root, {type: 'text', value: '\n'})
  // Raw nodes are only the `]]&gt;` of `xmlText`.
  return toXml({type: 'root', children} as Root, {allowDangerousXml: true, closeEmptyElements: true})
}

/**
 * Parse the XML of `file`. Malformed XML is fatal: a message at its line
 * and column, thrown (`file.fail`).
 */
export function parseXmlFile(file: VFile, expected: string): Root {
  try {
    return fromXml(String(file.value))
  } catch (error) {
    if (!(error instanceof VFileMessage)) throw error
    const cause = error.cause instanceof Error ? error.cause.message.replace(/ \(line \d+, column \d+\)[\s\S]*$/, '') : 'not well-formed'
    return file.fail(`Unexpected malformed XML (${cause}), expected ${expected}`, {place: error.place ?? undefined, ruleId: 'malformed-xml', source: messageSource})
  }
}

/** The root element of a parsed document. */
export function rootElement(root: Root): Element | undefined {
  return root.children.find((node): node is Element => node.type === 'element')
}

/** An element's name without its namespace prefix. */
export function localName(element: Element): string {
  return element.name.slice(element.name.indexOf(':') + 1)
}

/** Child elements, all or of one local name. */
export function childElements(element: Element, name?: string): Element[] {
  return element.children.filter((node): node is Element => node.type === 'element' && (name === undefined || localName(node) === name))
}

export function childElement(element: Element, name: string): Element | undefined {
  return childElements(element, name)[0]
}

/** Every descendant element of one local name, in document order (units may sit in groups). */
export function descendantElements(element: Element, name: string): Element[] {
  return childElements(element).flatMap((child) => (localName(child) === name ? [child] : descendantElements(child, name)))
}

export function attribute(element: Element, name: string): string | undefined {
  const value = element.attributes[name]
  return value === null || value === undefined ? undefined : String(value)
}

/** The text of an element and its descendants (CDATA included). */
export function textContent(node: Element | ElementContent): string {
  if (node.type === 'text' || node.type === 'cdata') return node.value
  if (node.type === 'element') return node.children.map(textContent).join('')
  return ''
}

export function placeOf(node: {position?: {start: Point} | undefined}): Point | undefined {
  return node.position?.start
}
