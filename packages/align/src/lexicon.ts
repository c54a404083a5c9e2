// Translations learned from sentence pairs: the reviewed translations of the
// corpus (given by the caller) and the confident units of a first pass over
// the document itself (as hunalign's realign does). Two words are taken as
// translations when they occur in the same pairs much more than apart
// (Dice coefficient), often enough not to be chance.
import type {BilingualDictionary} from './dictionary.js'
import type {Lexicon} from './features.js'
import {stemWord} from './stem.js'

/** The stems of the words of one sentence pair. */
export interface StemPair {
  source: readonly string[]
  target: readonly string[]
}

export interface LearnOptions {
  /** Fewest pairs in which both words must occur. */
  minimumCount: number
  /** Smallest Dice coefficient 2·c(s,t) / (c(s) + c(t)). */
  minimumDice: number
}

export const defaultLearnOptions: LearnOptions = {minimumCount: 2, minimumDice: 0.5}

/**
 * Word pairs that co-occur in `pairs`: for each source stem, the target stems
 * with Dice at least `minimumDice` over at least `minimumCount` pairs, and
 * that are the source stem's best partner or have it as theirs (a function
 * word that occurs everywhere pairs with little).
 */
export function learnLexicon(pairs: readonly StemPair[], options: LearnOptions = defaultLearnOptions): Lexicon {
  const sourceCounts = new Map<string, number>()
  const targetCounts = new Map<string, number>()
  const joint = new Map<string, Map<string, number>>()
  for (const pair of pairs) {
    const sources = new Set(pair.source)
    const targets = new Set(pair.target)
    for (const source of sources) sourceCounts.set(source, (sourceCounts.get(source) ?? 0) + 1)
    for (const target of targets) targetCounts.set(target, (targetCounts.get(target) ?? 0) + 1)
    for (const source of sources) {
      let row = joint.get(source)
      if (!row) joint.set(source, (row = new Map()))
      for (const target of targets) row.set(target, (row.get(target) ?? 0) + 1)
    }
  }
  const candidates: Array<{source: string; target: string; dice: number}> = []
  const bestOfSource = new Map<string, number>()
  const bestOfTarget = new Map<string, number>()
  for (const [source, row] of joint) {
    for (const [target, count] of row) {
      if (count < options.minimumCount) continue
      const dice = (2 * count) / (sourceCounts.get(source)! + targetCounts.get(target)!)
      if (dice < options.minimumDice) continue
      candidates.push({source, target, dice})
      bestOfSource.set(source, Math.max(bestOfSource.get(source) ?? 0, dice))
      bestOfTarget.set(target, Math.max(bestOfTarget.get(target) ?? 0, dice))
    }
  }
  const lexicon: Lexicon = new Map()
  for (const {source, target, dice} of candidates) {
    if (dice < bestOfSource.get(source)! && dice < bestOfTarget.get(target)!) continue
    let targets = lexicon.get(source)
    if (!targets) lexicon.set(source, (targets = new Set()))
    targets.add(target)
  }
  return lexicon
}

/** Both lexicons' translations. */
export function mergeLexicons(...lexicons: ReadonlyArray<Lexicon | undefined>): Lexicon {
  const merged: Lexicon = new Map()
  for (const lexicon of lexicons) {
    if (!lexicon) continue
    for (const [source, targets] of lexicon) {
      let set = merged.get(source)
      if (!set) merged.set(source, (set = new Set()))
      for (const target of targets) set.add(target)
    }
  }
  return merged
}

const dictionaryLexicons = new WeakMap<BilingualDictionary, Map<string, Lexicon>>()

/**
 * A dictionary's word pairs as a lexicon between stems, in the direction
 * asked for (a `de`→`fr` dictionary serves `fr`→`de` turned around). Built
 * once per dictionary and direction.
 */
export function dictionaryLexicon(dictionary: BilingualDictionary, sourceLanguage: string, targetLanguage: string): Lexicon | undefined {
  const forward = dictionary.source === sourceLanguage && dictionary.target === targetLanguage
  const backward = dictionary.source === targetLanguage && dictionary.target === sourceLanguage
  if (!forward && !backward) return undefined
  const direction = `${sourceLanguage}>${targetLanguage}`
  let cache = dictionaryLexicons.get(dictionary)
  if (!cache) dictionaryLexicons.set(dictionary, (cache = new Map()))
  let lexicon = cache.get(direction)
  if (!lexicon) {
    lexicon = new Map()
    for (const pair of dictionary.pairs) {
      const [sourceWord, targetWord] = forward ? pair : [pair[1], pair[0]]
      const source = stemWord(sourceWord.toLowerCase(), sourceLanguage)
      const target = stemWord(targetWord.toLowerCase(), targetLanguage)
      if (source.length < 2 || target.length < 2) continue
      let targets = lexicon.get(source)
      if (!targets) lexicon.set(source, (targets = new Set()))
      targets.add(target)
    }
    cache.set(direction, lexicon)
  }
  return lexicon
}
