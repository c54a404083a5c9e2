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
 * temperature spreads the posterior accordingly. Without `posteriors`, only
 * the best path is computed (posteriors are then 0).
 */
export function decode(band: Band, types: readonly UnitType[], scoreUnit: UnitScorer, temperature: number, posteriors = true): Decoded {
  const cells = band.rowStart[band.n + 1]!
  const typeCount = types.length
  const best = new Float64Array(cells).fill(-Infinity)
  const forward = new Float64Array(cells).fill(-Infinity)
  const back = new Int8Array(cells).fill(-1)
  // Single precision is plenty for scores of a few hundred nats, and halves the largest array.
  const unitScores = new Float32Array(cells * typeCount).fill(-Infinity)
  const { lo, hi, rowStart } = band
  best[0] = 0
  forward[0] = 0

  for (let row = 0; row <= band.n; row++) {
    const rowLo = lo[row]!
    for (let column = rowLo; column <= hi[row]!; column++) {
      const cell = rowStart[row]! + column - rowLo
      if (cell === 0) continue
      let bestScore = -Infinity
      let bestType = -1
      // Log-sum-exp kept online: the largest term and the sum of the others scaled to it.
      let sumMax = -Infinity
      let sumScaled = 0
      for (let type = 0; type < typeCount; type++) {
        const unitType = types[type]!
        const previousRow = row - unitType[0]
        const previousColumn = column - unitType[1]
        if (previousRow < 0 || previousColumn < lo[previousRow]! || previousColumn > hi[previousRow]!) continue
        const previous = rowStart[previousRow]! + previousColumn - lo[previousRow]!
        const previousBest = best[previous]!
        if (previousBest === -Infinity) continue
        const score = scoreUnit(type, row, column)
        if (score === -Infinity) continue
        unitScores[cell * typeCount + type] = score
        const total = previousBest + score
        if (total > bestScore) {
          bestScore = total
          bestType = type
        }
        if (!posteriors) continue
        const term = forward[previous]! + score / temperature
        if (term > sumMax) {
          sumScaled = sumScaled * Math.exp(sumMax - term) + 1
          sumMax = term
        } else {
          sumScaled += Math.exp(term - sumMax)
        }
      }
      best[cell] = bestScore
      back[cell] = bestType
      forward[cell] = sumMax === -Infinity ? -Infinity : sumMax + Math.log(sumScaled)
    }
  }

  // Backward sums from the end, reusing the unit scores.
  const backward = new Float64Array(cells).fill(-Infinity)
  backward[cells - 1] = 0
  for (let row = posteriors ? band.n : -1; row >= 0; row--) {
    const rowLo = lo[row]!
    for (let column = hi[row]!; column >= rowLo; column--) {
      const cell = rowStart[row]! + column - rowLo
      if (cell === cells - 1) continue
      let sumMax = -Infinity
      let sumScaled = 0
      for (let type = 0; type < typeCount; type++) {
        const unitType = types[type]!
        const nextRow = row + unitType[0]
        const nextColumn = column + unitType[1]
        if (nextRow > band.n || nextColumn < lo[nextRow]! || nextColumn > hi[nextRow]!) continue
        const next = rowStart[nextRow]! + nextColumn - lo[nextRow]!
        const nextBackward = backward[next]!
        if (nextBackward === -Infinity) continue
        const score = unitScores[next * typeCount + type]!
        if (score === -Infinity) continue
        const term = nextBackward + score / temperature
        if (term > sumMax) {
          sumScaled = sumScaled * Math.exp(sumMax - term) + 1
          sumMax = term
        } else {
          sumScaled += Math.exp(term - sumMax)
        }
      }
      backward[cell] = sumMax === -Infinity ? -Infinity : sumMax + Math.log(sumScaled)
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
    const score = unitScores[cell * typeCount + type]!
    const posterior = posteriors ? Math.exp(forward[previous]! + score / temperature + backward[cell]! - total) : 0
    units.push({type, from: [row - a, column - b], to: [row, column], score, posterior: Math.min(1, posterior)})
    row -= a
    column -= b
  }
  units.reverse()
  const corners: Corner[] = [[0, 0], ...units.map((unit) => unit.to)]
  return {units, corners}
}
