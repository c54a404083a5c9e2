import {isLanguageCode, languageProfile} from '@briefs/languages'
import {bandAround, diagonalBand, isFullGrid, touchesEdge, type Band, type Corner} from './band.js'
import type {BilingualDictionary} from './dictionary.js'
import {decode, type Decoded, type UnitType} from './dp.js'
import {buildEvidence, defaultLinkRates, maxUnitSide, type Evidence, type LinkRates} from './evidence.js'
import {
  endings,
  glossaryIndex,
  KeyTable,
  numberWordsOnBothSides,
  sentenceFeatures,
  tokenClasses,
  type Lexicon,
  type SentenceFeatures,
  type SideContext,
  type EvidenceSwitches,
  withLexicon
} from './features.js'
import {lengthLogProbability} from './length.js'
import {dictionaryLexicon, learnLexicon, mergeLexicons, type StemPair} from './lexicon.js'

/** A sentence to align: its text and, when known, the index of its paragraph (any increasing numbers). */
export interface AlignSentence {
  text: string
  paragraph?: number
}

/** A pair of glossary forms: a source term and its translation, each one form or several. */
export interface GlossaryPair {
  source: string | readonly string[]
  target: string | readonly string[]
}

export interface AlignOptions {
  /** Language code of the source, `fr` by default. */
  sourceLanguage?: string
  /** Language code of the target (`en`, `ru`, `de`…); unknown or absent, only language-independent evidence is used. */
  targetLanguage?: string
  /** Term pairs that must translate each other (`corpus/glossary.json`). */
  glossary?: readonly GlossaryPair[]
  /** Word pairs of the two languages, either direction (`loadDictionary`). */
  dictionary?: BilingualDictionary
  /** Sentence pairs known to translate each other (reviewed translations): a lexicon is learned from them. */
  lexiconPairs?: ReadonlyArray<{source: string; target: string}>
  /** `evidence` (default): every kind of evidence and a second pass; `length`: the Gale–Church baseline. */
  method?: 'evidence' | 'length'
}

export interface AlignUnit {
  /** Indexes of source sentences, consecutive, ascending; empty for a sentence added in the translation. */
  source: number[]
  /** Indexes of target sentences, consecutive, ascending; empty for a source sentence left out. */
  target: number[]
  /** Posterior probability, 0–1, that this unit is exactly right. */
  confidence: number
}

export interface Alignment {
  units: AlignUnit[]
}

/**
 * Tuned on the Text+Berg dev document and the news dev set (see README):
 * few numbers, each with a reason.
 */
export const parameters = {
  /** Unit types and their prior probabilities. */
  priors: [
    [[1, 1], 0.85],
    [[1, 0], 0.01],
    [[0, 1], 0.01],
    [[1, 2], 0.05],
    [[2, 1], 0.05],
    [[2, 2], 0.01],
    [[1, 3], 0.005],
    [[3, 1], 0.005],
    [[1, 4], 0.001],
    [[4, 1], 0.001],
    [[2, 3], 0.001],
    [[3, 2], 0.001],
    [[3, 3], 0.001]
  ] as Array<[UnitType, number]>,
  /** Weight of the lexical log-likelihood ratio: tokens are not independent evidence. */
  lexicalWeight: 0.7,
  /** Penalty (nats) for a unit that joins sentences across a paragraph boundary on one side. */
  paragraphCrossing: 4,
  /** Penalty (nats) for a unit that starts a paragraph on one side only. */
  paragraphMismatch: 1,
  /** Posterior temperature. */
  temperature: 1,
  /** Half-width of the band around a previous path, in sentences (doubled while the path touches its edge). */
  bandWidth: 16,
  /** A unit whose prior and length score fall below this (nats) is not considered further. */
  hopeless: -40,
  /** Largest grid (cells) searched whole; a larger pair is first aligned in blocks. */
  fullGrid: 120_000,
  /** Second-pass lexicon: units at least this confident teach it. */
  learnFrom: 0.9,
  /** How the chance of a link grows with the sentences of the other side: q_k = 1 − (1 − q)^(1 + (k − 1)·growth). */
  chanceGrowth: 0.5,
  /** Whether the chance of a link is also measured in the band around each sentence. */
  localChance: true,
  /** Prior of a 1-0 or 0-1 unit for a debris line (no word of two letters, no digit, no capital): even odds, since it carries nothing to translate. */
  debrisAlone: 0.5,
  /**
   * Factor on the prior of a 1-0 or 0-1 unit for a clause: a sentence that
   * ends with a semicolon or colon, or follows one. A splitter's clause
   * belongs to a sentence, which is translated or left out whole.
   */
  clauseAlone: 0.1,
  /**
   * Bonus (nats) for each semicolon or colon inside a unit, on either side:
   * a unit goes on past a clause boundary three times as readily as past a
   * full stop (translators keep sentences, a splitter may cut them there).
   */
  clauseJoin: Math.log(3),
  /** Passes over the pair: the first with what is known, the second with what the first taught (a third drifts). */
  passes: 2,
  use: {numbers: true, cognates: true, punctuation: true, cognatePrefix: 4} as EvidenceSwitches
}

