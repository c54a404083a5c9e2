import {stemmer as englishStemmer} from '@orama/stemmers/english'
import {stemmer as russianStemmer} from '@orama/stemmers/russian'
import type {Language} from './language.js'

const stemmers: Partial<Record<Language, (word: string) => string>> = {en: englishStemmer, ru: russianStemmer}
const stems: Record<Language, Map<string, string>> = {fr: new Map(), en: new Map(), ru: new Map()}

/** The Snowball stem of a folded word (English: Porter2; Russian: Snowball Russian). */
export function stem(word: string, lng: Language): string {
  const stemmer = stemmers[lng]
  if (!stemmer) return word
  const cache = stems[lng]
  let stemmed = cache.get(word)
  if (stemmed === undefined) {
    stemmed = stemmer(word)
    if (cache.size < 100_000) cache.set(word, stemmed)
  }
  return stemmed
}

/**
 * Whether a folded word of a translation is a form of a folded glossary
 * word. French needs the word itself (names do not decline), or its plural
 * in `s` or `x`. English and Russian compare Snowball stems; since Snowball
 * Russian does not always give a name one stem in every case (`Казахстан` →
 * `казахста` but `Казахстане` → `казахстан`, `Киев` → `ки` but `Киева` →
 * `киев`), the forms also match when the stem of one is a prefix of the
 * other word and extends the other's stem: `Киева` matches `Киев`, while
 * `Кипр` and the adjective `киевский` do not.
 */
export function sameWord(word: string, form: string, lng: Language): boolean {
  if (word === form) return true
  // Forms of one word share at least their first letter: most words are ruled out without stemming.
  if (word[0] !== form[0]) return false
  if (lng === 'fr') return word === `${form}s` || word === `${form}x`
  const wordStem = stem(word, lng)
  const formStem = stem(form, lng)
  if (wordStem === formStem) return true
  if (lng !== 'ru') return false
  return (form.startsWith(wordStem) && wordStem.startsWith(formStem)) || (word.startsWith(formStem) && formStem.startsWith(wordStem))
}
