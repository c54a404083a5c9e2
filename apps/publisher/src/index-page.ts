import {sourceLanguage, type TargetLanguage} from '@briefs/corpus'
import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import {stringifyEntities} from 'stringify-entities'
import type {PhrasingContent, Root, TableRow} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {remarkFastEscape} from './markdown-escape.js'
import {masthead, renderPage, serializedHtml} from './page.js'
import {briefPath, feedPath, indexPath, viewColumns, viewLabel, type BriefView} from './paths.js'
import {remarkTableFromCells, renderCells} from './table-cells.js'
import {uiLanguages, type UiLanguage, type UiText} from './ui.js'
import {frenchSpacing} from './typography.js'

/** What the index and the feeds need of each article: kept small, so a large corpus stays cheap in memory. */
export interface IndexEntry {
  id: string
  date: string
  title: string
  languages: Array<{lng: TargetLanguage; title: string | undefined; translated: number; reviewed: number; total: number}>
  /** The article's row of the Markdown index, serialized when the article was built (`markdownIndexRow`). */
  markdownRow?: string[]
}

/** Newest first, then by ID: a stable order whatever the file system returns. */
export function sortIndex(entries: IndexEntry[]): IndexEntry[] {
  return [...entries].sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.date < b.date ? 1 : -1))
}

/** `17 of 19 sentences reviewed`, after the language's name when a view shows several. */
export function reviewStatus(ui: UiText, language: IndexEntry['languages'][number], named: boolean): string {
  const status = ui.t('status.reviewed', {done: language.reviewed, count: language.total})
  return named ? `${ui.languageName(language.lng)}${ui.t('colon')} ${status}` : status
}

/** The reader languages a site has pages for: French, and each target language built. */
export function readerLanguages(languages: readonly TargetLanguage[]): UiLanguage[] {
  return uiLanguages.filter((lng) => lng === sourceLanguage || (languages as readonly string[]).includes(lng))
}

const stringifier = unified()
  .use(remarkGfm, {tablePipeAlign: false})
  .use(remarkStringify)
  // Rows serialized when their article was built are used as they are.
  .use(remarkTableFromCells)
  .use(remarkFastEscape)
  .freeze()

/**
 * An article's row of the Markdown index: date, title, a link per brief with
 * its translated/total count. Serialized with the article (on its thread,
 * cached with it), so a rebuild that changes one article serializes one row.
 */
export function markdownIndexRow(entry: IndexEntry, views: BriefView[], ui: UiText): string[] {
  const text = (value: string): PhrasingContent => ({type: 'text', value})
  return renderCells(
    (tree) => stringifier.stringify(tree),
    [
      [text(ui.date(entry.date))],
      [text(entry.title.replace(/\s*\n\s*/g, ' '))],
      ...views.map((view): PhrasingContent[] => {
        const link: PhrasingContent = {type: 'link', url: `./${briefPath(entry.id, view, 'md')}`, children: [text(viewColumns(view).join(' | '))]}
        const only = view.languages.length === 1 ? entry.languages.find((language) => language.lng === view.languages[0]) : undefined
        return only ? [link, text(` (${only.translated}/${only.total})`)] : [link]
      })
    ]
  )
}

/**
 * The Markdown index (for GitHub), in French like `index.html`: date,
 * title, then a link per brief with its translated/total count, and a link
 * to the multilingual view.
 */
export function renderMarkdownIndex(entries: IndexEntry[], views: BriefView[], ui: UiText): string {
  const cell = (children: PhrasingContent[]) => ({type: 'tableCell' as const, children})
  const text = (value: string): PhrasingContent => ({type: 'text', value})
  const header: TableRow = {
    type: 'tableRow',
    children: [ui.t('index.date'), ui.t('index.article'), ...views.map((view) => (view.languages.length === 1 ? view.languages : viewColumns(view)).map((lng) => ui.endonym(lng)).join(' · '))].map((value) => cell([text(value)]))
  }
  const tree: Root = {
    type: 'root',
    children: [
      {type: 'heading', depth: 1, children: [text(ui.t('index.heading'))]},
      {
        type: 'table',
        align: [],
        children: [
          header,
          ...sortIndex(entries).map(
            (entry): TableRow => ({
              type: 'tableRow',
              children: (entry.markdownRow ?? markdownIndexRow(entry, views, ui)).map((markdown) => ({type: 'tableCell', data: {markdown}, children: []}))
            })
          )
        ]
      }
    ]
  }
  return stringifier.stringify(tree)
}

