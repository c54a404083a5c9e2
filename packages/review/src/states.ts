import type {Segment} from '@briefs/segment'
import {fingerprint} from './fingerprint.js'
import type {Ledger, LedgerEntry} from './ledger.js'

/**
 * Where a segment's translation stands in one language:
 *
 * - `missing`: no translation;
 * - `draft`: translated, never approved;
 * - `reviewed`: the approved French and translation are the current ones;
 * - `stale`: approved, but the French or the translation changed since.
 */
export type ReviewState = 'missing' | 'draft' | 'reviewed' | 'stale'

/** What changed since approval, for a stale segment. */
export type StaleReason = 'source' | 'target' | 'both'

export interface SegmentReview {
  segment: Segment
  state: ReviewState
  staleReason?: StaleReason
  translation?: string
  approval?: LedgerEntry
}

export type StateCounts = Record<ReviewState, number>

/** The state of every segment, in document order. */
export function reviewSegments(segments: readonly Segment[], translationOf: (id: string) => string | undefined, ledger: Pick<Ledger, 'entries'>): SegmentReview[] {
  return segments.map((segment) => {
    const translation = translationOf(segment.id)
    const approval = ledger.entries.get(segment.id)?.entry
    const base = {segment, ...(translation === undefined ? {} : {translation}), ...(approval ? {approval} : {})}
    if (translation === undefined || translation.trim() === '') return {...base, state: 'missing'}
    if (!approval) return {...base, state: 'draft'}
    const sourceChanged = approval.source !== fingerprint(segment.text)
    const targetChanged = approval.target !== fingerprint(translation)
    if (!sourceChanged && !targetChanged) return {...base, state: 'reviewed'}
    return {...base, state: 'stale', staleReason: sourceChanged && targetChanged ? 'both' : sourceChanged ? 'source' : 'target'}
  })
}

export function countStates(reviews: readonly SegmentReview[]): StateCounts {
  const counts: StateCounts = {missing: 0, draft: 0, reviewed: 0, stale: 0}
  for (const review of reviews) counts[review.state]++
  return counts
}

/** Share of segments reviewed, 0 to 1; an empty article counts as fully reviewed. */
export function reviewedShare(counts: StateCounts): number {
  const total = counts.missing + counts.draft + counts.reviewed + counts.stale
  return total === 0 ? 1 : counts.reviewed / total
}
