// Strict and lax precision, recall and F1 of an alignment against a gold
// one, as Vecalign's `score.py` computes them (the standard evaluation of
// Bleualign, Vecalign, Bertalign on Text+Berg).
import type {UnitLines} from './format.js'

export interface Scores {
  strict: {precision: number; recall: number; f1: number}
  lax: {precision: number; recall: number; f1: number}
}

interface Counts {
  strictHits: number
  strictMisses: number
  laxHits: number
  laxMisses: number
}

/**
 * Precision counts every unit of `test` (units empty on both sides aside):
 * strictly right when it equals a gold unit, laxly right when it shares a
 * source sentence and a target sentence with one gold unit's alignment.
 * Recall is the same with the roles swapped, after dropping the units with
 * an empty side from both.
 */
export function scoreAlignment(gold: readonly UnitLines[], test: readonly UnitLines[]): Scores {
  const precision = count(gold, test)
  const recall = count(test.filter(bothSides), gold.filter(bothSides))
  const make = (p: number, r: number) => ({precision: p, recall: r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r)})
  return {
    strict: make(ratio(precision.strictHits, precision.strictMisses), ratio(recall.strictHits, recall.strictMisses)),
    lax: make(ratio(precision.laxHits, precision.laxMisses), ratio(recall.laxHits, recall.laxMisses))
  }
}

function bothSides(unit: UnitLines): boolean {
  return unit.source.length > 0 && unit.target.length > 0
}

function ratio(hits: number, misses: number): number {
  return hits + misses === 0 ? 0 : hits / (hits + misses)
}

function key(unit: UnitLines): string {
  return `${unit.source.join(',')}:${unit.target.join(',')}`
}

function count(reference: readonly UnitLines[], candidates: readonly UnitLines[]): Counts {
  const referenceKeys = new Set(reference.filter((unit) => unit.source.length > 0 || unit.target.length > 0).map(key))
  const targetsOfSource = new Map<number, Set<number>>()
  for (const unit of reference) {
    for (const source of unit.source) {
      let targets = targetsOfSource.get(source)
      if (!targets) targetsOfSource.set(source, (targets = new Set()))
      for (const target of unit.target) targets.add(target)
    }
  }
  const counts: Counts = {strictHits: 0, strictMisses: 0, laxHits: 0, laxMisses: 0}
  const seen = new Set<string>()
  for (const unit of candidates) {
    if (unit.source.length === 0 && unit.target.length === 0) continue
    // Vecalign scores sets of units: a unit listed twice counts once.
    const unitKey = key(unit)
    if (seen.has(unitKey)) continue
    seen.add(unitKey)
    if (referenceKeys.has(unitKey)) {
      counts.strictHits++
      counts.laxHits++
      continue
    }
    counts.strictMisses++
    const overlaps = unit.source.some((source) => unit.target.some((target) => targetsOfSource.get(source)?.has(target)))
    if (overlaps) counts.laxHits++
    else counts.laxMisses++
  }
  return counts
}