/** Gale & Church's unit types and priors (1993, table 5). */
const galeChurchPriors: Array<[UnitType, number]> = [
  [[1, 1], 0.89],
  [[1, 0], 0.0099 / 2],
  [[0, 1], 0.0099 / 2],
  [[1, 2], 0.089 / 2],
  [[2, 1], 0.089 / 2],
  [[2, 2], 0.011]
]

/**
 * Align source sentences (French by default) with the sentences of their
 * translation. Every sentence of both sides is in exactly one unit, units in
 * order; a unit is 0–4 sentences on each side (1-1, 1-2, 2-1, 2-2, 1-3,
 * 3-1, 1-4, 4-1, 2-3, 3-2, 3-3, and 1-0 / 0-1 for a sentence without
 * counterpart).
 */
export function align(source: readonly AlignSentence[], target: readonly AlignSentence[], options: AlignOptions = {}): Alignment {
  const n = source.length
  const m = target.length
  if (n === 0 || m === 0) {
    return {
      units: [...source.map((_, index) => ({source: [index], target: [], confidence: 1})), ...target.map((_, index) => ({source: [], target: [index], confidence: 1}))]
    }
  }
  const sourceLengths = source.map((sentence) => lengthOf(sentence.text))
  const targetLengths = target.map((sentence) => lengthOf(sentence.text))
  if (options.method === 'length') return galeChurch(sourceLengths, targetLengths)

  const sourceLanguage = options.sourceLanguage ?? 'fr'
  const targetLanguage = options.targetLanguage ?? 'und'
  const keys = new KeyTable()
  const terms = (options.glossary ?? []).map((pair) => [asList(pair.source), asList(pair.target)] as const)
  const numberWords = numberWordsOnBothSides(sourceLanguage, targetLanguage)
  const sourceParagraphs = paragraphStarts(source)
  const targetParagraphs = paragraphStarts(target)
  const sourceContext: SideContext = {language: sourceLanguage, side: 'source', keys, glossary: glossaryIndex(terms.map(([forms]) => forms), sourceLanguage), numberWords, use: parameters.use}
  const targetContext: SideContext = {language: targetLanguage, side: 'target', keys, glossary: glossaryIndex(terms.map(([, forms]) => forms), targetLanguage), numberWords, use: parameters.use}

  const dictionary = options.dictionary ? dictionaryLexicon(options.dictionary, sourceLanguage, targetLanguage) : undefined
  const given = options.lexiconPairs?.length
    ? learnLexicon(options.lexiconPairs.map((pair) => stemPair(pair.source, pair.target, sourceContext, targetContext)))
    : undefined
  const known = mergeLexicons(dictionary, given)

  const targetFeatures = target.map((sentence, index) => sentenceFeatures(sentence.text, targetParagraphs[index]!, targetContext))

  const ratio = expectedRatio(sum(targetLengths) / Math.max(1, sum(sourceLengths)), sourceLanguage, targetLanguage)
  // Paragraphs are anchors only when both sides have them, in similar numbers: a translation
  // delivered as one block, or with paragraphs joined, says nothing by its paragraph starts.
  const paragraphsKnown = hasParagraphs(source) && hasParagraphs(target) && similarCounts(count(sourceParagraphs), count(targetParagraphs))

  // First pass: what is known before reading the pair.
  let sourceFeatures = source.map((sentence, index) => sentenceFeatures(sentence.text, sourceParagraphs[index]!, {...sourceContext, lexicon: known}))
  const first = search(sourceFeatures, targetFeatures, defaultLinkRates, ratio, paragraphsKnown, initialBand(sourceFeatures, targetFeatures, ratio))

  // Later passes: a lexicon learned from the confident units of the pass before, and link rates measured on them.
  const baseFeatures = sourceFeatures
  let previous = first
  for (let pass = 1; pass < parameters.passes; pass++) {
    const confident = previous.decoded.units.filter((unit) => unit.posterior >= parameters.learnFrom && unitSize(unit) === 2)
    const learned = learnLexicon(
      confident.map((unit) => ({
        source: stemsOf(baseFeatures[unit.from[0]]!),
        target: stemsOf(targetFeatures[unit.from[1]]!)
      }))
    )
    const rates = measureLinkRates(previous.evidence, confident)
    sourceFeatures = baseFeatures.map((features) => withLexicon(features, learned, keys))
    const measuredRatio = unitRatio(previous.decoded.units.filter((unit) => unit.posterior >= parameters.learnFrom), sourceFeatures, targetFeatures)
    previous = search(sourceFeatures, targetFeatures, rates, measuredRatio ?? ratio, paragraphsKnown, bandAround(previous.decoded.corners, n, m, parameters.bandWidth))
  }
  const second = previous

  return {units: second.decoded.units.map((unit) => toUnit(unit.from, unit.to, unit.posterior))}
}

