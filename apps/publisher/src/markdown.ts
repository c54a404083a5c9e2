import {sourceLanguage, type TargetLanguage} from '@briefs/corpus'
import {sentenceToMarkdown} from '@briefs/segment'
import type {BlockContent, List, Paragraph, PhrasingContent, Root, RootContent, TableRow} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import type {ArticleView, BriefCounts, BriefTitle, Container, RowContent, SourceRow} from './brief.js'
import {missingMarker, reviewFlag} from './brief.js'
import {remarkFastEscape} from './markdown-escape.js'
import {isSafeUrl} from './sanitize.js'
import {remarkTableFromCells, renderCells} from './table-cells.js'
import type {UiText} from './ui.js'

/** The Markdown briefs' serializer (exported for the tests of `markdown-cell.ts`, which must write what it writes). */
export const stringifier = unified()
  .use(remarkGfm, {tablePipeAlign: false})
  .use(remarkStringify, {bullet: '-', emphasis: '_', strong: '*', rule: '-'})
  .use(remarkTableFromCells)
  .use(function () {
    ;(this.data().toMarkdownExtensions ??= []).push(sentenceToMarkdown())
  })
  .use(remarkFastEscape)
  .freeze()

const stringify = (tree: Root) => stringifier.stringify(tree)

/**
 * One column of every Markdown brief of an article (the French, or one
 * translation), per row of the brief, serialized once and reused by every
 * brief that shows the column: a table cell for a row of text, code or a
 * break; for an article's table, the whole table (in its block quotes or
 * list items), which the brief shows apart, since a GFM table cell cannot
 * hold one. `contents` is the column's phrasing content per block.
 */
export function renderColumnCells(view: ArticleView, contents: PhrasingContent[][]): string[] {
  // The HTML brief renders the same nodes: what changes is copied (`mapPhrasing`), never the whole column.
  const safe = (nodes: PhrasingContent[]) => markdownSafe(nodes, view.footnotes)
  const contentOf = (block: number) => safe(contents[block]!)
  const cellRows: number[] = []
  const cells: PhrasingContent[][] = []
  const out: string[] = view.rows.map((row, index) => {
    if (row.content.type === 'table') return stringify({type: 'root', children: [tableBlock(row, contentOf, safe)]}).trimEnd()
    cellRows.push(index)
    cells.push(cellContent([...containerPrefix(row.containers), ...rowContent(view, row.content, contentOf, safe)]))
    return ''
  })
  renderCells(stringify, cells).forEach((cell, index) => {
    out[cellRows[index]!] = cell
  })
  return out
}

/** A row's markers in a table cell, which holds no block: `> ` for a quote, `- ` or `3. ` for a list item, `[1] ` for a footnote (numbered as in the HTML). */
function containerPrefix(containers: readonly Container[]): PhrasingContent[] {
  const value = containers
    .map((container) => {
      if (container.type === 'blockquote') return '> '
      if (!container.first) return ''
      if (container.type === 'footnote') return `[${container.number}] `
      return `${container.ordered ? `${container.number}.` : '-'} ${container.checked === undefined ? '' : container.checked ? '☑ ' : '☐ '}`
    })
    .join('')
  return value ? [{type: 'text', value}] : []
}

/** A row's content as phrasing content for a table cell. */
function rowContent(view: ArticleView, content: RowContent, contentOf: (block: number) => PhrasingContent[], safe: (nodes: PhrasingContent[]) => PhrasingContent[]): PhrasingContent[] {
  switch (content.type) {
    case 'block': {
      const depth = view.blocks[content.block]!.depth
      return heading(depth, contentOf(content.block))
    }
    case 'static':
      return heading(content.node.type === 'heading' ? content.node.depth : undefined, safe(content.node.children))
    case 'code':
      // Code as code, line by line: a cell holds one line, `<br>` stands for the others.
      return content.value.split('\n').flatMap((line, index): PhrasingContent[] => [
        ...(index > 0 ? [{type: 'break'} as const] : []),
        ...(line.trim() === '' ? [] : [{type: 'inlineCode', value: line} as const])
      ])
    case 'thematicBreak':
      return [{type: 'text', value: '* * *'}]
    case 'table':
      return []
  }
}

/** A heading in a cell: its level as `#` marks, its text bold. */
function heading(depth: number | undefined, children: PhrasingContent[]): PhrasingContent[] {
  return depth === undefined ? children : [{type: 'text', value: `${'#'.repeat(depth)} `}, {type: 'strong', children}]
}

