import {stemmer as dutch} from '@orama/stemmers/dutch'
import {stemmer as english} from '@orama/stemmers/english'
import {stemmer as french} from '@orama/stemmers/french'
import {stemmer as german} from '@orama/stemmers/german'
import {stemmer as italian} from '@orama/stemmers/italian'
import {stemmer as portuguese} from '@orama/stemmers/portuguese'
import {stemmer as russian} from '@orama/stemmers/russian'
import {stemmer as spanish} from '@orama/stemmers/spanish'
import {stemmer as ukrainian} from '@orama/stemmers/ukrainian'
import {latinFold} from './transliterate.js'

/** Snowball stemmers by language code; a language without one compares whole words. */
const stemmers: Record<string, (word: string) => string> = {
  de: german,
  en: english,
  es: spanish,
  fr: french,
  it: italian,
  nl: dutch,
  pt: portuguese,
  ru: russian,
  uk: ukrainian
}

const caches = new Map<string, Map<string, string>>()

/**
 * The comparison stem of a lowercase word: its Snowball stem, then folded
 * (no diacritics, `ё` as `е`) so that a source typed without accents still
 * matches. Cyrillic stays Cyrillic here: dictionaries compare within a script.
 */
export function stemWord(word: string, language: string): string {
  let cache = caches.get(language)
  if (!cache) {
    cache = new Map()
    caches.set(language, cache)
  }
  let stemmed = cache.get(word)
  if (stemmed === undefined) {
    const stemmer = stemmers[language]
    stemmed = foldKeepingScript(stemmer ? stemmer(word) : word)
    // Documents reuse a small vocabulary; the bound keeps a long run from growing without end.
    if (cache.size < 200_000) cache.set(word, stemmed)
  }
  return stemmed
}

/** Whether a Snowball stemmer is known for the language. */
export function hasStemmer(language: string): boolean {
  return Object.hasOwn(stemmers, language)
}

function foldKeepingScript(word: string): string {
  if (/[\u0400-\u04ff]/.test(word)) return word.replaceAll('ё', 'е')
  return latinFold(word)
}
