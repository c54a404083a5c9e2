/**
 * A strict reader for the HTML that hast-util-to-html writes (no
 * hast-util-from-html among the app's dependencies). That serializer
 * escapes every `<` of text as `&#x3C;`, quotes every attribute value with
 * `"` (escaping `"` inside) and closes every non-void element, so in its
 * output each `<` starts a tag. Anything else, such as an unescaped `<`, an
 * unquoted attribute or a stray end tag, is an error here: this reader
 * cannot be more lenient than a browser about what counts as an element.
 */

export interface HtmlElement {
  type: 'element'
  tagName: string
  attributes: Map<string, string>
  children: HtmlNode[]
  parent: HtmlParent
}

export interface HtmlText {
  type: 'text'
  value: string
}

export interface HtmlDocument {
  type: 'document'
  children: HtmlNode[]
}

export type HtmlNode = HtmlElement | HtmlText
export type HtmlParent = HtmlElement | HtmlDocument

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])
const rawTextElements = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext'])
const startTag = /^<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'<>/=]+(?:="[^"]*")?)*)\s*(\/?)>/
const endTag = /^<\/([a-zA-Z][a-zA-Z0-9-]*)\s*>/
const attribute = /\s+([^\s"'<>/=]+)(?:="([^"]*)")?/g

export function parseHtml(html: string): HtmlDocument {
  const document: HtmlDocument = {type: 'document', children: []}
  let parent: HtmlParent = document
  let offset = 0
  const doctype = /^<!doctype html>/i.exec(html)
  if (doctype) offset = doctype[0].length

  while (offset < html.length) {
    const rest = html.slice(offset)
    if (!rest.startsWith('<')) {
      const end = rest.indexOf('<')
      const value = end === -1 ? rest : rest.slice(0, end)
      parent.children.push({type: 'text', value: decode(value)})
      offset += value.length
      continue
    }
    const close = endTag.exec(rest)
    if (close) {
      const name = close[1]!.toLowerCase()
      if (parent.type !== 'element' || parent.tagName !== name) {
        throw new Error(`Unexpected </${name}> at ${offset}, expected ${parent.type === 'element' ? `</${parent.tagName}>` : 'no end tag'}`)
      }
      parent = parent.parent
      offset += close[0].length
      continue
    }
    const open = startTag.exec(rest)
    if (!open) throw new Error(`Unexpected \`<\` at ${offset} that starts no tag: ${JSON.stringify(rest.slice(0, 40))}`)
    const tagName = open[1]!.toLowerCase()
    const attributes = new Map<string, string>()
    for (const match of open[2]!.matchAll(attribute)) {
      const name = match[1]!.toLowerCase()
      if (attributes.has(name)) throw new Error(`Unexpected duplicate attribute \`${name}\` on <${tagName}> at ${offset}`)
      attributes.set(name, decode(match[2] ?? ''))
    }
    const element: HtmlElement = {type: 'element', tagName, attributes, children: [], parent}
    parent.children.push(element)
    offset += open[0].length
    if (voidElements.has(tagName) || open[3] === '/') continue
    if (rawTextElements.has(tagName)) {
      // Raw text runs to the end tag, whatever it holds: exactly as a browser reads it.
      const end = html.toLowerCase().indexOf(`</${tagName}`, offset)
      if (end === -1) throw new Error(`Unexpected unclosed <${tagName}> at ${offset}`)
      const value = html.slice(offset, end)
      if (value) element.children.push({type: 'text', value: tagName === 'title' || tagName === 'textarea' ? decode(value) : value})
      offset = end
    }
    parent = element
  }
  if (parent !== document) throw new Error(`Unexpected end of file, expected </${(parent as HtmlElement).tagName}>`)
  return document
}

const named: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0'}

function decode(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (all, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16))
    if (decimal) return String.fromCodePoint(Number.parseInt(decimal, 10))
    return named[name!.toLowerCase()] ?? all
  })
}

/** Every element below `node`, in document order. */
export function elements(node: HtmlParent): HtmlElement[] {
  const found: HtmlElement[] = []
  const walk = (parent: HtmlParent) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue
      found.push(child)
      walk(child)
    }
  }
  walk(node)
  return found
}

/** Elements matching a tag name and attribute values (`true`: present, any value). */
export function select(node: HtmlParent, tagName: string | undefined, attributes: Record<string, string | true> = {}): HtmlElement[] {
  return elements(node).filter(
    (element) =>
      (tagName === undefined || element.tagName === tagName) &&
      Object.entries(attributes).every(([name, value]) => (value === true ? element.attributes.has(name) : element.attributes.get(name) === value))
  )
}

export function selectOne(node: HtmlParent, tagName: string | undefined, attributes: Record<string, string | true> = {}): HtmlElement {
  const [first, ...others] = select(node, tagName, attributes)
  if (!first || others.length > 0) throw new Error(`Expected one <${tagName ?? '*'}> with ${JSON.stringify(attributes)}, found ${others.length + (first ? 1 : 0)}`)
  return first
}

export function hasClass(element: HtmlElement, name: string): boolean {
  return (element.attributes.get('class') ?? '').split(/\s+/).includes(name)
}

/** The nearest ancestor (or the element itself) that matches. */
export function closest(element: HtmlElement, test: (element: HtmlElement) => boolean): HtmlElement | undefined {
  for (let current: HtmlParent = element; current.type === 'element'; current = current.parent) {
    if (test(current)) return current
  }
  return undefined
}

export function textContent(node: HtmlNode | HtmlDocument): string {
  if (node.type === 'text') return node.value
  return node.children.map(textContent).join('')
}
