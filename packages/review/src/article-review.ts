import {readResource, type Article, type CorpusLayout, type Resource, type TargetLanguage} from '@briefs/corpus'
import {readLedger, type Ledger} from './ledger.js'
import {countStates, reviewSegments, type SegmentReview, type StateCounts} from './states.js'

/** An article's review in one language: its resource, its ledger, every segment's state. */
export interface LanguageReview {
  lng: TargetLanguage
  resource: Resource | undefined
  ledger: Ledger
  reviews: SegmentReview[]
  counts: StateCounts
}

/** Read the resource and the ledger of `article` in `lng`, and compute every segment's state. */
export async function reviewArticle(layout: CorpusLayout, article: Article, lng: TargetLanguage): Promise<LanguageReview> {
  const resource = await readResource(layout, lng, article.id)
  const ledger = await readLedger(layout.reviewFile(lng, article.id), new Set(article.segments.map((segment) => segment.id)))
  const reviews = reviewSegments(article.segments, (id) => resource?.entries.get(id)?.value, ledger)
  return {lng, resource, ledger, reviews, counts: countStates(reviews)}
}