/**
 * The HTML index of one reader language (`index.html` in French,
 * `index.<lng>.html` otherwise): every article, newest first, with its
 * French title, its title in the reader's language, and a link per view
 * with how much of it is reviewed.
 */
export function renderHtmlIndex(entries: IndexEntry[], views: BriefView[], readers: readonly UiLanguage[], ui: UiText): string {
  const t = ui.t
  // Each row serialized on its own: the page holds a string per article, never a tree of the whole corpus.
  let rows = ''
  for (const entry of sortIndex(entries)) rows += indexRowHtml(entry, views, ui)
  const body: ElementContent[] = [
    h('a.skip-link', {href: '#text'}, t('nav.skip')),
    masthead(
      {href: indexPath(ui.lng), label: t('site.name')},
      {
        label: t('nav.versions'),
        items: readers.map((lng) => h('a', {href: indexPath(lng), hrefLang: lng, lang: lng, ariaCurrent: lng === ui.lng ? 'page' : undefined}, ui.endonym(lng)))
      }
    ),
    h('div.page', [
      h('main', {id: 'text'}, [
        h('h1', t('index.heading')),
        h('p.intro', t('index.intro')),
        entries.length === 0
          ? h('p', t('index.empty'))
          : h('table.index', [h('thead', h('tr', [h('th', {scope: 'col'}, t('index.date')), h('th', {scope: 'col'}, t('index.article')), h('th', {scope: 'col'}, t('index.briefs'))])), h('tbody', [serializedHtml(rows)])])
      ]),
      h('footer.page-footer', h('nav', {ariaLabel: t('site.name')}, h('a', {href: feedPath(ui.lng), type: 'application/atom+xml'}, t('nav.feed'))))
    ])
  ]
  return renderPage(
    {
      lng: ui.lng,
      title: t('index.heading'),
      description: t('site.tagline'),
      alternates: readers.map((lng) => ({href: indexPath(lng), hreflang: lng})),
      feed: {href: feedPath(ui.lng), title: t('feed.title')}
    },
    body
  )
}

/**
 * An article's row of an HTML index, written as hast-util-to-html writes
 * the row's tree (a property test holds the two together): an index of
 * 4,000 articles is two of them per build, and building and serializing a
 * tree per row was most of a small rebuild.
 */
export function indexRowHtml(entry: IndexEntry, views: BriefView[], ui: UiText): string {
  const own = entry.languages.find((language) => language.lng === ui.lng)
  let row = `<tr><td class="date"><time datetime="${attribute(entry.date)}">${text(ui.date(entry.date))}</time></td>`
  row += `<td lang="${attribute(sourceLanguage)}"><span class="article-title">${text(frenchSpacing(entry.title))}</span>`
  if (own?.title !== undefined) row += `<span class="article-translation" lang="${attribute(own.lng)}">${text(own.title)}</span>`
  row += '</td><td><ul class="brief-links">'
  for (const view of views) {
    row += `<li><a href="${attribute(briefPath(entry.id, view, 'html'))}" hreflang="${attribute(view.ui)}">${text(viewLabel(view, ui))}</a>`
    // The multilingual view shows what the bilingual ones count: no count of its own.
    if (view.languages.length === 1) {
      for (const language of entry.languages) if (language.lng === view.languages[0]) row += `<span class="count">${text(reviewStatus(ui, language, false))}</span>`
    }
    row += '</li>'
  }
  return `${row}</ul></td></tr>`
}

/*
 * Escaped by stringify-entities with the subsets hast-util-to-html gives it
 * by default (`lib/handle/text.js`, and `constants.double` of
 * `lib/handle/element.js` without parse errors); constant arrays, so that
 * stringify-entities compiles each subset once.
 */
const textSubset = ['<', '&']
const attributeSubset = ['\0', '"', '&', "'", '`']

function text(value: string): string {
  return stringifyEntities(value, {subset: textSubset})
}

function attribute(value: string): string {
  return stringifyEntities(value, {subset: attributeSubset, attribute: true})
}

