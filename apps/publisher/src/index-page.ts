import type {TargetLanguage} from '@briefs/corpus'
import type {Root as HastRoot} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import type {Root, TableRow} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {labels} from './labels.js'
import {briefStyles} from './styles.js'

/** What the index needs of each article: kept small, so a large corpus stays cheap in memory. */
export interface IndexEntry {
  id: string
  date: string
  title: string
  languages: Array<{lng: TargetLanguage; translated: number; total: number}>
}

export function briefPath(id: string, lng: TargetLanguage, extension: 'html' | 'md'): string {
  return `${id}/fr-${lng}.${extension}`
}

/** Newest first, then by ID: a stable order whatever the file system returns. */
export function sortIndex(entries: IndexEntry[]): IndexEntry[] {
  return [...entries].sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.date < b.date ? 1 : -1))
}

const heading = 'Briefs · Сводки'

export function renderMarkdownIndex(entries: IndexEntry[], languages: readonly TargetLanguage[]): string {
  const header: TableRow = {
    type: 'tableRow',
    children: ['Date', 'Article', ...languages.map((lng) => labels[lng].languageName)].map((value) => ({type: 'tableCell', children: [{type: 'text', value}]}))
  }
  const tree: Root = {
    type: 'root',
    children: [
      {type: 'heading', depth: 1, children: [{type: 'text', value: heading}]},
      {
        type: 'table',
        align: [],
        children: [
          header,
          ...sortIndex(entries).map(
            (entry): TableRow => ({
              type: 'tableRow',
              children: [
                {type: 'tableCell', children: [{type: 'text', value: entry.date}]},
                {type: 'tableCell', children: [{type: 'text', value: entry.title.replace(/\s*\n\s*/g, ' ')}]},
                ...entry.languages.map((language) => ({
                  type: 'tableCell' as const,
                  children: [
                    {type: 'link' as const, url: `./${briefPath(entry.id, language.lng, 'md')}`, children: [{type: 'text' as const, value: `fr | ${language.lng}`}]},
                    {type: 'text' as const, value: ` (${language.translated}/${language.total})`}
                  ]
                }))
              ]
            })
          )
        ]
      }
    ]
  }
  return unified().use(remarkGfm, {tablePipeAlign: false}).use(remarkStringify).stringify(tree)
}

export function renderHtmlIndex(entries: IndexEntry[], languages: readonly TargetLanguage[]): string {
  const tree: HastRoot = {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: 'fr'}, [
        h('head', [h('meta', {charset: 'utf-8'}), h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}), h('title', heading), h('style', briefStyles)]),
        h('body', [
          h('div.page', [
            h('h1', heading),
            h('table.index', [
              h('thead', h('tr', [h('th', {scope: 'col'}, 'Date'), h('th', {scope: 'col'}, 'Article'), ...languages.map((lng) => h('th', {scope: 'col', lang: lng}, labels[lng].languageName))])),
              h(
                'tbody',
                sortIndex(entries).map((entry) =>
                  h('tr', [
                    h('td', entry.date),
                    h('td', {lang: 'fr'}, entry.title),
                    ...entry.languages.map((language) =>
                      h('td', [h('a', {href: briefPath(entry.id, language.lng, 'html'), hrefLang: language.lng}, `fr | ${language.lng}`), ` (${language.translated}/${language.total})`])
                    )
                  ])
                )
              )
            ])
          ])
        ])
      ])
    ]
  }
  return `${toHtml(tree)}\n`
}
