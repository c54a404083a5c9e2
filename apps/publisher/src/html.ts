import type {TargetLanguage} from '@briefs/corpus'
import type {ElementContent, Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import type {Heading, Paragraph} from 'mdast'
import type {ArticleView, BriefCounts, BriefTitle, SourceBlock, TranslatedBlock} from './brief.js'
import {labels} from './labels.js'
import {identifySentences, toSafeHast} from './sanitize.js'
import {briefStyles} from './styles.js'

/** The French side of every block, sanitized once per article and reused for every language. */
export function renderSourceBlocks(view: ArticleView): ElementContent[][] {
  return view.blocks.map((block) => {
    const nodes = toSafeHast(blockNode(block, block.children))
    identifySentences(nodes, '')
    return nodes
  })
}

function blockNode(block: SourceBlock, children: Paragraph['children']): Paragraph | Heading {
  return block.kind === 'heading' ? {type: 'heading', depth: 2, children} : {type: 'paragraph', children}
}

/**
 * A standalone HTML brief: its own CSS, no external requests, two aligned
 * columns (`lang="fr"` and the target language), every sentence a span
 * carrying its segment ID on both sides. Corpus text reaches the page only
 * as hast text (escaped) or through the sanitizer.
 */
export function renderHtmlBrief(
  view: ArticleView,
  lng: TargetLanguage,
  sourceBlocks: ElementContent[][],
  translated: TranslatedBlock[],
  title: BriefTitle,
  counts: BriefCounts
): string {
  const text = labels[lng]
  const {meta} = view.article
  const source = [meta.source?.url ?? meta.source?.file, meta.source?.format].filter(Boolean).join(', ')
  const rows = view.blocks.map((block, index) => {
    const target = toSafeHast(blockNode(block, translated[index]!.children))
    identifySentences(target, `${lng}-`)
    return h('section.row', {id: block.id}, [
      h('div.source', {lang: 'fr'}, structuredClone(sourceBlocks[index]!)),
      h('div.target', {lang: lng}, target)
    ])
  })
  const tree: Root = {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: lng}, [
        h('head', [
          h('meta', {charset: 'utf-8'}),
          h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
          h('title', text.briefTitle(title.text ?? meta.title)),
          h('style', briefStyles)
        ]),
        h('body', [
          h('div.page', [
            h('nav.crumbs', [h('a', {href: '../index.html'}, text.backToIndex)]),
            h('header.brief-header', [
              h('h1', {lang: 'fr'}, meta.title),
              title.text === undefined
                ? h('p.title-translation.missing', text.missingTitle)
                : h('p.title-translation', {lang: lng}, [title.text, ...(title.state === 'draft' || title.state === 'stale' ? [' ', h('span.flag', `(⚑ ${text[title.state]})`)] : [])]),
              h('dl.meta', [
                h('div', [h('dt', text.date), h('dd', meta.date)]),
                h('div', [h('dt', text.source), h('dd', source || '—')]),
                h('div', [h('dt', text.article), h('dd', h('code', meta.id))]),
                h('div.status', [h('dd', text.translated(counts.translated, counts.total))]),
                h('div.review-status', [h('dd', text.reviewed(counts.reviewed, counts.total))])
              ])
            ]),
            h('main.brief', [h('div.columns', {ariaHidden: 'true'}, [h('div', {lang: 'fr'}, text.french), h('div', text.languageName)]), ...rows])
          ])
        ])
      ])
    ]
  }
  return `${toHtml(tree)}\n`
}
