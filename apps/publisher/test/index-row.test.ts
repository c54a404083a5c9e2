import {sourceLanguage} from '@briefs/corpus'
import fc from 'fast-check'
import type {Element} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import {describe, expect, it} from 'vitest'
import {indexRowHtml, reviewStatus, type IndexEntry} from '../src/index-page.js'
import {briefPath, briefViews, viewLabel, type BriefView} from '../src/paths.js'
import {frenchSpacing} from '../src/typography.js'
import {loadUi, uiLanguages, type UiText} from '../src/ui.js'

/** The row as a tree, serialized by hast-util-to-html: what `indexRowHtml` must write, byte for byte. */
function indexRowTree(entry: IndexEntry, views: BriefView[], ui: UiText): Element {
  const own = entry.languages.find((language) => language.lng === ui.lng)
  return h('tr', [
    h('td.date', h('time', {dateTime: entry.date}, ui.date(entry.date))),
    h('td', {lang: sourceLanguage}, [
      h('span.article-title', frenchSpacing(entry.title)),
      ...(own?.title === undefined ? [] : [h('span.article-translation', {lang: own.lng}, own.title)])
    ]),
    h(
      'td',
      h(
        'ul.brief-links',
        views.map((view) => {
          const counts = view.languages.length === 1 ? entry.languages.filter((language) => language.lng === view.languages[0]) : []
          return h('li', [h('a', {href: briefPath(entry.id, view, 'html'), hrefLang: view.ui}, viewLabel(view, ui)), ...counts.map((language) => h('span.count', reviewStatus(ui, language, false)))])
        })
      )
    )
  ])
}

describe('indexRowHtml', () => {
  const ui = loadUi()
  const views = briefViews(['en', 'ru'])
  // Titles of every kind: markup, references, quotes, backticks, NUL and controls, French spacing, astral characters.
  const title = fc.oneof(
    fc.string({unit: 'grapheme', maxLength: 40}),
    fc.array(fc.constantFrom('<', '>', '&', '"', "'", '`', '\0', '\u0001', ' ', '\n', '«', '»', ':', '?', 'é', 'Ж', '😀', '&amp;', '<b>', 'a'), {maxLength: 30}).map((parts) => parts.join(''))
  )
  const language = (lng: 'en' | 'ru') =>
    fc.record({lng: fc.constant(lng), title: fc.option(title, {nil: undefined}), translated: fc.nat(99), reviewed: fc.nat(99), total: fc.nat(99)})
  const entry = fc.record({
    // Any text, though article IDs are safe names: the attributes are escaped as hast-util-to-html escapes them.
    id: fc.oneof(fc.stringMatching(/^20\d\d-[01]\d-[a-z0-9-]{1,20}$/), title),
    date: fc.constantFrom('2022-01', '2022-09-21', '2023-12-31', '1999-02'),
    title,
    languages: fc.tuple(language('en'), language('ru')).map((pair) => pair.filter((_, index) => index === 0 || pair[1].total > 10))
  })

  it('writes the bytes hast-util-to-html writes for the row as a tree, in every reader language', () => {
    fc.assert(
      fc.property(entry, fc.constantFrom(...uiLanguages), (indexEntry, lng) => {
        const text = ui.text(lng)
        expect(indexRowHtml(indexEntry, views, text)).toBe(toHtml(indexRowTree(indexEntry, views, text)))
      }),
      {numRuns: 1000}
    )
  })
})
