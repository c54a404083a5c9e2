import type {Article, Resource, ResourceEntry, TargetLanguage} from '@briefs/corpus'
import {fingerprint} from './fingerprint.js'
import type {Ledger, LedgerEntry} from './ledger.js'
import type {Origins, UnitOrigin} from './origins.js'
import {parseInline, type ParsedTranslation} from './parse-inline.js'
import {frenchSegments, type FrenchSegment} from './segments.js'
import {parseUnitKey} from './unit-key.js'

/**
 * Where a unit's translation stands:
 *
 * - `missing`: no translation (or a blank one);
 * - `draft`: translated, never approved;
 * - `reviewed`: the approved French and translation are the current ones;
 * - `stale`: approved, but the French or the translation changed since.
 */
export type ReviewState = 'missing' | 'draft' | 'reviewed' | 'stale'

/** What changed since approval, for a stale unit. */
export type StaleReason = 'source' | 'target' | 'both'

export type StateCounts = Record<ReviewState, number>

/**
 * A translation unit: one French segment, or a run of consecutive segments
 * of one block, and its translation into one language as one text.
 */
export interface TranslationUnit {
  /** The resource key (`s-315253`, `s-315253+s-d9457a`, `title`); for a missing unit, its segment ID. */
  key: string
  /** The French segments it covers, in document order: at least one. */
  segments: FrenchSegment[]
  /** Its French as approved and diffed: the segments' texts joined by spaces. */
  source: string
  /** The resource entry holding it; absent when the unit is missing. */
  entry?: ResourceEntry
  /** The translation, parsed once; absent when there is no key. */
  target?: ParsedTranslation
  state: ReviewState
  staleReason?: StaleReason
  approval?: LedgerEntry
  /** Where the translation came from, when a tool wrote it and no one edited it since (a memory match, an alignment). */
  origin?: UnitOrigin
}

/**
 * Something in a resource that does not map cleanly onto the article's
 * segments. The model decides what each means (below) and reports it as
 * data; `@briefs/qa` turns it into messages.
 *
 * - `orphan`: the key names no segment of the article; it is attached to nothing;
 * - `invalid-key`: an empty part or an ID twice (`s-a+`, `s-a+s-a`); attached to nothing;
 * - `across-blocks`: its segments are in different blocks; attached to nothing, its segments missing;
 * - `overlap`: it covers a segment another unit covers (`with`); the unit covering more segments (the
 *   first in the file on a tie) keeps it, this one is attached to nothing;
 * - `lost-segments`: some of its segments are no longer in the article (`segments`); the unit stays on
 *   the others and, its French having changed, is stale once approved;
 * - `absorbed-segments`: a segment was inserted between its segments (`segments`); the unit covers it
 *   too and is stale once approved.
 */
export interface UnitProblem {
  kind: 'orphan' | 'invalid-key' | 'across-blocks' | 'overlap' | 'lost-segments' | 'absorbed-segments'
  key: string
  entry: ResourceEntry
  /** The segments concerned: lost, absorbed or disputed. */
  segments: string[]
  /** For `overlap`: the key of the unit that keeps the segments. */
  with?: string
}

/** An article in one language: its French segments, the units covering them, their states. */
export interface Bitext {
  article: Article
  lng: TargetLanguage
  segments: FrenchSegment[]
  /** In document order; every segment is in exactly one unit. */
  units: TranslationUnit[]
  resource: Resource | undefined
  ledger: Ledger
  /** Where drafts came from; empty when the file does not exist (or `reviews: false`). */
  origins: Origins
  problems: UnitProblem[]
  /** Segments per state (a unit of two reviewed sentences counts two). */
  counts: StateCounts
}

/** A resource entry mapped onto the article's segments, before units are assigned. */
interface Claim {
  key: string
  entry: ResourceEntry
  order: number
  first: number
  last: number
}

/**
 * The translation units of an article's resource: which resource entry
 * covers which French segments (see `UnitProblem` for every irregular
 * case), and a missing unit for each segment no entry covers.
 */