function search(
  sourceFeatures: readonly SentenceFeatures[],
  targetFeatures: readonly SentenceFeatures[],
  rates: LinkRates,
  ratio: number,
  paragraphsKnown: boolean,
  initialBand: Band,
  posteriors = true
): {decoded: Decoded; evidence: Evidence} {
  const types = parameters.priors.map(([type]) => type)
  const logPriors = Float64Array.from(parameters.priors, ([, prior]) => Math.log(prior))
  const typeSource = Int32Array.from(types, ([a]) => a)
  const typeTarget = Int32Array.from(types, ([, b]) => b)
  const sourcePrefix = prefixSums(sourceFeatures)
  const targetPrefix = prefixSums(targetFeatures)
  const sourceAlone = aloneLogPriors(sourceFeatures, Math.log(parameters.priors.find(([[a, b]]) => a === 1 && b === 0)![1]))
  const targetAlone = aloneLogPriors(targetFeatures, Math.log(parameters.priors.find(([[a, b]]) => a === 0 && b === 1)![1]))
  const sourceJoins = clauseJoins(sourceFeatures)
  const targetJoins = clauseJoins(targetFeatures)
  let band = initialBand
  let width = parameters.bandWidth
  for (;;) {
    const evidence = buildEvidence(sourceFeatures, targetFeatures, band, rates, parameters.lexicalWeight, parameters.chanceGrowth, parameters.localChance)
    const decoded = decode(
      band,
      types,
      (type, row, column) => {
        const a = typeSource[type]!
        const b = typeTarget[type]!
        let score = logPriors[type]!
        if (a === 0 || b === 0) {
          if (a === 1 && b === 0) return sourceAlone[row - 1]!
          if (a === 0 && b === 1) return targetAlone[column - 1]!
          return score
        }
        const i0 = row - a
        const j0 = column - b
        // Inner boundaries that are semicolons or colons: a sentence cut into clauses, kept together.
        if (a > 1) score += sourceJoins[row - 1]! - sourceJoins[i0]!
        if (b > 1) score += targetJoins[column - 1]! - targetJoins[j0]!
        score += lengthLogProbability(sourcePrefix[row]! - sourcePrefix[i0]!, targetPrefix[column]! - targetPrefix[j0]!, ratio)
        // Lengths this far apart no word evidence makes up for: skip the costlier part.
        if (score < parameters.hopeless) return -Infinity
        score += evidence.score(i0, row, j0, column)
        if (paragraphsKnown) score += paragraphScore(sourceFeatures, targetFeatures, i0, row, j0, column)
        return score
      },
      parameters.temperature,
      posteriors
    )
    if (isFullGrid(band) || !touchesEdge(band, decoded.corners, maxUnitSide)) return {decoded, evidence}
    width *= 2
    band = bandAround(decoded.corners, band.n, band.m, width)
  }
}

/**
 * Where to search first. A pair of documents small enough is searched whole;
 * a larger one is first aligned in blocks of sentences (the whole coarse
 * grid), and the sentences are searched in a band around that path, as
 * Vecalign does: linear time, and no drift when a long passage is missing.
 */
function initialBand(source: readonly SentenceFeatures[], target: readonly SentenceFeatures[], ratio: number): Band {
  const n = source.length
  const m = target.length
  if ((n + 1) * (m + 1) <= parameters.fullGrid) return diagonalBand(n, m, Math.max(n, m))
  const block = Math.ceil(Math.sqrt(((n + 1) * (m + 1)) / parameters.fullGrid))
  const coarseSource = blocks(source, block)
  const coarseTarget = blocks(target, block)
  const coarse = search(coarseSource, coarseTarget, defaultLinkRates, ratio, false, diagonalBand(coarseSource.length, coarseTarget.length, Math.max(coarseSource.length, coarseTarget.length)), false)
  const corners = coarse.decoded.corners.map(([row, column]) => [Math.min(n, row * block), Math.min(m, column * block)] as const)
  return bandAround(corners, n, m, parameters.bandWidth)
}

