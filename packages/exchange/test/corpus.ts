import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {corpusLayout, listArticleIds, loadArticle, type TargetLanguage} from '@briefs/corpus'
import {formatWordDiff, reviewArticle, wordDiff} from '@briefs/review'
import type {Sentence} from '@briefs/segment'
import type {PhrasingContent} from 'mdast'
import {visit} from 'unist-util-visit'
import type {ExchangeArticle} from '../src/index.js'

/** The shipped corpus of the repository. */
export const corpusRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../corpus')

/**
 * The shipped articles as the CAT exchange reads them: one unit per
 * segment (as the corpus has today), states from the review ledgers.
 */
export async function corpusArticles(lng: TargetLanguage, root = corpusRoot): Promise<ExchangeArticle[]> {
  const layout = corpusLayout(root)
  const articles: ExchangeArticle[] = []
  for (const id of await listArticleIds(layout)) {
    const article = await loadArticle(layout, id)
    const review = await reviewArticle(layout, article, lng)
    const sentences = new Map<string, PhrasingContent[]>()
    visit(article.tree, 'sentence', (node: Sentence) => {
      sentences.set(node.data.segmentId, node.children)
    })
    articles.push({
      id,
      title: article.meta.title,
      date: article.meta.date,
      lng,
      units: review.reviews.map(({segment, state, staleReason, translation, approval}) => ({
        key: segment.id,
        segmentIds: [segment.id],
        source: sentences.get(segment.id) ?? [{type: 'text', value: segment.text}],
        sourceText: segment.text,
        ...(translation === undefined ? {} : {target: translation}),
        state,
        ...(staleReason ? {staleReason} : {}),
        ...(staleReason && staleReason !== 'target' && approval ? {staleSourceDiff: formatWordDiff(wordDiff(approval.text, segment.text))} : {}),
        ...(approval ? {reviewer: approval.reviewer, approvedOn: approval.date} : {}),
        context: article.segments.filter((other) => other.paragraph === segment.paragraph && other.id !== segment.id).map((other) => other.text)
      }))
    })
  }
  return articles
}
