// Lexical evidence of a candidate unit as a log-likelihood ratio: each token
// of one side either finds a link on the other side of the unit or not, and
// each outcome is weighed by how likely it is in a true translation (`p`,
// per class of token) against how likely by chance (`q`, the share of the
// other document's sentences where the token finds a link). Rare words,
// numbers and names weigh most; a word linked almost everywhere weighs
// nothing. Links are precomputed as bit masks for the sentence pairs of the
// band, so a unit of several sentences costs a few ORs.
import type {Band} from './band.js'
import {tokenClasses, type SentenceFeatures, type TokenClass} from './features.js'

/** Tokens per sentence that take part, the most informative first: one bit each in a 32-bit mask. */
const maxTokens = 32
/** Largest number of sentences on one side of a unit. */
export const maxUnitSide = 4

/** How often a token of each class finds its link in a true translation: a prior, re-estimated in the second pass. */
export type LinkRates = Record<TokenClass, number>

export const defaultLinkRates: LinkRates = {
  number: 0.85,
  code: 0.8,
  glossary: 0.8,
  name: 0.6,
  lexicon: 0.45,
  cognate: 0.35,
  punctuation: 0.6
}

interface SideTokens {
  /** First token of each sentence, and the total at the end. */
  start: Int32Array
  keys: number[][]
  classes: Uint8Array
  /** Chance of a link in one sentence of the other side. */
  chance: Float64Array
  /** For k = 1..maxUnitSide other sentences: the sum of the miss scores of each sentence, and each token's hit − miss. */
  missSum: Float64Array[]
  delta: Float64Array[]
}

export interface Evidence {
  /** Log-likelihood ratio of the unit source [i0, i1) × target [j0, j1). */
  score(i0: number, i1: number, j0: number, j1: number): number
  /** Whether source token `bit` of sentence `s` links to target sentence `t` (for learning and estimates). */
  sourceLinks(s: number, t: number): number
  targetLinks(s: number, t: number): number
  sourceTokens: {start: Int32Array; classes: Uint8Array}
  targetTokens: {start: Int32Array; classes: Uint8Array}
}

/** Posting lists: key → sorted sentence indexes where it occurs. */
function postings(features: readonly SentenceFeatures[]): Map<number, number[]> {
  const lists = new Map<number, number[]>()
  features.forEach((sentence, index) => {
    for (const token of sentence.tokens) {
      for (const key of token.keys) {
        let list = lists.get(key)
        if (!list) lists.set(key, (list = []))
        if (list[list.length - 1] !== index) list.push(index)
      }
    }
  })
  return lists
}

/**
 * Keep the tokens that link somewhere on the other side, the most
 * informative (fewest sentences linked) first; give each its class (its
 * best kind of key that occurs on the other side) and chance of a link.
 */
function selectTokens(features: readonly SentenceFeatures[], other: Map<number, number[]>, otherCount: number): SideTokens {
  const start = new Int32Array(features.length + 1)
  const keys: number[][] = []
  const classes: number[] = []
  const chance: number[] = []
  const stamp = new Int32Array(Math.max(1, otherCount)).fill(-1)
  let stampValue = 0
  const frequency = new Map<string, number>()
  features.forEach((sentence, index) => {
    start[index] = keys.length
    const candidates: Array<{keys: number[]; cls: number; linked: number}> = []
    for (const token of sentence.tokens) {
      const linkedKeys: number[] = []
      let cls: number = tokenClasses.length
      for (let k = 0; k < token.keys.length; k++) {
        if (!other.has(token.keys[k]!)) continue
        linkedKeys.push(token.keys[k]!)
        cls = Math.min(cls, tokenClasses.indexOf(token.kinds[k]!))
      }
      if (linkedKeys.length === 0) {
        // Linked nowhere: a number or name the other side lacks counts against every unit of its sentence.
        if (token.expected) candidates.push({keys: [], cls: tokenClasses.indexOf(token.expected), linked: otherCount})
        continue
      }
      const signature = linkedKeys.join(',')
      let linked = frequency.get(signature)
      if (linked === undefined) {
        stampValue++
        linked = 0
        for (const key of linkedKeys) {
          for (const sentenceIndex of other.get(key)!) {
            if (stamp[sentenceIndex] === stampValue) continue
            stamp[sentenceIndex] = stampValue
            linked++
          }
        }
        frequency.set(signature, linked)
      }
      candidates.push({keys: linkedKeys, cls, linked})
    }
    candidates.sort((a, b) => a.linked - b.linked || a.cls - b.cls)
    for (const candidate of candidates.slice(0, maxTokens)) {
      keys.push(candidate.keys)
      classes.push(candidate.cls)
      chance.push(candidate.keys.length === 0 ? 0 : (candidate.linked + 0.5) / (otherCount + 1))
    }
  })
  start[features.length] = keys.length
  return {start, keys, classes: Uint8Array.from(classes), chance: Float64Array.from(chance), missSum: [], delta: []}
}