export function resolveUnits(segments: readonly FrenchSegment[], entries: ReadonlyMap<string, ResourceEntry>): {units: Array<{key: string; first: number; last: number; entry?: ResourceEntry}>; problems: UnitProblem[]} {
  const index = new Map(segments.map((segment, position) => [segment.id, position]))
  const problems: UnitProblem[] = []
  const claims: Claim[] = []
  let order = 0
  for (const [key, entry] of entries) {
    order++
    const ids = parseUnitKey(key)
    if (!ids) {
      problems.push({kind: 'invalid-key', key, entry, segments: []})
      continue
    }
    const known = ids.flatMap((id) => (index.has(id) ? [index.get(id)!] : []))
    if (known.length === 0) {
      problems.push({kind: 'orphan', key, entry, segments: ids})
      continue
    }
    if (new Set(known.map((position) => segments[position]!.block)).size > 1) {
      problems.push({kind: 'across-blocks', key, entry, segments: ids.filter((id) => index.has(id))})
      continue
    }
    const first = Math.min(...known)
    const last = Math.max(...known)
    const lost = ids.filter((id) => !index.has(id))
    if (lost.length > 0) problems.push({kind: 'lost-segments', key, entry, segments: lost})
    // Segments of one block are consecutive in document order: everything between the first and the last is in it.
    const absorbed = segments.slice(first, last + 1).flatMap((segment) => (ids.includes(segment.id) ? [] : [segment.id]))
    if (absorbed.length > 0) problems.push({kind: 'absorbed-segments', key, entry, segments: absorbed})
    claims.push({key, entry, order, first, last})
  }

  const owner: Array<Claim | undefined> = new Array(segments.length)
  const ranked = [...claims].sort((a, b) => b.last - b.first - (a.last - a.first) || a.order - b.order)
  for (const claim of ranked) {
    const taken = new Set<Claim>()
    for (let position = claim.first; position <= claim.last; position++) if (owner[position]) taken.add(owner[position]!)
    if (taken.size > 0) {
      const winner = [...taken][0]!
      problems.push({kind: 'overlap', key: claim.key, entry: claim.entry, segments: segments.slice(claim.first, claim.last + 1).flatMap((segment, offset) => (owner[claim.first + offset] ? [segment.id] : [])), with: winner.key})
      // What was said of this entry's span no longer holds: it is attached to nothing.
      for (let at = problems.length - 2; at >= 0; at--) {
        const problem = problems[at]!
        if (problem.entry === claim.entry && (problem.kind === 'lost-segments' || problem.kind === 'absorbed-segments')) problems.splice(at, 1)
      }
      continue
    }
    for (let position = claim.first; position <= claim.last; position++) owner[position] = claim
  }

  const units: Array<{key: string; first: number; last: number; entry?: ResourceEntry}> = []
  for (let position = 0; position < segments.length; position++) {
    const claim = owner[position]
    if (!claim) {
      units.push({key: segments[position]!.id, first: position, last: position})
      continue
    }
    units.push({key: claim.key, first: claim.first, last: claim.last, entry: claim.entry})
    position = claim.last
  }
  return {units, problems}
}

/** The French of a unit as approvals fingerprint it. */
export function unitSource(segments: readonly FrenchSegment[]): string {
  return segments.map((segment) => segment.text).join(' ')
}

/** The state of a unit from its translation and its approval. */
export function unitState(source: string, translation: string | undefined, approval: LedgerEntry | undefined): {state: ReviewState; staleReason?: StaleReason} {
  if (translation === undefined || translation.trim() === '') return {state: 'missing'}
  if (!approval) return {state: 'draft'}
  const sourceChanged = approval.source !== fingerprint(source)
  const targetChanged = approval.target !== fingerprint(translation)
  if (!sourceChanged && !targetChanged) return {state: 'reviewed'}
  return {state: 'stale', staleReason: sourceChanged && targetChanged ? 'both' : sourceChanged ? 'source' : 'target'}
}

export interface BitextInput {
  article: Article
  lng: TargetLanguage
  /** The resource, `undefined` when nothing is translated yet. */
  resource: Resource | undefined
  /** The translation of a key: through the i18next runtime when the resource is loaded in one, else the resource's own value. */
  translationOf?: ((key: string) => string | undefined) | undefined
  /** Reads the ledger once the unit keys are known (approvals of other keys are reported by it). */
  ledger: (unitKeys: ReadonlySet<string>) => Ledger
  /** Where drafts came from (`origins/<lng>/<id>.json`). */
  origins?: Origins | undefined
}

/** Build the bitext of an article in one language: the one place segments, units and states are paired. */
export function buildBitext(input: BitextInput): Bitext {
  const {article, lng, resource} = input
  const segments = frenchSegments(article)
  const {units: resolved, problems} = resolveUnits(segments, resource?.entries ?? new Map())
  const ledger = input.ledger(new Set(resolved.map((unit) => unit.key)))
  const translationOf = input.translationOf ?? ((key: string) => resource?.entries.get(key)?.value)
  const counts: StateCounts = {missing: 0, draft: 0, reviewed: 0, stale: 0}
  const units = resolved.map((resolvedUnit): TranslationUnit => {
    const covered = segments.slice(resolvedUnit.first, resolvedUnit.last + 1)
    const source = unitSource(covered)
    const value = resolvedUnit.entry ? translationOf(resolvedUnit.key) : undefined
    const approval = ledger.entries.get(resolvedUnit.key)?.entry
    const {state, staleReason} = unitState(source, value, approval)
    const origin = value === undefined ? undefined : input.origins?.entries.get(resolvedUnit.key)
    counts[state] += covered.length
    return {
      key: resolvedUnit.key,
      segments: covered,
      source,
      ...(resolvedUnit.entry ? {entry: resolvedUnit.entry} : {}),
      ...(value === undefined ? {} : {target: parseInline(value)}),
      state,
      ...(staleReason ? {staleReason} : {}),
      ...(approval ? {approval} : {}),
      ...(origin && origin.target === fingerprint(value!) ? {origin} : {})
    }
  })
  return {article, lng, segments, units, resource, ledger, origins: input.origins ?? {file: undefined, entries: new Map()}, problems, counts}
}

/** Share of segments reviewed, 0 to 1; an empty article counts as fully reviewed. */
export function reviewedShare(counts: StateCounts): number {
  const total = counts.missing + counts.draft + counts.reviewed + counts.stale
  return total === 0 ? 1 : counts.reviewed / total
}

/** The unit covering each segment, by segment ID. */
export function unitsBySegment(bitext: Pick<Bitext, 'units'>): Map<string, TranslationUnit> {
  const map = new Map<string, TranslationUnit>()
  for (const unit of bitext.units) for (const segment of unit.segments) map.set(segment.id, unit)
  return map
}
