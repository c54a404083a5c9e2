import {sourceLanguage, type TargetLanguage} from '@briefs/corpus'
import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import type {Code, Heading, Paragraph, PhrasingContent, Table, ThematicBreak} from 'mdast'
import type {ArticleView, BriefCounts, BriefTitle, RowContent, SourceRow, TranslatedBlock} from './brief.js'
import {rowsHtml} from './html-columns.js'
import {masthead, renderPage, serializedHtml} from './page.js'
import {feedPath, indexPath, viewColumns, viewLabel, viewName, type BriefView} from './paths.js'
import {identifySentences, toSafeHast, visitSentences} from './sanitize.js'
import {sentenceLinkingScript} from './script.js'
import {applyFrenchSpacing, frenchSpacing} from './typography.js'
import type {UiLanguage, UiText} from './ui.js'

/** The French side of every row, sanitized once per article and reused for every view; French spacing for display. */
export function renderSourceRows(view: ArticleView): ElementContent[][] {
  return view.rows.map((row) => {
    const nodes = renderRow(view, row, (block) => view.blocks[block]!.children)
    identifySentences(nodes, '')
    applyFrenchSpacing(nodes)
    return nodes
  })
}

/** One language's side of every row (from its translated blocks), sanitized once per article and reused for every view that shows it. */
export function renderTargetRows(view: ArticleView, lng: TargetLanguage, translated: TranslatedBlock[]): ElementContent[][] {
  return view.rows.map((row) => {
    const nodes = renderRow(view, row, (block) => translated[block]!.children)
    identifySentences(nodes, `${lng}-`)
    return nodes
  })
}

/**
 * One column of a row: its content as mdast (a block's sentences or their
 * translation, a table of them, code, a break), sanitized to hast, then
 * set in its containers, which are ours: block quotes, list items (an
 * ordered one keeps its number), footnotes.
 */
function renderRow(view: ArticleView, row: SourceRow, contentOf: (block: number) => PhrasingContent[]): ElementContent[] {
  const leaf = rowLeaf(view, row.content, contentOf)
  let nodes = toSafeHast(leaf, view.footnotes)
  // The page's h1 is the title: the article's highest headings are h2, the others keep their distance below them.
  const depth = headingDepth(view, row.content)
  if (depth !== undefined && pageLevel(view, depth) > 6) {
    for (const node of nodes) if (node.type === 'element' && node.tagName === 'h6') node.properties.ariaLevel = pageLevel(view, depth)
  }
  const prefix = row.containers.flatMap((container): ElementContent[] => {
    if (container.type === 'listItem' && container.first && container.checked !== undefined) return [{type: 'text', value: container.checked ? '☑ ' : '☐ '}]
    if (container.type === 'footnote' && container.first) return [h('sup.footnote-label', String(container.number)), {type: 'text', value: ' '}]
    return []
  })
  if (prefix.length > 0) {
    const first = nodes.find((node): node is Element => node.type === 'element')
    if (first && /^(?:p|h[1-6])$/.test(first.tagName)) first.children.unshift(...prefix)
    else nodes = [h('p', prefix), ...nodes]
  }
  for (const container of [...row.containers].reverse()) {
    if (container.type === 'blockquote') nodes = [h('blockquote', nodes)]
    else if (container.type === 'footnote') nodes = [h('div.footnote', nodes)]
    else {
      const item = h('li', {className: container.first ? undefined : ['continued']}, nodes)
      nodes = [container.ordered ? h('ol', {start: container.number === 1 ? undefined : container.number}, [item]) : h('ul', [item])]
    }
  }
  return nodes
}

/** The level of an article's heading on the page. */
function pageLevel(view: ArticleView, depth: number): number {
  return depth - view.topHeading + 2
}

function headingDepth(view: ArticleView, content: RowContent): number | undefined {
  if (content.type === 'block') return view.blocks[content.block]!.depth
  if (content.type === 'static' && content.node.type === 'heading') return content.node.depth
  return undefined
}

/** A row's content as one mdast block, with one column's phrasing content. */
function rowLeaf(view: ArticleView, content: RowContent, contentOf: (block: number) => PhrasingContent[]): Paragraph | Heading | Table | Code | ThematicBreak {
  const depth = headingDepth(view, content)
  switch (content.type) {
    case 'block':
      return depth === undefined ? {type: 'paragraph', children: contentOf(content.block)} : {type: 'heading', depth: Math.min(pageLevel(view, depth), 6) as Heading['depth'], children: contentOf(content.block)}
    case 'static':
      return depth === undefined ? {type: 'paragraph', children: content.node.children} : {type: 'heading', depth: Math.min(pageLevel(view, depth), 6) as Heading['depth'], children: content.node.children}
    case 'table':
      return {
        type: 'table',
        align: content.align,
        children: content.rows.map((cells) => ({type: 'tableRow', children: cells.map((cell) => ({type: 'tableCell', children: 'block' in cell ? contentOf(cell.block) : cell.children}))}))
      }
    case 'code':
      return {type: 'code', value: content.value}
    case 'thematicBreak':
      return {type: 'thematicBreak'}
  }
}

/** A translation column of a brief: rendered blocks, translated title, counts. */
export interface BriefColumn {
  lng: TargetLanguage
  /** From `renderTargetRows`. */
  rows: ElementContent[][]
  title: BriefTitle
  counts: BriefCounts
}

export interface HtmlBrief {
  view: ArticleView
  /** From `renderSourceRows`. */
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
    const rows = position === 0 ? brief.source : columns[position - 1]!.rows
    for (const row of rows) visitSentences(row, (_, segments) => {
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
  const columnsShown = languages.map((lng, position) => ({rows: position === 0 ? brief.source : columns[position - 1]!.rows, lng, label: names[position]!, source: position === 0}))
  const rows = serializedHtml(rowsHtml(view.rows.map((row) => row.id), columnsShown, counterparts))

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
          h('h1', {lang: sourceLanguage}, frenchSpacing(meta.title)),
          ...columns.map((column) => titleLine(column, ui)),
          h('dl.meta', [
            // Readers see the publication the desk credits, nothing of how the file came in.
            ...(meta.source?.name === undefined ? [] : [h('div', [h('dt', t('meta.source')), h('dd', meta.source.name)])]),
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