/** An article's table as a GFM table of one column's content, in its block quotes and list items. */
function tableBlock(row: SourceRow, contentOf: (block: number) => PhrasingContent[], safe: (nodes: PhrasingContent[]) => PhrasingContent[]): RootContent {
  const content = row.content as Extract<RowContent, {type: 'table'}>
  let node: BlockContent = {
    type: 'table',
    align: content.align,
    children: content.rows.map((cells) => ({
      type: 'tableRow',
      children: cells.map((cell) => ({type: 'tableCell', children: cellContent('block' in cell ? contentOf(cell.block) : safe(cell.children))}))
    }))
  }
  let children: BlockContent[] = [node]
  for (const container of [...row.containers].reverse()) {
    if (container.type === 'blockquote') node = {type: 'blockquote', children}
    else if (container.type === 'footnote') node = {type: 'blockquote', children: container.first ? [{type: 'paragraph', children: [{type: 'text', value: `[${container.number}]`}]}, ...children] : children}
    else {
      node = {
        type: 'list',
        ordered: container.ordered,
        start: container.ordered ? container.number : undefined,
        spread: false,
        children: [{type: 'listItem', spread: false, checked: container.first ? container.checked : undefined, children}]
      }
    }
    children = [node]
  }
  return node
}

/**
 * The Markdown briefs follow the HTML briefs' sanitizing: no raw HTML (it
 * is dropped, its text kept), no link the sanitizer would drop
 * (`javascript:`, `data:`, `vbscript:`…: the link text stays), no image
 * (it becomes a link to it, named by its alt text, as in the HTML). A
 * footnote reference shows its number, `[1]`, as the HTML numbers it: the
 * brief holds no footnote definition for GitHub to link it to.
 */
function markdownSafe(nodes: PhrasingContent[], footnotes: ReadonlyMap<string, number>): PhrasingContent[] {
  return mapPhrasing(nodes, (node) => safeNode(node, footnotes))
}

function safeNode(node: PhrasingContent, footnotes: ReadonlyMap<string, number>): PhrasingContent[] {
  switch (node.type) {
    case 'footnoteReference':
      return [{type: 'text', value: `[${footnotes.get(node.identifier) ?? node.label ?? node.identifier}]`}]
    case 'html':
      return []
    case 'link': {
      const children = markdownSafe(node.children, footnotes)
      if (!isSafeUrl(node.url)) return children
      return [children === node.children ? node : {...node, children}]
    }
    case 'linkReference':
      return markdownSafe(node.children, footnotes)
    case 'image': {
      const name: PhrasingContent = {type: 'text', value: node.alt || node.url}
      return isSafeUrl(node.url) ? [{type: 'link', url: node.url, title: node.title, children: [name]}] : [name]
    }
    case 'imageReference':
      return node.alt ? [{type: 'text', value: node.alt}] : []
    default:
      return [withChildren(node, (children) => markdownSafe(children, footnotes))]
  }
}

/**
 * `nodes` with each node replaced by what `change` gives for it, copied
 * only where something changed: the HTML brief renders the same nodes, and
 * copying every cell (`structuredClone`) cost more than the rest of the
 * Markdown brief.
 */
function mapPhrasing(nodes: PhrasingContent[], change: (node: PhrasingContent) => PhrasingContent[]): PhrasingContent[] {
  let copy: PhrasingContent[] | undefined
  nodes.forEach((node, index) => {
    const changed = change(node)
    if (copy === undefined && (changed.length !== 1 || changed[0] !== node)) copy = nodes.slice(0, index)
    copy?.push(...changed)
  })
  return copy ?? nodes
}

/** A node with its children (if it has any) replaced by `change` of them, the node itself if they stay the same. */
function withChildren(node: PhrasingContent, change: (children: PhrasingContent[]) => PhrasingContent[]): PhrasingContent {
  if (!('children' in node)) return node
  const children = change(node.children as PhrasingContent[])
  return children === node.children ? node : ({...node, children} as PhrasingContent)
}

/** A translation column of a Markdown brief. */
export interface MarkdownColumn {
  lng: TargetLanguage
  /** From `renderColumnCells`. */
  cells: string[]
  title: BriefTitle
  counts: BriefCounts
}

/**
 * The Markdown brief: title, metadata, then a GFM table with the French on
 * the left and one column per translation, one row per block. Serialized
 * by remark-stringify with remark-gfm, which escapes `|` in cells; line
 * breaks, which would end a table row, become spaces or `<br>`.
 */