/** Consecutive sentences joined `size` at a time: lengths added, tokens pooled. */
function blocks(features: readonly SentenceFeatures[], size: number): SentenceFeatures[] {
  const joined: SentenceFeatures[] = []
  for (let start = 0; start < features.length; start += size) {
    const part = features.slice(start, start + size)
    const seen = new Set<string>()
    const tokens = part.flatMap((sentence) => sentence.tokens).filter((token) => {
      const signature = token.keys.join(',')
      if (seen.has(signature)) return false
      seen.add(signature)
      return true
    })
    joined.push({length: sum(part.map((sentence) => sentence.length)), tokens, stems: [], paragraphStart: false, ending: part.at(-1)!.ending, debris: false})
  }
  return joined
}


/**
 * The length ratio of the first pass: the documents' own, unless the target
 * language is known and the documents' ratio is more than 25% away from its
 * usual one, which says that much was left out or added: then the usual one.
 */
function expectedRatio(documentRatio: number, sourceLanguage: string, targetLanguage: string): number {
  // Each profile says how long its text runs against French (measured on the corpus and Text+Berg).
  const typical = isLanguageCode(sourceLanguage) && isLanguageCode(targetLanguage) ? languageProfile(targetLanguage).lengthFromFrench / languageProfile(sourceLanguage).lengthFromFrench : undefined
  if (typical === undefined || documentRatio === 0) return documentRatio || 1
  return Math.abs(Math.log(documentRatio / typical)) > Math.log(1.25) ? typical : documentRatio
}

/** The length ratio of confident units with both sides, when there are enough of them (five). */
function unitRatio(units: Decoded['units'], source: readonly SentenceFeatures[], target: readonly SentenceFeatures[]): number | undefined {
  let sourceLength = 0
  let targetLength = 0
  let counted = 0
  for (const unit of units) {
    if (unit.to[0] === unit.from[0] || unit.to[1] === unit.from[1]) continue
    for (let s = unit.from[0]; s < unit.to[0]; s++) sourceLength += source[s]!.length
    for (let t = unit.from[1]; t < unit.to[1]; t++) targetLength += target[t]!.length
    counted++
  }
  return counted >= 5 && sourceLength > 0 && targetLength > 0 ? targetLength / sourceLength : undefined
}

/** Cumulative lengths: a unit's length in constant time. */
function prefixSums(features: readonly SentenceFeatures[]): Float64Array {
  const sums = new Float64Array(features.length + 1)
  for (let index = 0; index < features.length; index++) sums[index + 1] = sums[index]! + features[index]!.length
  return sums
}

/** Soft paragraph anchors: units rarely join sentences across paragraphs, and usually start a paragraph on both sides or neither. */
function paragraphScore(source: readonly SentenceFeatures[], target: readonly SentenceFeatures[], i0: number, i1: number, j0: number, j1: number): number {
  let score = 0
  for (let s = i0 + 1; s < i1; s++) if (source[s]!.paragraphStart) score -= parameters.paragraphCrossing
  for (let t = j0 + 1; t < j1; t++) if (target[t]!.paragraphStart) score -= parameters.paragraphCrossing
  if (source[i0]!.paragraphStart !== target[j0]!.paragraphStart) score -= parameters.paragraphMismatch
  return score
}

/** Cumulative clause-join bonus of the sentences' endings: a unit's inner boundaries in constant time. */
function clauseJoins(features: readonly SentenceFeatures[]): Float64Array {
  const sums = new Float64Array(features.length + 1)
  for (let index = 0; index < features.length; index++) {
    const ending = endings[features[index]!.ending]
    sums[index + 1] = sums[index]! + (ending === 'semicolon' || ending === 'colon' ? parameters.clauseJoin : 0)
  }
  return sums
}

/**
 * The log prior of a 1-0 or 0-1 unit for each sentence: debris stands alone
 * at even odds; a clause (a sentence ending with a semicolon or colon, or
 * following one) far less often than a sentence, since sentences are what a
 * translator leaves out or adds.
 */