/**
 * The score tables of one side: for a unit with k sentences on the other
 * side, each token's miss score (summed per sentence) and hit − miss.
 * The chance of a link is the larger of the document-wide share and the
 * share among the sentences of the band around the token (`local`): the
 * neighbours a unit competes with share topic words more than the
 * document does.
 */
function scoreTables(tokens: SideTokens, local: Float64Array, rates: LinkRates, weight: number, kScale: number): void {
  const sentences = tokens.start.length - 1
  for (let k = 0; k <= maxUnitSide; k++) {
    const sums = new Float64Array(sentences)
    const deltas = new Float64Array(tokens.keys.length)
    if (k > 0) {
      for (let sentence = 0; sentence < sentences; sentence++) {
        for (let token = tokens.start[sentence]!; token < tokens.start[sentence + 1]!; token++) {
          const p = rates[tokenClasses[tokens.classes[token]!]!]
          const chance = Math.max(tokens.chance[token]!, local[token]!)
          const q = 1 - (1 - chance) ** (1 + (k - 1) * kScale)
          const hit = Math.max(0, Math.log(p / q))
          const miss = Math.min(0, Math.log((1 - p) / (1 - q)))
          sums[sentence]! += weight * miss
          deltas[token] = weight * (hit - miss)
        }
      }
    }
    tokens.missSum.push(sums)
    tokens.delta.push(deltas)
  }
}

/** Sentence pairs of the band (row s of sources against the columns a unit ending near it can reach). */
interface PairBand {
  lo: Int32Array
  hi: Int32Array
  start: Int32Array
}

function pairBand(band: Band): PairBand {
  const n = band.n
  const lo = new Int32Array(n)
  const hi = new Int32Array(n)
  const start = new Int32Array(n + 1)
  for (let s = 0; s < n; s++) {
    // Sentence s is in units ending at rows s+1 .. s+maxUnitSide, whose target sentences lie in [lo[s+1] - maxUnitSide, hi[row] - 1].
    lo[s] = Math.max(0, band.lo[s + 1]! - maxUnitSide)
    hi[s] = Math.min(band.m - 1, band.hi[Math.min(band.n, s + maxUnitSide)]! - 1)
    start[s + 1] = start[s]! + Math.max(0, hi[s]! - lo[s]! + 1)
  }
  return {lo, hi, start}
}

/** Links among `width` sentences, smoothed: a token seen once among few sentences is not taken as certain. */
function localShare(links: number, width: number): number {
  return (links + 0.5) / (width + 1)
}

function lowerBound(list: ArrayLike<number>, value: number): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (list[middle]! < value) low = middle + 1
    else high = middle
  }
  return low
}

