// The part of the dynamic-programming grid that is searched: for each number
// of source sentences consumed (a row, 0..n), a range of target sentences
// consumed. Searching a band around a path instead of the whole grid keeps
// time and memory linear in the document length.

export interface Band {
  /** Rows 0..n. */
  n: number
  /** Columns 0..m. */
  m: number
  /** First column of each row (non-decreasing). */
  lo: Int32Array
  /** Last column of each row (non-decreasing). */
  hi: Int32Array
  /** Index of the first cell of each row in a flat array, and the total count at index n + 1. */
  rowStart: Int32Array
}

/** A path through the grid: the corners (source consumed, target consumed) after each unit, from (0, 0) to (n, m). */
export type Corner = readonly [number, number]

/** The band of half-width `width` around the straight line from (0, 0) to (n, m). */
export function diagonalBand(n: number, m: number, width: number): Band {
  const corners: Corner[] = []
  for (let row = 0; row <= n; row++) corners.push([row, n === 0 ? m : Math.round((row * m) / n)])
  if (n === 0) corners.unshift([0, 0])
  return bandAround(corners, n, m, width)
}

/** The band of half-width `width` around a monotone path of corners. */
export function bandAround(corners: readonly Corner[], n: number, m: number, width: number): Band {
  const low = new Int32Array(n + 1).fill(m)
  const high = new Int32Array(n + 1).fill(0)
  for (let index = 0; index < corners.length; index++) {
    const [row, column] = corners[index]!
    const [nextRow, nextColumn] = corners[index + 1] ?? corners[index]!
    for (let r = row; r <= nextRow; r++) {
      low[r] = Math.min(low[r]!, column)
      high[r] = Math.max(high[r]!, nextColumn)
    }
  }
  const lo = new Int32Array(n + 1)
  const hi = new Int32Array(n + 1)
  for (let row = 0; row <= n; row++) {
    lo[row] = Math.max(0, low[row]! - width)
    hi[row] = Math.min(m, high[row]! + width)
  }
  lo[0] = 0
  hi[n] = m
  // Monotone edges: a suffix minimum of the lows and a prefix maximum of the highs.
  for (let row = n - 1; row >= 0; row--) lo[row] = Math.min(lo[row]!, lo[row + 1]!)
  for (let row = 1; row <= n; row++) hi[row] = Math.max(hi[row]!, hi[row - 1]!)
  const rowStart = new Int32Array(n + 2)
  for (let row = 0; row <= n; row++) rowStart[row + 1] = rowStart[row]! + hi[row]! - lo[row]! + 1
  return {n, m, lo, hi, rowStart}
}

/** The flat index of cell (row, column), or -1 outside the band. */
export function cellIndex(band: Band, row: number, column: number): number {
  if (row < 0 || row > band.n) return -1
  const lo = band.lo[row]!
  if (column < lo || column > band.hi[row]!) return -1
  return band.rowStart[row]! + column - lo
}

/** Whether a path comes within `margin` of an edge of the band that is not an edge of the grid. */
export function touchesEdge(band: Band, corners: readonly Corner[], margin: number): boolean {
  for (const [row, column] of corners) {
    const lo = band.lo[row]!
    const hi = band.hi[row]!
    if (lo > 0 && column - lo < margin) return true
    if (hi < band.m && hi - column < margin) return true
  }
  return false
}

/** Whether the band already holds the whole grid. */
export function isFullGrid(band: Band): boolean {
  for (let row = 0; row <= band.n; row++) if (band.lo[row] !== 0 || band.hi[row] !== band.m) return false
  return true
}
