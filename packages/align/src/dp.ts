// Dynamic programming over a band: the best sequence of units (Viterbi) and,
// from the forward and backward sums, the posterior probability of each of
// its units, which is the confidence reported.
import {cellIndex, type Band, type Corner} from './band.js'

/** A unit type: how many source and target sentences it takes. */
export type UnitType = readonly [source: number, target: number]

/** The log score of the unit of `type` that ends after `row` source and `column` target sentences. */
export type UnitScorer = (type: number, row: number, column: number) => number

export interface DecodedUnit {
  type: number
  /** Corner before the unit. */
  from: Corner
  /** Corner after the unit. */
  to: Corner
  /** The unit's own score. */
  score: number
  /** Posterior probability that this exact unit is part of the alignment, 0–1. */
  posterior: number
}

export interface Decoded {
  units: DecodedUnit[]
  /** Corners of the best path, (0, 0) first. */
  corners: Corner[]
}

/**
 * The best path through the band and the posterior of each unit on it.
 * `temperature` divides scores in the forward and backward sums: scores that
 * add up correlated evidence are sharper than probabilities, and a higher
 * temperature spreads the posterior accordingly.
 */
export function decode(band: Band, types: readonly UnitType[], scoreUnit: UnitScorer, temperature: number): Decoded {
  const cells = band.rowStart[band.n + 1]!
  const best = new Float64Array(cells).fill(-Infinity)
  const forward = new Float64Array(cells).fill(-Infinity)
  const back = new Int8Array(cells).fill(-1)
  const unitScores = new Float64Array(cells * types.length).fill(-Infinity)
  best[0] = 0
  forward[0] = 0

  for (let row = 0; row <= band.n; row++) {
    for (let column = band.lo[row]!; column <= band.hi[row]!; column++) {
      const cell = band.rowStart[row]! + column - band.lo[row]!
      if (cell === 0) continue
      let bestScore = -Infinity
      let bestType = -1
      let sumMax = -Infinity
      const terms: number[] = []
      for (let type = 0; type < types.length; type++) {
        const [a, b] = types[type]!
        const previous = cellIndex(band, row - a, column - b)
        if (previous === -1 || best[previous] === -Infinity) continue
        const score = scoreUnit(type, row, column)
        if (score === -Infinity) continue
        unitScores[cell * types.length + type] = score
        const total = best[previous]! + score
        if (total > bestScore) {
          bestScore = total
          bestType = type
        }
        const term = forward[previous]! + score / temperature
        terms.push(term)
        if (term > sumMax) sumMax = term
      }
      best[cell] = bestScore
      back[cell] = bestType
      forward[cell] = logSumExp(terms, sumMax)
    }
  }

  // Backward sums from the end, reusing the unit scores.
  const backward = new Float64Array(cells).fill(-Infinity)
  backward[cells - 1] = 0
  for (let row = band.n; row >= 0; row--) {
    for (let column = band.hi[row]!; column >= band.lo[row]!; column--) {
      const cell = band.rowStart[row]! + column - band.lo[row]!
      if (cell === cells - 1) continue
      let sumMax = -Infinity
      const terms: number[] = []
      for (let type = 0; type < types.length; type++) {
        const [a, b] = types[type]!
        const next = cellIndex(band, row + a, column + b)
        if (next === -1 || backward[next] === -Infinity) continue
        const score = unitScores[next * types.length + type]!
        if (score === -Infinity) continue
        const term = backward[next]! + score / temperature
        terms.push(term)
        if (term > sumMax) sumMax = term
      }
      backward[cell] = logSumExp(terms, sumMax)
    }
  }

  const total = forward[cells - 1]!
  const units: DecodedUnit[] = []
  let row = band.n
  let column = band.m
  while (row > 0 || column > 0) {
    const cell = cellIndex(band, row, column)
    const type = back[cell]!
    if (type < 0) throw new Error(`No path reaches (${row}, ${column}) in the band`)
    const [a, b] = types[type]!
    const previous = cellIndex(band, row - a, column - b)
    const score = unitScores[cell * types.length + type]!
    const posterior = Math.exp(forward[previous]! + score / temperature + backward[cell]! - total)
    units.push({type, from: [row - a, column - b], to: [row, column], score, posterior: Math.min(1, posterior)})
    row -= a
    column -= b
  }
  units.reverse()
  const corners: Corner[] = [[0, 0], ...units.map((unit) => unit.to)]
  return {units, corners}
}

function logSumExp(terms: readonly number[], max: number): number {
  if (max === -Infinity) return -Infinity
  let sum = 0
  for (const term of terms) sum += Math.exp(term - max)
  return max + Math.log(sum)
}