function aloneLogPriors(features: readonly SentenceFeatures[], logPrior: number): Float64Array {
  const weak = (index: number) => index >= 0 && (endings[features[index]!.ending] === 'semicolon' || endings[features[index]!.ending] === 'colon')
  return Float64Array.from(features, (sentence, index) => {
    if (sentence.debris) return Math.log(parameters.debrisAlone)
    return weak(index) || weak(index - 1) ? logPrior + Math.log(parameters.clauseAlone) : logPrior
  })
}

/** Share of linked tokens per class in confident 1-1 units, smoothed towards the prior. */
function measureLinkRates(evidence: Evidence, units: Decoded['units']): LinkRates {
  const hits = new Float64Array(tokenClasses.length)
  const totals = new Float64Array(tokenClasses.length)
  for (const unit of units) {
    const [s, t] = unit.from
    count(evidence.sourceTokens, s, evidence.sourceLinks(s, t))
    count(evidence.targetTokens, t, evidence.targetLinks(s, t))
  }
  function count(tokens: Evidence['sourceTokens'], sentence: number, mask: number) {
    for (let token = tokens.start[sentence]!; token < tokens.start[sentence + 1]!; token++) {
      const cls = tokens.classes[token]!
      totals[cls]!++
      if (mask & (1 << (token - tokens.start[sentence]!))) hits[cls]!++
    }
  }
  const rates = {...defaultLinkRates}
  const strength = 10
  tokenClasses.forEach((cls, index) => {
    const rate = (hits[index]! + strength * defaultLinkRates[cls]) / (totals[index]! + strength)
    rates[cls] = Math.min(0.95, Math.max(0.05, rate))
  })
  return rates
}

/** The Gale–Church baseline: lengths only, their priors and deletion costs, same band search. */
function galeChurch(sourceLengths: readonly number[], targetLengths: readonly number[]): Alignment {
  const n = sourceLengths.length
  const m = targetLengths.length
  const types = galeChurchPriors.map(([type]) => type)
  const logPriors = galeChurchPriors.map(([, prior]) => Math.log(prior))
  let width = parameters.bandWidth
  let band = diagonalBand(n, m, width)
  for (;;) {
    const decoded = decode(
      band,
      types,
      (type, row, column) => {
        const [a, b] = types[type]!
        let sourceLength = 0
        let targetLength = 0
        for (let s = row - a; s < row; s++) sourceLength += sourceLengths[s]!
        for (let t = column - b; t < column; t++) targetLength += targetLengths[t]!
        // Gale & Church score deletions by length too, and take a ratio of 1.
        return logPriors[type]! + lengthLogProbability(sourceLength, targetLength, 1)
      },
      1
    )
    if (isFullGrid(band) || !touchesEdge(band, decoded.corners, 2)) {
      return {units: decoded.units.map((unit) => toUnit(unit.from, unit.to, unit.posterior))}
    }
    width *= 2
    band = bandAround(decoded.corners, n, m, width)
  }
}

function toUnit(from: Corner, to: Corner, confidence: number): AlignUnit {
  return {source: range(from[0], to[0]), target: range(from[1], to[1]), confidence: Math.round(confidence * 1000) / 1000}
}

function range(start: number, end: number): number[] {
  return Array.from({length: end - start}, (_, index) => start + index)
}

function unitSize(unit: {from: Corner; to: Corner}): number {
  return unit.to[0] - unit.from[0] + unit.to[1] - unit.from[1]
}

function stemsOf(features: SentenceFeatures): string[] {
  return features.stems
}

function stemPair(source: string, target: string, sourceContext: SideContext, targetContext: SideContext): StemPair {
  return {
    source: stemsOf(sentenceFeatures(source, false, sourceContext)),
    target: stemsOf(sentenceFeatures(target, false, targetContext))
  }
}

function paragraphStarts(sentences: readonly AlignSentence[]): boolean[] {
  return sentences.map((sentence, index) => index === 0 || (sentence.paragraph !== undefined && sentence.paragraph !== sentences[index - 1]!.paragraph))
}

function count(flags: readonly boolean[]): number {
  return flags.filter(Boolean).length
}

function similarCounts(a: number, b: number): boolean {
  return a > 1 && b > 1 && Math.max(a, b) <= 1.5 * Math.min(a, b)
}

function hasParagraphs(sentences: readonly AlignSentence[]): boolean {
  return sentences.every((sentence) => sentence.paragraph !== undefined)
}

function lengthOf(text: string): number {
  let length = 0
  for (const char of text) if (!/\s/.test(char)) length++
  return length
}

function sum(values: readonly number[]): number {
  let total = 0
  for (const value of values) total += value
  return total
}

function asList(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? [value] : value
}
