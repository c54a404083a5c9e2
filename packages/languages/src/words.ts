import type {LanguageProfile} from './profile.js'
import {languageProfile, type LanguageCode} from './registry.js'

/** A language by its profile or its code. */
export type Language = LanguageProfile | LanguageCode

const profileOf = (language: Language): LanguageProfile => (typeof language === 'string' ? languageProfile(language) : language)

/** A word of a text: its letters as written, folded for comparison, and where it stands. */
export interface Word {
  text: string
  /** Lowercase and folded as its language compares words (`Choïgou` → `choigou`, `ё` → `е`). */
  norm: string
  start: number
  end: number
}

// Letters only: apostrophes and hyphens split words, so `l'Ukraine` gives `l` and `Ukraine`, `Russia’s` gives
// `Russia` and `s`, `Касым-Жомарт` gives two words, in the French and in its translations alike.
const letters = /[\p{L}\p{M}]+/gu

export function words(text: string, language: Language): Word[] {
  const profile = profileOf(language)
  const found: Word[] = []
  for (const match of text.matchAll(letters)) {
    found.push({text: match[0], norm: fold(match[0], profile), start: match.index, end: match.index + match[0].length})
  }
  return found
}

/** Per language, words already folded or stemmed: news reuse a small vocabulary, so a corpus check stays cheap. */
const memoLimit = 100_000
const folded = new WeakMap<LanguageProfile, Map<string, string>>()
const stems = new WeakMap<LanguageProfile, Map<string, string>>()

function memo(cache: WeakMap<LanguageProfile, Map<string, string>>, language: LanguageProfile): Map<string, string> {
  let map = cache.get(language)
  if (!map) {
    map = new Map()
    cache.set(language, map)
  }
  return map
}

/** A word as compared: lowercase, then folded by its language's profile. */
export function fold(word: string, language: Language): string {
  const profile = profileOf(language)
  const cache = memo(folded, profile)
  let result = cache.get(word)
  if (result === undefined) {
    result = profile.fold(word.normalize('NFC').toLowerCase())
    if (cache.size < memoLimit) cache.set(word, result)
  }
  return result
}

/** The Snowball stem of a folded word, or the word when its language has no stemmer. */
export function stem(word: string, language: Language): string {
  const profile = profileOf(language)
  const stemmer = profile.stemmer
  if (!stemmer) return word
  const cache = memo(stems, profile)
  let stemmed = cache.get(word)
  if (stemmed === undefined) {
    stemmed = stemmer(word)
    if (cache.size < memoLimit) cache.set(word, stemmed)
  }
  return stemmed
}

/**
 * Whether a folded word of a text is a form of a folded glossary word, as
 * the language inflects: `plural` needs the word itself or its plural in
 * `s` or `x` (French names do not decline); `stem` compares Snowball stems;
 * `declension` also matches when the stem of one is a prefix of the other
 * word and extends the other's stem, since Snowball Russian does not always
 * give a name one stem in every case (`Казахстан` → `казахста` but
 * `Казахстане` → `казахстан`): `Киева` matches `Киев`, while `Кипр` and the
 * adjective `киевский` do not.
 */
export function sameWord(word: string, form: string, language: Language): boolean {
  const profile = profileOf(language)
  if (word === form) return true
  // Forms of one word share at least their first letter: most words are ruled out without stemming.
  if (word[0] !== form[0]) return false
  if (profile.inflection === 'plural') return word === `${form}s` || word === `${form}x`
  const wordStem = stem(word, profile)
  const formStem = stem(form, profile)
  if (wordStem === formStem) return true
  if (profile.inflection !== 'declension') return false
  return (form.startsWith(wordStem) && wordStem.startsWith(formStem)) || (word.startsWith(formStem) && formStem.startsWith(wordStem))
}
