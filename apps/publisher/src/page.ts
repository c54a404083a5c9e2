import type {Element, ElementContent, Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import {contentSecurityPolicy} from './csp.js'
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
 */
export function renderPage(shell: PageShell, body: ElementContent[]): string {
  const tree: Root = {
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
  return `${toHtml(tree)}\n`.replace(unrepresentable, '\uFFFD')
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

/** The band at the top of every page: the site's name (home) and the language versions. */
export function masthead(home: {href: string; label: string}, versions: {label: string; items: Element[]}): Element {
  return h('header.masthead', [
    h('div.masthead-inner', [h('a.brand', {href: home.href}, home.label), h('nav', {ariaLabel: versions.label}, h('ul.versions', versions.items.map((item) => h('li', item))))])
  ])
}
