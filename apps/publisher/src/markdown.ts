import {sourceLanguage, type TargetLanguage} from '@briefs/corpus'
import {sentenceToMarkdown} from '@briefs/segment'
import type {List, Paragraph, PhrasingContent, Root, RootContent, TableRow} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import type {ArticleView, BriefCounts, BriefTitle} from './brief.js'
import {missingMarker, reviewFlag} from './brief.js'
import {remarkFastEscape} from './markdown-escape.js'
import {remarkTableFromCells, renderCells} from './table-cells.js'
import type {UiText} from './ui.js'

const stringifier = unified()
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
 * The table cells of one column of every Markdown brief of an article (the
 * French, or one translation), serialized once and reused by every brief
 * that shows the column.
 */
export function renderColumnCells(view: ArticleView, contents: PhrasingContent[][]): string[] {
  return renderCells(
    stringify,
    contents.map((children, index) => cellContent(view.blocks[index]!.kind === 'heading', children))
  )
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
  const children: RootContent[] = [
    {type: 'heading', depth: 1, children: [{type: 'text', value: meta.title}]},
    ...columns.map((column): Paragraph => ({type: 'paragraph', children: [label(ui.languageName(column.lng)), {type: 'text', value: ' '}, ...titleContent(column, ui)]})),
    metadataList(view, columns, ui, label),
    {
      type: 'table',
      align: columns.map(() => null).concat(null),
      children: [
        {
          type: 'tableRow',
          children: [ui.languageName(sourceLanguage), ...columns.map((column) => ui.languageName(column.lng))].map((name) => ({type: 'tableCell', children: [{type: 'text', value: name}]}))
        },
        ...view.blocks.map(
          (_, index): TableRow => ({
            type: 'tableRow',
            children: [sourceCells[index]!, ...columns.map((column) => column.cells[index]!)].map((markdown) => ({type: 'tableCell', data: {markdown}, children: []}))
          })
        )
      ]
    }
  ]
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
  const source = [meta.source?.url ?? meta.source?.file, meta.source?.format].filter(Boolean).join(', ')
  const items: PhrasingContent[][] = [
    [label(t('meta.date')), {type: 'text', value: ` ${ui.date(meta.date)}`}],
    [label(t('meta.source')), {type: 'text', value: ` ${source || '—'}`}],
    [label(t('meta.article')), {type: 'text', value: ' '}, {type: 'inlineCode', value: meta.id}],
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
function cellContent(heading: boolean, children: PhrasingContent[]): PhrasingContent[] {
  const content = oneLine(children)
  return heading ? [{type: 'strong', children: content}] : content
}

function oneLine(nodes: PhrasingContent[]): PhrasingContent[] {
  let copy: PhrasingContent[] | undefined
  nodes.forEach((node, index) => {
    const changed = oneLineNode(node)
    if (changed !== node) (copy ??= [...nodes])[index] = changed
  })
  return copy ?? nodes
}

function oneLineNode(node: PhrasingContent): PhrasingContent {
  switch (node.type) {
    case 'text':
      return /\n/.test(node.value) ? {...node, value: node.value.replace(/[ \t]*\n[ \t]*/g, ' ')} : node
    case 'inlineCode':
      return node.value.includes('\n') ? {...node, value: node.value.replace(/\n/g, ' ')} : node
    case 'html':
      return /[\n|]/.test(node.value) ? {...node, value: node.value.replace(/[ \t]*\n[ \t]*/g, ' ').replace(/\|/g, '\\|')} : node
    case 'break':
      return {type: 'html', value: '<br>'}
    default: {
      if (!('children' in node)) return node
      const children = oneLine(node.children as PhrasingContent[])
      return children === node.children ? node : ({...node, children} as PhrasingContent)
    }
  }
}
