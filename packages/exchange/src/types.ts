import type {PhrasingContent} from 'mdast'

/** Where a unit's translation stands (as `@briefs/review` computes it). */
export type ExchangeState = 'missing' | 'draft' | 'reviewed' | 'stale'

/** What changed since approval, for a stale unit. */
export type ExchangeStaleReason = 'source' | 'target' | 'both'

/** One article in one target language, as the CAT exchange reads it: plain data, no files. */
export interface ExchangeArticle {
  /** The article ID (`2022-09-la-georgie-et-le-kazakhstan-deux-pays`). */
  id: string
  /** The French title. */
  title: string
  /** `YYYY-MM` or `YYYY-MM-DD`. */
  date: string
  /** The target language (`en`, `ru`). */
  lng: string
  /** Translation units in document order, the title first. */
  units: ExchangeUnit[]
}

/** One translation unit: one French segment, or a run of consecutive segments of one paragraph. */
export interface ExchangeUnit {
  /** The resource key, which is also the unit ID: `title`, `s-5cf5ba`, `s-5cf5ba+s-dcd913`. */
  key: string
  /** The French segments it covers, in order. */
  segmentIds: string[]
  /** The French as inline mdast (text, emphasis, strong, delete, link, inlineCode, break...). */
  source: PhrasingContent[]
  /** The French as plain text. */
  sourceText: string
  /** The translation as written in the resource: inline Markdown. */
  target?: string
  state: ExchangeState
  staleReason?: ExchangeStaleReason
  /** Word diff of the French since approval (`[-old-]{+new+}`), for a stale unit's note. */
  staleSourceDiff?: string
  /** Who approved the translation, when it was approved. */
  reviewer?: string
  /** `YYYY-MM-DD`, when it was approved. */
  approvedOn?: string
  /** The paragraph's other sentences, for a note. */
  context: string[]
}
