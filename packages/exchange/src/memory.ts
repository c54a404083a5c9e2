import {codeKey, inlineCodes} from './codes.js'
import {inlineFromPhrasing} from './inline.js'
import {tmxProps, type TmxDocument} from './tmx.js'
import type {ExchangeArticle} from './types.js'
import {exchangeSourceLanguage} from './xliff-export.js'

/** One pair of a translation memory. */
export interface MemoryEntry {
  /** The article it comes from, and its unit key there. */
  article: string
  key: string
  /** The French, plain text. */
  source: string
  /** The translation, inline Markdown. */
  target: string
  /** The French of the units before and after it, for in-context matches. */
  previous?: string
  next?: string
  /** Its inline codes' Markdown, in order (scored apart from the words). */
  codes?: string[]
  reviewer?: string
  /** When it was approved, `YYYY-MM-DD`. */
  changedOn?: string
}

/** New French to find in the memory. */
export interface MemoryQuery {
  source: string
  previous?: string
  next?: string
  codes?: string[]
}

export type MatchKind = 'in-context' | 'exact' | 'numbers-substituted' | 'fuzzy'

export interface MemoryMatch {
  entry: MemoryEntry
  /**
   * 101: same French and same French before and after (in context); 100:
   * same French, or the same French but for numbers, substituted in the
   * translation (`numbers-substituted`); 1 to 99: fuzzy, the word score.
   */
  score: number
  kind: MatchKind
  /** The translation to offer: the entry's, numbers substituted when `kind` says so. */
  target: string
  /**
   * Scores apart, as OmegaT and Weblate show them: `words` (Levenshtein
   * distance over words, numbers and punctuation left out), `numbers` (over
   * the numbers), `tags` (over the inline codes); 100 when both sides have none.
   */
  scores: {words: number; numbers: number; tags: number}
  /** For `numbers-substituted`: the numbers replaced in the translation. */
  substitutions?: Array<{from: string; to: string}>
}

export interface MatchOptions {
  /** The lowest fuzzy score returned (default 50). */
  minScore?: number
  /** How many matches at most (default 3), best first. */
  limit?: number
}

/**
 * What to look up in a memory for the unit at `index` of an article: its
 * French, the French of the units before and after it (for in-context
 * matches), and its inline codes, as `memoryFromArticles` indexes them.
 */
export function memoryQuery(article: ExchangeArticle, index: number): MemoryQuery {
  const unit = article.units[index]
  if (!unit) throw new RangeError(`Unexpected unit index ${index}, expected 0 to ${article.units.length - 1}`)
  const previous = article.units[index - 1]?.sourceText
  const next = article.units[index + 1]?.sourceText
  const codes = inlineCodes(inlineFromPhrasing(unit.source)).map(codeKey)
  return {source: unit.sourceText, ...(previous === undefined ? {} : {previous}), ...(next === undefined ? {} : {next}), ...(codes.length > 0 ? {codes} : {})}
}

/** The reviewed units of articles as memory entries, with their neighbours. */
export function memoryFromArticles(articles: readonly ExchangeArticle[]): MemoryEntry[] {
  return articles.flatMap((article) =>
    article.units.flatMap((unit, index): MemoryEntry[] => {
      if (unit.state !== 'reviewed' || unit.target === undefined || unit.target.trim() === '') return []
      const {previous, next, codes} = memoryQuery(article, index)
      return [
        {
          article: article.id,
          key: unit.key,
          source: unit.sourceText,
          target: unit.target,
          ...(previous === undefined ? {} : {previous}),
          ...(next === undefined ? {} : {next}),
          ...(codes === undefined ? {} : {codes}),
          ...(unit.reviewer ? {reviewer: unit.reviewer} : {}),
          ...(unit.approvedOn ? {changedOn: unit.approvedOn} : {})
        }
      ]
    })
  )
}

