import {fingerprint, type LedgerEntry, type TranslationUnit} from '@briefs/bitext'

export interface Approval {
  /** Segment IDs or unit keys to approve (a segment approves the unit covering it); every unit when omitted. */
  segmentIds?: readonly string[] | undefined
  reviewer: string
  /** `YYYY-MM-DD`. */
  date: string
  /** Unit key → why it is approved although the checks found an error in it; recorded in its approval. */
  overrides?: ReadonlyMap<string, string> | undefined
}

/** What approving needs of a unit: its key, its French and its translation. */
export type ApprovableUnit = Pick<TranslationUnit, 'key' | 'source'> & {segments: ReadonlyArray<{id: string}>; target?: {value: string} | undefined}

export type ApprovalResult =
  | {ok: true; entries: Map<string, LedgerEntry>; approved: string[]; unchanged: string[]}
  | {ok: false; missing: string[]; unknown: string[]}

/**
 * Record approval of the current French and translation of the units asked
 * for, each as a whole (its fingerprint covers all its French). Refuses
 * (changing nothing) when one of them is unknown or has no translation;
 * entries not asked for are kept as they are.
 */
export function approveUnits(units: readonly ApprovableUnit[], current: ReadonlyMap<string, LedgerEntry>, approval: Readonly<Approval>): ApprovalResult {
  const byName = new Map<string, ApprovableUnit>()
  for (const unit of units) {
    byName.set(unit.key, unit)
    for (const segment of unit.segments) byName.set(segment.id, unit)
  }
  const names = approval.segmentIds ?? units.map((unit) => unit.key)
  const unknown = names.filter((name) => !byName.has(name))
  const missing = names.filter((name) => byName.has(name) && !byName.get(name)!.target?.value.trim())
  if (unknown.length > 0 || missing.length > 0) return {ok: false, missing, unknown}

  const entries = new Map(current)
  const approved: string[] = []
  const unchanged: string[] = []
  for (const unit of new Set(names.map((name) => byName.get(name)!))) {
    const override = approval.overrides?.get(unit.key)
    const entry: LedgerEntry = {source: fingerprint(unit.source), target: fingerprint(unit.target!.value), reviewer: approval.reviewer, date: approval.date, text: unit.source, ...(override === undefined ? {} : {override})}
    const previous = current.get(unit.key)
    // Approving what is already approved keeps the first reviewer and date: the ledger says when it was checked.
    if (previous && previous.source === entry.source && previous.target === entry.target && previous.override === entry.override) {
      unchanged.push(unit.key)
      continue
    }
    entries.set(unit.key, entry)
    approved.push(unit.key)
  }
  return {ok: true, entries, approved, unchanged}
}
