import type {TargetLanguage} from '@briefs/corpus'
import {sentenceToMarkdown} from '@briefs/segment'
import type {List, PhrasingContent, Root, RootContent, TableCell, TableRow} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import type {ArticleView, BriefCounts, BriefTitle, TranslatedBlock} from './brief.js'
import {missingMarker, reviewFlag} from './brief.js'
import {labels} from './labels.js'

const stringifier = unified()
  .use(remarkGfm, {tablePipeAlign: false})
  .use(remarkStringify, {bullet: '-', emphasis: '_', strong: '*', rule: '-'})
  .data('toMarkdownExtensions', [sentenceToMarkdown()])
  .freeze()

/**
 * The Markdown brief: title, metadata, then a GFM table with the French on
 * the left and the translation on the right, one row per block. Serialized
 * by remark-stringify with remark-gfm, which escapes `|` in cells; line
 * breaks, which would end a table row, become spaces or `<br>`.
 */
export function renderMarkdownBrief(
  view: ArticleView,
  lng: TargetLanguage,
  translated: TranslatedBlock[],
  title: BriefTitle,
  counts: BriefCounts
): string {
  const text = labels[lng]
  const {meta} = view.article
  const children: RootContent[] = [
    {type: 'heading', depth: 1, children: [{type: 'text', value: meta.title}]},
    {
      type: 'paragraph',
      children: [{type: 'strong', children: [{type: 'text', value: `${text.languageName}:`}]}, {type: 'text', value: ' '}, ...titleContent(title, lng)]
    },
    metadataList(view, lng, counts),
    {
      type: 'table',
      align: [null, null],
      children: [
        row([{type: 'text', value: labels[lng].french}], [{type: 'text', value: text.languageName}]),
        ...view.blocks.map((block, index) => {
          const source = block.kind === 'heading' ? [{type: 'strong' as const, children: structuredClone(block.children)}] : structuredClone(block.children)
          // `cell` rewrites line breaks in place: work on copies, the HTML brief renders the same nodes.
          const translation = structuredClone(translated[index]!.children)
          const target = block.kind === 'heading' ? [{type: 'strong' as const, children: translation}] : translation
          return row(source, target)
        })
      ]
    }
  ]
  return stringifier.stringify({type: 'root', children} satisfies Root)
}

function titleContent(title: BriefTitle, lng: TargetLanguage): PhrasingContent[] {
  const text = labels[lng]
  if (title.text === undefined) return [missingMarker(text.missingTitle)]
  const content: PhrasingContent[] = [{type: 'text', value: title.text}]
  if (title.state === 'draft' || title.state === 'stale') content.push({type: 'text', value: ' '}, reviewFlag(text[title.state]))
  return content
}

function metadataList(view: ArticleView, lng: TargetLanguage, counts: BriefCounts): List {
  const text = labels[lng]
  const {meta} = view.article
  const source = [meta.source?.url ?? meta.source?.file, meta.source?.format].filter(Boolean).join(', ')
  const items: Array<[string, PhrasingContent[]]> = [
    [text.date, [{type: 'text', value: meta.date}]],
    [text.source, [{type: 'text', value: source || '—'}]],
    [text.article, [{type: 'inlineCode', value: meta.id}]],
    [`${text.translated(counts.translated, counts.total)}; ${text.reviewed(counts.reviewed, counts.total)}`, []]
  ]
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map(([label, value]) => ({
      type: 'listItem',
      spread: false,
      children: [
        {
          type: 'paragraph',
          children: value.length === 0 ? [{type: 'text', value: label}] : [{type: 'strong', children: [{type: 'text', value: `${label}:`}]}, {type: 'text', value: ' '}, ...value]
        }
      ]
    }))
  }
}

function row(source: PhrasingContent[], target: PhrasingContent[]): TableRow {
  return {type: 'tableRow', children: [cell(source), cell(target)]}
}

/**
 * A table cell holds one line: soft line breaks read as spaces, hard breaks
 * as `<br>`. Inline code and inline HTML may span lines too (a newline reads
 * as a space in both), and inline HTML is written raw, so its `|` is escaped
 * here (GFM unescapes `\|` in a cell before parsing its content).
 */
function cell(children: PhrasingContent[]): TableCell {
  const node: TableCell = {type: 'tableCell', children}
  visit(node, (child, index, parent) => {
    if (child.type === 'text') child.value = child.value.replace(/[ \t]*\n[ \t]*/g, ' ')
    if (child.type === 'inlineCode') child.value = child.value.replace(/\n/g, ' ')
    if (child.type === 'html') child.value = child.value.replace(/[ \t]*\n[ \t]*/g, ' ').replace(/\|/g, '\\|')
    if (child.type === 'break' && parent && index !== undefined) {
      parent.children[index] = {type: 'html', value: '<br>'}
    }
  })
  return node
}
