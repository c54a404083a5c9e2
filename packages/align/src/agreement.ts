import type {AlignOptions} from './align.js'
import {glossaryIndex} from './features.js'
import {numberKeys, readsNumberWords} from './numbers.js'
import {stemWord} from './stem.js'

/** How much of two texts' anchors they share. */
export interface Agreement {
  /** Anchors of the target found in the source (the translation's numbers and names come from the French). */
  precision: number
  /** Anchors of the source found in the target. */
  recall: number
  /** Anchors counted on each side. */
  source: number
  target: number
}

const words = /[\p{L}\p{M}]+/gu

/**
 * Whether a translation is one of this French at all, measured apart from
 * the alignment (whose confidences are relative: they say which reading of
 * a pair is best, not whether the pair belongs together): the numbers and
 * glossary names of each whole text, and how many the other has too. A
 * translation shares nearly all of them; another article on the same story
 * shares its names but few of its figures.
 */
export function anchorAgreement(source: readonly string[], target: readonly string[], options: AlignOptions = {}): Agreement {
  const sourceLanguage = options.sourceLanguage ?? 'fr'
  const targetLanguage = options.targetLanguage ?? 'und'
  const wordsToo = readsNumberWords(sourceLanguage) && readsNumberWords(targetLanguage)
  const terms = options.glossary ?? []
  const forms = (side: 'source' | 'target') => terms.map((pair) => (typeof pair[side] === 'string' ? [pair[side] as string] : [...(pair[side] as readonly string[])]))
  const anchors = (texts: readonly string[], language: string, index: ReturnType<typeof glossaryIndex>) => {
    const found = new Map<string, number>()
    const add = (key: string) => found.set(key, (found.get(key) ?? 0) + 1)
    for (const text of texts) {
      for (const keys of numberKeys(text, language, wordsToo)) add(keys[0]!)
      const seen = new Set<number>()
      for (const match of text.matchAll(words)) {
        const lower = match[0].toLowerCase()
        for (const term of index.get(lower) ?? index.get(stemWord(lower, language)) ?? []) seen.add(term)
      }
      for (const term of seen) add(`g:${term}`)
    }
    return found
  }
  const from = anchors(source, sourceLanguage, glossaryIndex(forms('source'), sourceLanguage))
  const to = anchors(target, targetLanguage, glossaryIndex(forms('target'), targetLanguage))
  let shared = 0
  for (const [key, count] of from) shared += Math.min(count, to.get(key) ?? 0)
  const total = (map: Map<string, number>) => [...map.values()].reduce((sum, count) => sum + count, 0)
  const sourceCount = total(from)
  const targetCount = total(to)
  return {precision: targetCount === 0 ? 1 : shared / targetCount, recall: sourceCount === 0 ? 1 : shared / sourceCount, source: sourceCount, target: targetCount}
}