export function renderMarkdownBrief(view: ArticleView, sourceCells: string[], columns: MarkdownColumn[], ui: UiText): string {
  const {meta} = view.article
  const label = (text: string): PhrasingContent => ({type: 'strong', children: [{type: 'text', value: `${text}${ui.t('colon')}`}]})
  const header = (): TableRow => ({
    type: 'tableRow',
    children: [ui.languageName(sourceLanguage), ...columns.map((column) => ui.languageName(column.lng))].map((name) => ({type: 'tableCell', children: [{type: 'text', value: name}]}))
  })
  const children: RootContent[] = [
    {type: 'heading', depth: 1, children: [{type: 'text', value: meta.title}]},
    ...columns.map((column): Paragraph => ({type: 'paragraph', children: [label(ui.languageName(column.lng)), {type: 'text', value: ' '}, ...titleContent(column, ui)]})),
    metadataList(view, columns, ui, label)
  ]
  // Rows side by side in one GFM table; an article's table cannot sit in a cell, so it interrupts it, once per language.
  let table: TableRow[] | undefined
  const flush = () => {
    if (table) children.push({type: 'table', align: columns.map(() => null).concat(null), children: table})
    table = undefined
  }
  view.rows.forEach((row, index) => {
    const shown = [sourceCells[index]!, ...columns.map((column) => column.cells[index]!)]
    if (row.content.type === 'table') {
      flush()
      const names = [ui.languageName(sourceLanguage), ...columns.map((column) => ui.languageName(column.lng))]
      shown.forEach((markdown, position) => children.push({type: 'paragraph', children: [label(names[position]!)]}, {type: 'html', value: markdown}))
      return
    }
    ;(table ??= [header()]).push({type: 'tableRow', children: shown.map((markdown) => ({type: 'tableCell', data: {markdown}, children: []}))})
  })
  if (table || !children.some((child) => child.type === 'html')) table ??= [header()]
  flush()
  return stringifier.stringify({type: 'root', children} satisfies Root)
}

function titleContent(column: MarkdownColumn, ui: UiText): PhrasingContent[] {
  const {title} = column
  if (title.text === undefined) return [missingMarker(ui.t('marker.missingTitle'))]
  const content: PhrasingContent[] = [{type: 'text', value: title.text}]
  if (title.state === 'draft' || title.state === 'stale') content.push({type: 'text', value: ' '}, reviewFlag(ui.t(`marker.${title.state}`)))
  return content
}

function metadataList(view: ArticleView, columns: MarkdownColumn[], ui: UiText, label: (text: string) => PhrasingContent): List {
  const {meta} = view.article
  const t = ui.t
  const items: PhrasingContent[][] = [
    [label(t('meta.date')), {type: 'text', value: ` ${ui.date(meta.date)}`}],
    // Readers see the publication the desk credits, nothing of how the file came in.
    ...(meta.source?.name === undefined ? [] : [[label(t('meta.source')), {type: 'text', value: ` ${meta.source.name}`} as PhrasingContent]]),
    ...columns.map((column): PhrasingContent[] => [
      label(ui.languageName(column.lng)),
      {
        type: 'text',
        value: ` ${t('status.translated', {done: column.counts.translated, count: column.counts.total})}${t('separator')}${t('status.reviewed', {done: column.counts.reviewed, count: column.counts.total})}`
      }
    ])
  ]
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((children) => ({type: 'listItem', spread: false, children: [{type: 'paragraph', children}]}))
  }
}

/**
 * A table cell holds one line: soft line breaks read as spaces, hard breaks
 * as `<br>`. Inline code and inline HTML may span lines too (a newline reads
 * as a space in both), and inline HTML is written raw, so its `|` is escaped
 * here (GFM unescapes `\|` in a cell before parsing its content). The HTML
 * brief renders the same nodes: what changes is copied, the rest shared.
 */
export function cellContent(children: PhrasingContent[]): PhrasingContent[] {
  return mapPhrasing(children, oneLine)
}

function oneLine(node: PhrasingContent): PhrasingContent[] {
  switch (node.type) {
    case 'text':
      return node.value.includes('\n') ? [{...node, value: node.value.replace(/[ \t]*\n[ \t]*/g, ' ')}] : [node]
    case 'inlineCode': {
      const value = node.value.replace(/\n/g, ' ')
      // GFM reads `\|` in a cell as `|`, even in code, and has no way to write a backslash before a pipe there:
      // the code is cut at its pipes, each pipe written as text between its parts.
      if (value.includes('\\|')) {
        return value.split('|').flatMap((part, position): PhrasingContent[] => [
          ...(position > 0 ? [{type: 'text', value: '|'} as const] : []),
          ...(part === '' ? [] : [{type: 'inlineCode', value: part} as const])
        ])
      }
      return value === node.value ? [node] : [{...node, value}]
    }
    case 'html':
      return /[\n|]/.test(node.value) ? [{...node, value: node.value.replace(/[ \t]*\n[ \t]*/g, ' ').replace(/\|/g, '\\|')}] : [node]
    case 'break':
      return [{type: 'html', value: '<br>'}]
    default:
      return [withChildren(node, cellContent)]
  }
}