/** The pairs French → `lng` of a TMX document as memory entries (props written by `toTmx` used when present). */
export function memoryFromTmx(document: TmxDocument, lng: string): MemoryEntry[] {
  const sameLanguage = (value: string, expected: string) => value.toLowerCase() === expected || value.toLowerCase().startsWith(`${expected}-`)
  return document.units.flatMap((unit, index): MemoryEntry[] => {
    const source = unit.variants.find((variant) => sameLanguage(variant.lang, exchangeSourceLanguage))
    const target = unit.variants.find((variant) => sameLanguage(variant.lang, lng.toLowerCase()))
    if (!source || !target) return []
    const prop = (type: string) => unit.props.find((item) => item.type === type)?.value
    const previous = prop(tmxProps.previous)
    const next = prop(tmxProps.next)
    const codes = inlineCodes(source.inlines).map(codeKey)
    const changed = /^(\d{4})(\d{2})(\d{2})T/.exec(unit.changedate ?? unit.creationdate ?? '')
    const reviewer = prop(tmxProps.reviewer) ?? unit.changeid ?? unit.creationid
    return [
      {
        article: prop(tmxProps.article) ?? '',
        key: prop(tmxProps.key) ?? unit.tuid ?? String(index + 1),
        source: source.text,
        target: target.markdown,
        ...(previous === undefined ? {} : {previous}),
        ...(next === undefined ? {} : {next}),
        ...(codes.length > 0 ? {codes} : {}),
        ...(reviewer ? {reviewer} : {}),
        ...(changed ? {changedOn: `${changed[1]}-${changed[2]}-${changed[3]}`} : {})
      }
    ]
  })
}

const wordSegmenter = new Intl.Segmenter('fr', {granularity: 'word'})
const digit = /\p{Nd}/u

interface Tokens {
  words: string[]
  numbers: string[]
}

/** Words and numbers of a text (ICU word boundaries keep `10.000` and `98 000` whole); punctuation left out. */
function tokenize(text: string): Tokens {
  const words: string[] = []
  const numbers: string[] = []
  for (const {segment, isWordLike} of wordSegmenter.segment(text.normalize('NFC'))) {
    if (!isWordLike) continue
    ;(digit.test(segment) ? numbers : words).push(segment)
  }
  return {words, numbers}
}

/** Levenshtein distance over tokens, two rows. */
function distance(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0) return b.length
  if (b.length === 0) return a.length
  let previous = Array.from({length: b.length + 1}, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = current
  }
  return previous[b.length]!
}

/** Similarity 0 to 100 (floored) of two token lists, as OmegaT computes it: 100 × (1 − distance / longer length). */
function similarity(a: readonly string[], b: readonly string[]): number {
  const longer = Math.max(a.length, b.length)
  return longer === 0 ? 100 : Math.floor((100 * (longer - distance(a, b))) / longer)
}

// French numbers: digits grouped by thousands with a dot or a (narrow, no-break) space, an optional decimal comma.
const frenchNumber = /\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?!\d)(?:,\d+)?|\d+(?:,\d+)?/g
// Numbers of a translation: grouped by thousands with a comma, a dot or a space; an optional decimal part.
const targetNumber = /\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?!\d)(?:[.,]\d+)?|\d+(?:[.,]\d+)?/g

/**
 * The translation with the numbers that changed in the French replaced,
 * when that is unambiguous: the French is the same but for integers; each
 * changed number stands as many times in the translation as in the French
 * (by its digits, whatever the grouping: `10.000` is `10,000`), maps to
 * one new number, and does not also stay the same elsewhere in the French. The new number takes the translation's grouping.
 */
function substituteNumbers(entrySource: string, querySource: string, target: string): {target: string; substitutions: Array<{from: string; to: string}>} | undefined {
  const skeleton = (text: string) => text.replace(frenchNumber, '\u0000')
  if (skeleton(entrySource) !== skeleton(querySource)) return undefined
  const before = entrySource.match(frenchNumber) ?? []
  const after = querySource.match(frenchNumber) ?? []
  const digitsOf = (value: string) => value.replace(/\D/g, '')
  const changes = new Map<string, string>()
  const counts = new Map<string, number>()
  const kept = new Set<string>()
  for (const [index, old] of before.entries()) {
    const replacement = after[index]!
    if (old === replacement) {
      kept.add(digitsOf(old))
      continue
    }
    if (old.includes(',') || replacement.includes(',')) return undefined
    const key = digitsOf(old)
    if (changes.has(key) && changes.get(key) !== replacement) return undefined
    changes.set(key, replacement)
  }
  // A number that changes in one place and stays in another: which one the translation's is, nobody knows.
  if (changes.size === 0 || [...changes.keys()].some((key) => kept.has(key))) return undefined
  for (const old of before) counts.set(digitsOf(old), (counts.get(digitsOf(old)) ?? 0) + 1)
  const found = new Map<string, number>()
  for (const token of target.match(targetNumber) ?? []) found.set(digitsOf(token), (found.get(digitsOf(token)) ?? 0) + 1)
  for (const key of changes.keys()) if (found.get(key) !== counts.get(key)) return undefined
  const substitutions: Array<{from: string; to: string}> = []
  const substituted = target.replace(targetNumber, (token) => {
    const replacement = changes.get(digitsOf(token))
    if (replacement === undefined) return token
    const separator = /^\d{1,3}([,.\u00a0\u202f ])\d{3}/.exec(token)?.[1]
    const digits = digitsOf(replacement)
    const to = separator ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator) : digits
    substitutions.push({from: token, to})
    return to
  })
  return {target: substituted, substitutions}
}

