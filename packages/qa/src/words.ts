import type {Language} from './language.js'

/** A word of a text: its letters as written, folded for comparison, and where it stands. */
export interface Word {
  text: string
  /** Lowercase; Latin letters without diacritics (`Choïgou` → `choigou`), Russian `ё` read as `е`. */
  norm: string
  start: number
  end: number
}

// Letters only: apostrophes and hyphens split words, so `l'Ukraine` gives `l` and `Ukraine`, `Russia’s` gives
// `Russia` and `s`, `Касым-Жомарт` gives two words, in the French and in its translations alike.
const letters = /[\p{L}\p{M}]+/gu

export function words(text: string, lng: Language): Word[] {
  const found: Word[] = []
  for (const match of text.matchAll(letters)) {
    found.push({text: match[0], norm: fold(match[0], lng), start: match.index, end: match.index + match[0].length})
  }
  return found
}

/**
 * A word as compared: lowercase; in French and English without diacritics
 * (a source typed without accents, `Etat` for `État`, still matches); in
 * Russian only `ё` → `е`, since stripping marks would turn `й` into `и`.
 */
export function fold(word: string, lng: Language): string {
  const cache = folded[lng]
  let result = cache.get(word)
  if (result === undefined) {
    const lower = word.normalize('NFC').toLowerCase()
    result = lng === 'ru' ? lower.replaceAll('ё', 'е') : lower.normalize('NFD').replace(/\p{M}/gu, '').replaceAll('œ', 'oe').replaceAll('æ', 'ae')
    // News reuse a small vocabulary: folding each word once keeps a corpus check cheap.
    if (cache.size < 100_000) cache.set(word, result)
  }
  return result
}

const folded: Record<Language, Map<string, string>> = {fr: new Map(), en: new Map(), ru: new Map()}
