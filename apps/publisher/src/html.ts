import {sourceLanguage, type TargetLanguage} from '@briefs/corpus'
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {Heading, Paragraph} from 'mdast'
import type {ArticleView, BriefCounts, BriefTitle, SourceBlock, TranslatedBlock} from './brief.js'
import {rowsHtml} from './html-columns.js'
import {masthead, renderPage, serializedHtml} from './page.js'
import {feedPath, indexPath, viewColumns, viewLabel, viewName, type BriefView} from './paths.js'
import {identifySentences, toSafeHast, visitSentences} from './sanitize.js'
import {sentenceLinkingScript} from './script.js'
import type {UiLanguage, UiText} from './ui.js'

/** The French side of every block, sanitized once per article and reused for every view. */
export function renderSourceBlocks(view: ArticleView): ElementContent[][] {
  return view.blocks.map((block) => {
    const nodes = toSafeHast(blockNode(block, block.children))
    identifySentences(nodes, '')
    return nodes
  })
}

/** One language's side of every block, sanitized once per article and reused for every view that shows it. */
export function renderTargetBlocks(view: ArticleView, lng: TargetLanguage, translated: TranslatedBlock[]): ElementContent[][] {
  return view.blocks.map((block, index) => {
    const nodes = toSafeHast(blockNode(block, translated[index]!.children))
    identifySentences(nodes, `${lng}-`)
    return nodes
  })
}

function blockNode(block: SourceBlock, children: Paragraph['children']): Paragraph | Heading {
  return block.kind === 'heading' ? {type: 'heading', depth: 2, children} : {type: 'paragraph', children}
}

/** A translation column of a brief: rendered blocks, translated title, counts. */
export interface BriefColumn {
  lng: TargetLanguage
  /** From `renderTargetBlocks`. */
  blocks: ElementContent[][]
  title: BriefTitle
  counts: BriefCounts
}

export interface HtmlBrief {
  view: ArticleView
  /** From `renderSourceBlocks`. */
  source: ElementContent[][]
  /** The translation columns, in the order of `current.languages`. */
  columns: BriefColumn[]
  /** The view this page is, and every view of the article (for the alternates). */
  current: BriefView
  views: BriefView[]
}

/**
 * A standalone HTML brief: the French and one column per translation, one
 * grid row per block, every sentence a focusable span carrying its segment
 * ID, described (for screen readers) by its counterparts in the other
 * columns. Corpus text reaches the page only as hast text (escaped) or
 * through the sanitizer; the rendered blocks are cloned, never changed.
 */
export function renderHtmlBrief(brief: HtmlBrief, ui: UiText): string {
  const {view, columns, current, views} = brief
  const {meta} = view.article
  const t = ui.t
  const languages = viewColumns(current)
  const names = languages.map((lng) => ui.languageName(lng))
  const label = viewLabel(current, ui)
  const home = `../${indexPath(ui.lng)}`
  const idPrefix = (lng: UiLanguage) => (lng === sourceLanguage ? '' : `${lng}-`)
  // Per column, the fragment ID of the span showing each segment: a unit over two sentences is one span.
  const spanIds = languages.map((lng, position) => {
    const ids = new Map<string, string>()
    const blocks = position === 0 ? brief.source : columns[position - 1]!.blocks
    for (const block of blocks) visitSentences(block, (_, segments) => {
      for (const segment of segments) ids.set(segment, `${idPrefix(lng)}${segments[0]}`)
    })
    return ids
  })
  /** The spans of the other columns showing any of `segments`, for screen readers. */
  const counterparts = (segments: readonly string[], position: number): string[] => {
    const ids = new Set<string>()
    spanIds.forEach((column, other) => {
      if (other === position) return
      for (const segment of segments) {
        const id = column.get(segment)
        if (id) ids.add(id)
      }
    })
    return [...ids]
  }

  // Each column is serialized once per article (see `rowsHtml`), the view fills in the counterparts.
  const columnsShown = languages.map((lng, position) => ({blocks: position === 0 ? brief.source : columns[position - 1]!.blocks, lng, label: names[position]!, source: position === 0}))
  const rows = serializedHtml(rowsHtml(view.blocks.map((block) => block.id), columnsShown, counterparts))

  const source = [meta.source?.url ?? meta.source?.file, meta.source?.format].filter(Boolean).join(', ')
  // The page is named in its reader's language when that title is translated, in French otherwise.
  const readerTitle = columns.find((column) => column.lng === ui.lng)?.title.text ?? meta.title
  const body: ElementContent[] = [
    h('a.skip-link', {href: '#text'}, t('nav.skip')),
    masthead(
      {href: home, label: t('site.name')},
      {
        label: t('nav.versions'),
        items: views.map((other) =>
          // Every view has the French: each is named by its translations, short enough for a phone.
          h('a', {href: `${viewName(other)}.html`, hrefLang: other.ui, ariaCurrent: viewName(other) === viewName(current) ? 'page' : undefined}, other.languages.map((lng) => ui.languageName(lng)).join(' + '))
        )
      }
    ),
    h('div.page', [
      h('main', {id: 'text', className: ['brief', `columns-${languages.length}`]}, [
        h('header.brief-header', [
          h('p.kicker', [h('time', {dateTime: meta.date}, ui.date(meta.date)), ` · ${label}`]),
          h('h1', {lang: sourceLanguage}, meta.title),
          ...columns.map((column) => titleLine(column, ui)),
          h('dl.meta', [
            h('div', [h('dt', t('meta.source')), h('dd', source || '—')]),
            h('div', [h('dt', t('meta.article')), h('dd', h('code', meta.id))]),
            ...columns.map((column) =>
              h('div.language-status', [
                h('dt', ui.languageName(column.lng)),
                h('dd.status', t('status.translated', {done: column.counts.translated, count: column.counts.total})),
                h('dd.review-status', t('status.reviewed', {done: column.counts.reviewed, count: column.counts.total}))
              ])
            )
          ])
        ]),
        h('div.columns', {ariaHidden: 'true'}, names.map((name) => h('div', name))),
        rows
      ]),
      h('footer.page-footer', [
        h('p.how-to', t('brief.howTo')),
        h('nav', {ariaLabel: t('site.name')}, [h('a', {href: home}, t('nav.home')), ' · ', h('a', {href: `../${feedPath(ui.lng)}`, type: 'application/atom+xml'}, t('nav.feed'))])
      ])
    ])
  ]

  return renderPage(
    {
      lng: ui.lng,
      title: `${readerTitle} (${label})`,
      description: `${readerTitle} — ${t('brief.description')}`,
      alternates: views.map((other) => ({href: `${viewName(other)}.html`, hreflang: other.ui})),
      feed: {href: `../${feedPath(ui.lng)}`, title: t('feed.title')},
      script: sentenceLinkingScript,
      wide: columns.length > 1
    },
    body
  )
}

/** A translated title under the French one, flagged when not reviewed, or the marker when missing. */
function titleLine(column: BriefColumn, ui: UiText): Element {
  const {title} = column
  if (title.text === undefined) return h('p.title-translation.missing', ui.t('marker.missingTitle'))
  const flagged = title.state === 'draft' || title.state === 'stale'
  return h('p.title-translation', {lang: column.lng}, [title.text, ...(flagged ? [' ', h('span.flag', `(⚑ ${ui.t(`marker.${title.state}`)})`)] : [])])
}