export function buildEvidence(
  source: readonly SentenceFeatures[],
  target: readonly SentenceFeatures[],
  band: Band,
  rates: LinkRates,
  weight: number,
  kScale: number,
  useLocal: boolean
): Evidence {
  const sourcePostings = postings(source)
  const targetPostings = postings(target)
  const sourceTokens = selectTokens(source, targetPostings, target.length)
  const targetTokens = selectTokens(target, sourcePostings, source.length)
  const pairs = pairBand(band)
  const sourceMasks = new Int32Array(pairs.start[source.length]!)
  const targetMasks = new Int32Array(pairs.start[source.length]!)

  // Source token → target sentences in the band.
  for (let s = 0; s < source.length; s++) {
    const lo = pairs.lo[s]!
    const hi = pairs.hi[s]!
    if (hi < lo) continue
    for (let token = sourceTokens.start[s]!; token < sourceTokens.start[s + 1]!; token++) {
      const bit = 1 << (token - sourceTokens.start[s]!)
      for (const key of sourceTokens.keys[token]!) {
        const list = targetPostings.get(key)!
        for (let index = lowerBound(list, lo); index < list.length && list[index]! <= hi; index++) {
          sourceMasks[pairs.start[s]! + list[index]! - lo]! |= bit
        }
      }
    }
  }
  // Target token → source sentences whose band row reaches it: rows [firstRow, lastRow], since the edges are monotone.
  for (let t = 0; t < target.length; t++) {
    const firstRow = lowerBound(pairs.hi, t)
    const lastRow = lowerBound(pairs.lo, t + 1) - 1
    if (lastRow < firstRow) continue
    for (let token = targetTokens.start[t]!; token < targetTokens.start[t + 1]!; token++) {
      const bit = 1 << (token - targetTokens.start[t]!)
      for (const key of targetTokens.keys[token]!) {
        const list = sourcePostings.get(key)!
        for (let index = lowerBound(list, firstRow); index < list.length && list[index]! <= lastRow; index++) {
          const s = list[index]!
          if (t < pairs.lo[s]! || t > pairs.hi[s]!) continue
          targetMasks[pairs.start[s]! + t - pairs.lo[s]!]! |= bit
        }
      }
    }
  }

  // Local chance: the share of the band's sentences where each token finds a link.
  const sourceLocal = new Float64Array(sourceTokens.keys.length)
  const targetLocal = new Float64Array(targetTokens.keys.length)
  const targetWidth = new Float64Array(target.length)
  for (let s = 0; s < source.length; s++) {
    const width = pairs.hi[s]! - pairs.lo[s]! + 1
    for (let t = pairs.lo[s]!; t <= pairs.hi[s]!; t++) {
      targetWidth[t]!++
      const sourceBits = sourceMasks[pairs.start[s]! + t - pairs.lo[s]!]!
      for (let token = sourceTokens.start[s]!; token < sourceTokens.start[s + 1]!; token++) {
        if (sourceBits & (1 << (token - sourceTokens.start[s]!))) sourceLocal[token]!++
      }
      const targetBits = targetMasks[pairs.start[s]! + t - pairs.lo[s]!]!
      for (let token = targetTokens.start[t]!; token < targetTokens.start[t + 1]!; token++) {
        if (targetBits & (1 << (token - targetTokens.start[t]!))) targetLocal[token]!++
      }
    }
    for (let token = sourceTokens.start[s]!; token < sourceTokens.start[s + 1]!; token++) {
      sourceLocal[token] = localShare(sourceLocal[token]!, width)
    }
  }
  for (let t = 0; t < target.length; t++) {
    for (let token = targetTokens.start[t]!; token < targetTokens.start[t + 1]!; token++) {
      targetLocal[token] = localShare(targetLocal[token]!, targetWidth[t]!)
    }
  }
  scoreTables(sourceTokens, useLocal ? sourceLocal : new Float64Array(sourceLocal.length), rates, weight, kScale)
  scoreTables(targetTokens, useLocal ? targetLocal : new Float64Array(targetLocal.length), rates, weight, kScale)

  const mask = (masks: Int32Array, s: number, t: number): number => {
    if (t < pairs.lo[s]! || t > pairs.hi[s]!) return 0
    return masks[pairs.start[s]! + t - pairs.lo[s]!]!
  }

  return {
    score(i0, i1, j0, j1) {
      let total = 0
      const targetCount = j1 - j0
      const sourceCount = i1 - i0
      for (let s = i0; s < i1; s++) {
        let bits = 0
        for (let t = j0; t < j1; t++) bits |= mask(sourceMasks, s, t)
        total += sourceTokens.missSum[targetCount]![s]!
        const first = sourceTokens.start[s]!
        const deltas = sourceTokens.delta[targetCount]!
        while (bits !== 0) {
          const low = bits & -bits
          total += deltas[first + 31 - Math.clz32(low)]!
          bits ^= low
        }
      }
      for (let t = j0; t < j1; t++) {
        let bits = 0
        for (let s = i0; s < i1; s++) bits |= mask(targetMasks, s, t)
        total += targetTokens.missSum[sourceCount]![t]!
        const first = targetTokens.start[t]!
        const deltas = targetTokens.delta[sourceCount]!
        while (bits !== 0) {
          const low = bits & -bits
          total += deltas[first + 31 - Math.clz32(low)]!
          bits ^= low
        }
      }
      return total
    },
    sourceLinks: (s, t) => mask(sourceMasks, s, t),
    targetLinks: (s, t) => mask(targetMasks, s, t),
    sourceTokens: {start: sourceTokens.start, classes: sourceTokens.classes},
    targetTokens: {start: targetTokens.start, classes: targetTokens.classes}
  }
}