/**
 * A translation memory with its index: exact matches by the French, fuzzy
 * candidates through an inverted index of words (an entry is scored only
 * when it shares enough words with the query to reach the minimum score),
 * so a query costs the postings of its words, not a pass over every pair.
 */
export class TranslationMemory {
  readonly entries: readonly MemoryEntry[]
  private readonly exact = new Map<string, number[]>()
  private readonly postings = new Map<string, Array<[entry: number, count: number]>>()
  private readonly tokens: Tokens[]

  constructor(entries: readonly MemoryEntry[]) {
    this.entries = entries
    this.tokens = entries.map((entry) => tokenize(entry.source))
    entries.forEach((entry, index) => {
      this.exact.set(entry.source, [...(this.exact.get(entry.source) ?? []), index])
      const counts = new Map<string, number>()
      for (const word of this.tokens[index]!.words) counts.set(word.toLowerCase(), (counts.get(word.toLowerCase()) ?? 0) + 1)
      for (const [word, count] of counts) {
        let list = this.postings.get(word)
        if (!list) this.postings.set(word, (list = []))
        list.push([index, count])
      }
    })
  }

  /** The best matches of `query`, best first (score, then the newest approval, then memory order). */
  match(query: MemoryQuery, options: MatchOptions = {}): MemoryMatch[] {
    const minScore = options.minScore ?? 50
    const limit = options.limit ?? 3
    const queryTokens = tokenize(query.source)
    const scored = new Map<number, MemoryMatch>()
    const scoresOf = (index: number) => {
      const tokens = this.tokens[index]!
      return {
        words: similarity(tokens.words, queryTokens.words),
        numbers: similarity(tokens.numbers, queryTokens.numbers),
        tags: similarity(this.entries[index]!.codes ?? [], query.codes ?? [])
      }
    }
    for (const index of this.exact.get(query.source) ?? []) {
      const entry = this.entries[index]!
      const inContext = entry.previous === query.previous && entry.next === query.next
      scored.set(index, {entry, score: inContext ? 101 : 100, kind: inContext ? 'in-context' : 'exact', target: entry.target, scores: scoresOf(index)})
    }
    // Candidates: entries sharing words with the query, counted as multisets.
    const queryCounts = new Map<string, number>()
    for (const word of queryTokens.words) queryCounts.set(word.toLowerCase(), (queryCounts.get(word.toLowerCase()) ?? 0) + 1)
    const shared = new Map<number, number>()
    for (const [word, count] of queryCounts) {
      for (const [index, entryCount] of this.postings.get(word) ?? []) shared.set(index, (shared.get(index) ?? 0) + Math.min(count, entryCount))
    }
    for (const [index, common] of shared) {
      if (scored.has(index)) continue
      // The distance is at least the longer length less the words in common: skip what cannot reach the minimum.
      const longer = Math.max(this.tokens[index]!.words.length, queryTokens.words.length)
      if (longer > 0 && (100 * common) / longer < minScore) continue
      const entry = this.entries[index]!
      const scores = scoresOf(index)
      if (scores.words < minScore) continue
      const substitution = scores.words === 100 ? substituteNumbers(entry.source, query.source, entry.target) : undefined
      if (substitution) {
        scored.set(index, {entry, score: 100, kind: 'numbers-substituted', target: substitution.target, scores, substitutions: substitution.substitutions})
      } else if (Math.min(99, scores.words) >= minScore) {
        // A fuzzy match is at most 99: the same words with other numbers are not an exact match (`--min 100` wants one).
        scored.set(index, {entry, score: Math.min(99, scores.words), kind: 'fuzzy', target: entry.target, scores})
      }
    }
    return [...scored.entries()]
      .sort(([indexA, a], [indexB, b]) => b.score - a.score || (b.entry.changedOn ?? '').localeCompare(a.entry.changedOn ?? '') || indexA - indexB)
      .slice(0, limit)
      .map(([, match]) => match)
  }
}
