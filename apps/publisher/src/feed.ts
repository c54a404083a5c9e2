import {createHash} from 'node:crypto'
import type {Element, Text} from 'xast'
import {toXml} from 'xast-util-to-xml'
import {x} from 'xastscript'
import {sourceLanguage} from '@briefs/corpus'
import {atomTimestamp} from './dates.js'
import {reviewStatus, sortIndex, type IndexEntry} from './index-page.js'
import {briefPath, feedPath, indexPath, readerView, type BriefView} from './paths.js'
import type {UiText} from './ui.js'

const atomNamespace = 'http://www.w3.org/2005/Atom'

/**
 * A name-based UUID (RFC 9562 version 5, SHA-1): Atom IDs must be
 * permanent and unique IRIs, and the site has no domain of its own to mint
 * `tag:` URIs from. The same feed or entry always gets the same ID.
 */
function uuidUrn(name: string): string {
  // The RFC's URL namespace, 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
  const namespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex')
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16)
  bytes[6] = (bytes[6]! & 0x0f) | 0x50
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * XML 1.0 has no place for most control characters, U+FFFE, U+FFFF, nor a
 * lone surrogate (no UTF-8 for it), all of which corpus text may hold:
 * they become U+FFFD.
 */
function xmlText(value: string): string {
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}

/**
 * `]]>` may not appear in XML text, and xast-util-to-xml escapes only `&`
 * and `<`: escape its `>`. The feed has no CDATA section or comment, so every
 * `]]>` in it is text (or an attribute value, where `&gt;` means the same).
 */
function escapeCdataEnd(xml: string): string {
  return xml.replaceAll(']]>', ']]&gt;')
}

/** One element a line, for readable diffs of the feed. */
function indented(depth: number, children: Element[]): Array<Element | Text> {
  return [...children.flatMap((child): Array<Element | Text> => [{type: 'text', value: `\n${' '.repeat(depth)}`}, child]), {type: 'text', value: `\n${' '.repeat(depth - 2)}`}]
}

/** How many articles a feed lists: readers poll for what is new, the indexes list the archive. */
export const feedLength = 50

/**
 * The Atom feed of one reader language (`feed.<lng>.xml`): one entry per
 * article of the newest `feedLength`, newest first, linking to the reader's view of it, titled in the
 * reader's language when translated (in French otherwise). Its `updated`
 * is the newest article's date, never the clock, so a rebuild gives the
 * same bytes. Links are relative to the feed.
 */
export function renderAtomFeed(entries: IndexEntry[], views: BriefView[], ui: UiText): string {
  const t = ui.t
  const view = readerView(views, ui.lng)
  const sorted = sortIndex(entries).slice(0, feedLength)
  const newest = sorted[0]?.date
  const children: Element[] = [
    x('title', xmlText(t('feed.title'))),
    x('subtitle', xmlText(t('feed.subtitle'))),
    x('id', uuidUrn(`briefs:feed:${ui.lng}`)),
    x('updated', newest === undefined ? '1970-01-01T00:00:00Z' : atomTimestamp(newest)),
    x('link', {rel: 'self', type: 'application/atom+xml', href: feedPath(ui.lng)}),
    x('link', {rel: 'alternate', type: 'text/html', hreflang: ui.lng, href: indexPath(ui.lng)}),
    x('author', [x('name', xmlText(t('site.author')))]),
    ...(view === undefined
      ? []
      : sorted.map((entry) => {
          const translated = ui.lng === sourceLanguage ? entry.title : entry.languages.find((language) => language.lng === ui.lng)?.title
          const counts = view.languages.flatMap((lng) => entry.languages.filter((language) => language.lng === lng))
          const summary = counts.map((language) => reviewStatus(ui, language, view.languages.length > 1)).join(t('separator'))
          return x(
            'entry',
            indented(4, [
              translated === undefined ? x('title', {'xml:lang': sourceLanguage}, xmlText(entry.title)) : x('title', xmlText(translated)),
              x('id', uuidUrn(`briefs:entry:${entry.id}:${ui.lng}`)),
              x('updated', atomTimestamp(entry.date)),
              x('link', {rel: 'alternate', type: 'text/html', hreflang: view.ui, href: briefPath(entry.id, view, 'html')}),
              // Readers of a translation also get the French title.
              ...(ui.lng === sourceLanguage || translated === undefined ? [] : [x('summary', {'xml:lang': sourceLanguage}, xmlText(entry.title))]),
              x('content', {type: 'text'}, xmlText(summary))
            ])
          )
        }))
  ]
  const feed = x('feed', {xmlns: atomNamespace, 'xml:lang': ui.lng}, indented(2, children))
  return `${escapeCdataEnd(toXml([{type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"'}, {type: 'text', value: '\n'}, feed], {closeEmptyElements: true}))}\n`
}
