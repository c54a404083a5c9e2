import type {Element, ElementContent, Root, Text} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import {contentSecurityPolicy} from './csp.js'
import {marker, markerPattern} from './markers.js'
import {pageStyles} from './styles.js'
import type {UiLanguage} from './ui.js'

/** Another version of the page, for `<link rel="alternate" hreflang>`. */
export interface Alternate {
  href: string
  hreflang: UiLanguage
}

export interface PageShell {
  lng: UiLanguage
  /** Plain text: titles of articles may be in it, and it only ever becomes a text node. */
  title: string
  description: string
  /** Every language version of the page, this one included. */
  alternates: Alternate[]
  feed: {href: string; title: string}
  /** The inline script, if the page has one. */
  script?: string | undefined
  /** A wider page, for three columns. */
  wide?: boolean
}

/**
 * A standalone page: its own style (and script), a Content-Security-Policy
 * that allows nothing else, `hreflang` alternates, title and description.
 * Every piece of corpus text inside `body` is a hast text node or went
 * through the sanitizer; hast-util-to-html escapes it.
 *
 * Everything but the title, the description and the body is the same on
 * every page of a view (stylesheet, script, policy, alternates): that
 * chrome is serialized once per build, as a template the three are written
 * into, escaped as hast-util-to-html escapes them.
 */
export function renderPage(shell: PageShell, body: ElementContent[]): string {
  const [beforeTitle, beforeDescription, beforeBody, end] = pageTemplate(shell)
  // Only what is written into the chrome is searched: the chrome holds none of what `unrepresentable` finds.
  const title = representable(toHtml({type: 'text', value: shell.title}))
  const description = representable(attributeValue(shell.description))
  return `${beforeTitle}${title}${beforeDescription}${description}${beforeBody}${representable(serializeBody(body))}${end}`
}

function pageTree(shell: PageShell, body: ElementContent[]): Root {
  return {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: shell.lng}, [
        h('head', [
          h('meta', {charset: 'utf-8'}),
          h('meta', {httpEquiv: 'Content-Security-Policy', content: contentSecurityPolicy({style: pageStyles, script: shell.script})}),
          h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
          h('meta', {name: 'color-scheme', content: 'light dark'}),
          h('title', shell.title),
          h('meta', {name: 'description', content: shell.description}),
          ...shell.alternates.map((alternate) => h('link', {rel: 'alternate', hrefLang: alternate.hreflang, href: alternate.href})),
          h('link', {rel: 'alternate', type: 'application/atom+xml', href: shell.feed.href, title: shell.feed.title}),
          h('style', pageStyles)
        ]),
        h('body', {className: shell.wide ? ['wide'] : undefined}, [...body, ...(shell.script === undefined ? [] : [h('script', shell.script)])])
      ])
    ]
  }
}

const templates = new Map<string, string[]>()

/** The page of `shell` serialized once, cut where the title, the description and the body go. */
function pageTemplate(shell: PageShell): string[] {
  const key = JSON.stringify([shell.lng, shell.alternates, shell.feed, shell.script, shell.wide])
  let template = templates.get(key)
  if (!template) {
    const html = `${toHtml(pageTree({...shell, title: marker('title'), description: marker('description')}, [{type: 'text', value: marker('body')}]))}\n`
    template = html.split(new RegExp(`${marker('title')}|${marker('description')}|${marker('body')}`))
    if (template.length !== 4) throw new Error(`Unexpected page template in ${template.length} parts, expected 4`)
    templates.set(key, template)
  }
  return template
}

/** An attribute value as hast-util-to-html writes it (double quotes, escaped). */
function attributeValue(value: string): string {
  const html = toHtml({type: 'element', tagName: 'meta', properties: {content: value}, children: []})
  return html.slice(html.indexOf('"') + 1, html.lastIndexOf('"'))
}

/** HTML serialized already (by hast-util-to-html), put in a page as it is: see `serializedHtml`. */
const serialized = new WeakMap<Text, string>()

/**
 * A node standing for HTML that hast-util-to-html wrote already (a brief's
 * rows, whose columns are serialized once per article): `renderPage`
 * writes it as it is. It is a text node holding a marker, so the tree stays
 * plain hast; nothing from the corpus can make one.
 */
export function serializedHtml(html: string): Text {
  const node: Text = {type: 'text', value: marker(`html-${serializedCount++}`)}
  serialized.set(node, html)
  return node
}
let serializedCount = 0

function serializeBody(body: ElementContent[]): string {
  const inserts = new Map<string, string>()
  const find = (nodes: readonly ElementContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text' && serialized.has(node)) inserts.set(node.value, serialized.get(node)!)
      else if (node.type === 'element') find(node.children)
    }
  }
  find(body)
  const html = toHtml({type: 'root', children: body})
  if (inserts.size === 0) return html
  let count = 0
  const written = html.replace(markerPattern('html-\\d+', 'g'), (found) => {
    count++
    return inserts.get(found) ?? found
  })
  if (count !== inserts.size) throw new Error(`Unexpected ${count} serialized parts in a page, expected ${inserts.size}`)
  return written
}

/**
 * Characters no HTML document may hold (control characters but white
 * space, noncharacters: parse errors, even written as references), which
 * corpus text may: they show as U+FFFD, the replacement character, as
 * Markdown shows NUL. Our own markup has none.
 */
const unrepresentable = new RegExp(
  `[\\0-\\x08\\x0B\\x0E-\\x1F\\x7F-\\x9F\\uFDD0-\\uFDEF${Array.from({length: 17}, (_, plane) => `\\u{${(plane * 0x10000 + 0xfffe).toString(16)}}\\u{${(plane * 0x10000 + 0xffff).toString(16)}}`).join('')}]`,
  'gu'
)

/**
 * A superset of `unrepresentable` without the `u` flag, which makes V8
 * search a whole page several times slower: a supplementary noncharacter
 * (U+1FFFE…) ends with the low surrogate U+DFFE or U+DFFF.
 */
const maybeUnrepresentable = /[\0-\x08\x0B\x0E-\x1F\x7F-\x9F\uFDD0-\uFDEF\uFFFE\uFFFF\uDFFE\uDFFF]/

/** `html` with what no HTML document may hold replaced by U+FFFD. */
export function representable(html: string): string {
  return maybeUnrepresentable.test(html) ? html.replace(unrepresentable, '\uFFFD') : html
}

/** The band at the top of every page: the site's name (home) and the language versions. */
export function masthead(home: {href: string; label: string}, versions: {label: string; items: Element[]}): Element {
  return h('header.masthead', [
    h('div.masthead-inner', [h('a.brand', {href: home.href}, home.label), h('nav', {ariaLabel: versions.label}, h('ul.versions', versions.items.map((item) => h('li', item))))])
  ])
}
