import type {Segment} from '@briefs/segment'
import {fingerprint} from './fingerprint.js'
import type {LedgerEntry} from './ledger.js'

export interface Approval {
  /** Segments to approve; all of the article's when omitted. */
  segmentIds?: readonly string[] | undefined
  reviewer: string
  /** `YYYY-MM-DD`. */
  date: string
}

export type ApprovalResult =
  | {ok: true; entries: Map<string, LedgerEntry>; approved: string[]; unchanged: string[]}
  | {ok: false; missing: string[]; unknown: string[]}

/**
 * Record approval of the current French and translation of the segments
 * asked for. Refuses (changing nothing) when one of them is unknown or has
 * no translation; entries not asked for are kept as they are.
 */
export function approveSegments(
  segments: readonly Segment[],
  translationOf: (id: string) => string | undefined,
  current: ReadonlyMap<string, LedgerEntry>,
  approval: Readonly<Approval>
): ApprovalResult {
  const byId = new Map(segments.map((segment) => [segment.id, segment]))
  const ids = approval.segmentIds ?? segments.map((segment) => segment.id)
  const unknown = ids.filter((id) => !byId.has(id))
  const missing = ids.filter((id) => byId.has(id) && !(translationOf(id)?.trim()))
  if (unknown.length > 0 || missing.length > 0) return {ok: false, missing, unknown}

  const entries = new Map(current)
  const approved: string[] = []
  const unchanged: string[] = []
  for (const id of ids) {
    const segment = byId.get(id)!
    const entry: LedgerEntry = {source: fingerprint(segment.text), target: fingerprint(translationOf(id)!), reviewer: approval.reviewer, date: approval.date, text: segment.text}
    const previous = current.get(id)
    // Approving what is already approved keeps the first reviewer and date: the ledger says when it was checked.
    if (previous && previous.source === entry.source && previous.target === entry.target) {
      unchanged.push(id)
      continue
    }
    entries.set(id, entry)
    approved.push(id)
  }
  return {ok: true, entries, approved, unchanged}
}
