import {toCardinal as belgianFrenchCardinal} from 'n2words/fr-BE'
import {toCardinal as frenchCardinal} from 'n2words/fr-FR'
import {toCardinal as britishCardinal} from 'n2words/en-GB'
import {toCardinal as englishCardinal} from 'n2words/en-US'
import {toCardinal as russianCardinal} from 'n2words/ru-RU'
import type {Language} from '../language.js'
import {fold, words} from '../words.js'

/** What a multiplier word means when no number stands before it. */
export type Standalone = 'exact' | 'optional' | 'approximate' | 'vague'

export interface Multiplier {
  value: number
  standalone: Standalone
}

/** The number words of one language. */
export interface NumberVocabulary {
  /** Cardinal phrases 0–999 as normalized words joined by spaces (`quatre vingt dix`) → value. */
  phrases: Map<string, number>
  /** The most words a phrase has. */
  longestPhrase: number
  /** The words a phrase can start with: any other word starts no number. */
  phraseStarts: Set<string>
  /** `mille`, `million`, `тысяч`, `млн`… → multiplier. */
  multipliers: Map<string, Multiplier>
  /** Words for 1 that are mostly articles or pronouns (`un`, `a`, `одна`): a number only before a multiplier. */
  ones: Set<string>
  /** Words that may render a number but need not (`both`, `оба`, `twice`; French `neuf`, also "new"). */
  optional: Map<string, number>
  /** French approximate quantities: `vingtaine` ≈ 20, `milliers` ≈ thousands. */
  approximations: Map<string, number>
  /** Words and marks that join the two ends of a range (`cinq à six mille`, `четыре-пять`). */
  connectors: Set<string>
  /** Month names and abbreviations → month (1–12). */
  months: Map<string, number>
  /** Ordinal suffixes written right after digits (`1er`, `21st`, `1-го`). */
  ordinalSuffix: RegExp
  /** Maps a folded word to the key used in `phrases` (plural or inflected forms to one form). */
  normalize(word: string): string
}

const cardinals: Record<Language, Array<(value: number) => string>> = {
  fr: [(value) => frenchCardinal(value), (value) => belgianFrenchCardinal(value)],
  en: [(value) => englishCardinal(value), (value) => britishCardinal(value)],
  ru: [(value) => russianCardinal(value), (value) => russianCardinal(value, {gender: 'feminine'})]
}

/**
 * Russian number words in every case, to their nominative (the form n2words
 * writes). No library inflects numerals; this table follows the grammar:
 * 5–20 and 30 decline as `-ь` nouns (`пять`, `пяти`, `пятью`), the tens and
 * hundreds from 50 decline both parts, collective numerals (`двое`,
 * `двоих`) count as their cardinal.
 */
function russianInflections(): Map<string, string> {
  const forms = new Map<string, string>()
  const add = (nominative: string, ...oblique: string[]) => {
    for (const form of oblique) forms.set(form.replaceAll('ё', 'е'), nominative)
  }
  add('один', 'одного', 'одному', 'одним', 'одном')
  add('одна', 'одной', 'одну', 'одною')
  add('два', 'двух', 'двум', 'двумя', 'двое', 'двоих', 'двоим', 'двоими')
  add('две', 'двух', 'двум', 'двумя')
  add('три', 'трёх', 'трём', 'тремя', 'трое', 'троих', 'троим', 'троими')
  add('четыре', 'четырёх', 'четырём', 'четырьмя', 'четверо', 'четверых', 'четверым', 'четверыми')
  const collective: Record<string, string> = {пять: 'пятер', шесть: 'шестер', семь: 'семер', восемь: 'восьмер', девять: 'девятер', десять: 'десятер'}
  const genitive: Record<string, string> = {}
  for (const nominative of ['пять', 'шесть', 'семь', 'восемь', 'девять', 'десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать', 'двадцать', 'тридцать']) {
    const root = nominative === 'восемь' ? 'восьм' : nominative.slice(0, -1)
    genitive[nominative] = `${root}и`
    add(nominative, `${root}и`, `${nominative.slice(0, -1)}ью`, `${root}ью`)
    const group = collective[nominative]
    if (group) add(nominative, `${group}о`, `${group}ых`, `${group}ым`, `${group}ыми`)
  }
  add('сорок', 'сорока')
  add('девяносто', 'девяноста')
  add('сто', 'ста')
  for (const unit of ['пять', 'шесть', 'семь', 'восемь']) {
    const instrumental = unit === 'восемь' ? 'восемью' : `${unit.slice(0, -1)}ью`
    add(`${unit}десят`, `${genitive[unit]}десяти`, `${instrumental}десятью`)
  }
  add('двести', 'двухсот', 'двумстам', 'двумястами', 'двухстах')
  add('триста', 'трёхсот', 'трёмстам', 'тремястами', 'трёхстах')
  add('четыреста', 'четырёхсот', 'четырёмстам', 'четырьмястами', 'четырёхстах')
  for (const unit of ['пять', 'шесть', 'семь', 'восемь', 'девять']) {
    const instrumental = unit === 'восемь' ? 'восемью' : `${unit.slice(0, -1)}ью`
    add(`${unit}сот`, `${genitive[unit]}сот`, `${genitive[unit]}стам`, `${instrumental}стами`, `${genitive[unit]}стах`)
  }
  add('полтора', 'полторы', 'полутора')
  return forms
}

function monthNames(locale: string): Map<string, number> {
  const months = new Map<string, number>()
  const styles: Intl.DateTimeFormatOptions[] = [
    {month: 'long', day: 'numeric'},
    {month: 'short', day: 'numeric'},
    {month: 'long'},
    {month: 'short'}
  ]
  for (let month = 0; month < 12; month++) {
    for (const style of styles) {
      const parts = new Intl.DateTimeFormat(locale, {...style, timeZone: 'UTC'}).formatToParts(new Date(Date.UTC(2022, month, 21)))
      const name = parts.find((part) => part.type === 'month')?.value
      if (name) months.set(fold(name.replace(/\.$/, ''), locale as Language), month + 1)
    }
  }
  return months
}

function frenchNormalize(word: string): string {
  // `deux cents`, `quatre-vingts`: the plural `s` marks no other number.
  if (word === 'cents' || word === 'vingts' || word === 'milles') return word.slice(0, -1)
  return word
}

const russianForms = russianInflections()

function build(lng: Language): NumberVocabulary {
  const normalize = lng === 'fr' ? frenchNormalize : lng === 'ru' ? (word: string) => russianForms.get(word) ?? word : (word: string) => word
  const key = (text: string) =>
    words(text, lng)
      .map((word) => normalize(word.norm))
      .join(' ')
  const phrases = new Map<string, number>()
  for (let value = 0; value < 1000; value++) {
    for (const cardinal of cardinals[lng]) phrases.set(key(cardinal(value)), value)
    if (lng === 'en' && value >= 100 && value < 200) {
      // "a hundred and five" as well as "one hundred five".
      for (const cardinal of cardinals.en) phrases.set(key(cardinal(value).replace(/^one hundred/, 'a hundred')), value)
    }
  }
  // Articles and pronouns that say 1 before a multiplier: `a thousand`, `une centaine`.
  const extraOnes: Record<Language, string[]> = {fr: ['une'], en: ['a', 'an'], ru: ['одно']}
  for (const word of extraOnes[lng]) phrases.set(word, 1)
  if (lng === 'ru') phrases.set('полтора', 1.5)
  const vocabulary: NumberVocabulary = {
    phrases,
    longestPhrase: Math.max(...[...phrases.keys()].map((phrase) => phrase.split(' ').length)),
    phraseStarts: new Set([...phrases.keys()].map((phrase) => phrase.split(' ')[0]!)),
    multipliers: new Map(),
    ones: new Set(),
    optional: new Map(),
    approximations: new Map(),
    connectors: new Set(['-', '–']),
    months: monthNames(lng),
    ordinalSuffix: /^$/,
    normalize
  }
  const multiplier = (value: number, standalone: Standalone, ...forms: string[]) => {
    for (const form of forms) vocabulary.multipliers.set(form, {value, standalone})
  }
  if (lng === 'fr') {
    multiplier(1e3, 'exact', 'mille')
    multiplier(1e6, 'exact', 'million')
    multiplier(1e6, 'approximate', 'millions')
    multiplier(1e9, 'exact', 'milliard')
    multiplier(1e9, 'approximate', 'milliards')
    multiplier(1e9, 'vague', 'md', 'mds', 'mrd', 'mrds')
    // The French billion is a million million.
    multiplier(1e12, 'exact', 'billion')
    multiplier(1e12, 'approximate', 'billions')
    for (const word of ['un', 'une']) vocabulary.ones.add(word)
    vocabulary.optional.set('neuf', 9)
    const approximations: Record<string, number> = {dizaine: 10, douzaine: 12, quinzaine: 15, vingtaine: 20, trentaine: 30, quarantaine: 40, cinquantaine: 50, soixantaine: 60, centaine: 100, millier: 1000}
    for (const [word, base] of Object.entries(approximations)) {
      vocabulary.approximations.set(word, base)
      vocabulary.approximations.set(`${word}s`, base)
    }
    for (const word of ['a', 'au', 'ou', 'et']) vocabulary.connectors.add(word)
    vocabulary.ordinalSuffix = /^(?:er|re|ere|e|eme|nd|nde)$/
  } else if (lng === 'en') {
    multiplier(1e3, 'vague', 'thousand')
    multiplier(1e6, 'vague', 'million', 'mln', 'mn')
    multiplier(1e9, 'vague', 'billion', 'bn')
    multiplier(1e12, 'vague', 'trillion', 'tn')
    for (const word of ['one', 'a', 'an']) vocabulary.ones.add(word)
    vocabulary.optional.set('both', 2)
    vocabulary.optional.set('twice', 2)
    vocabulary.optional.set('dozen', 12)
    for (const word of ['to', 'or', 'and', 'through']) vocabulary.connectors.add(word)
    vocabulary.months.set('sept', 9)
    vocabulary.ordinalSuffix = /^(?:st|nd|rd|th)$/
  } else {
    multiplier(1e3, 'exact', 'тысяча', 'тысячу', 'тысячей', 'тысячью')
    multiplier(1e3, 'optional', 'тысячи', 'тысяче')
    multiplier(1e3, 'vague', 'тысяч', 'тысячам', 'тысячами', 'тысячах', 'тыс')
    for (const [word, value] of [['миллион', 1e6], ['миллиард', 1e9], ['триллион', 1e12]] as const) {
      multiplier(value, 'exact', word, `${word}ом`)
      multiplier(value, 'optional', `${word}а`, `${word}у`, `${word}е`)
      multiplier(value, 'vague', `${word}ы`, `${word}ов`, `${word}ам`, `${word}ами`, `${word}ах`)
    }
    multiplier(1e6, 'vague', 'млн')
    multiplier(1e9, 'vague', 'млрд')
    multiplier(1e12, 'vague', 'трлн')
    for (const word of ['один', 'одна', 'одно']) vocabulary.ones.add(word)
    for (const word of ['оба', 'обе', 'обоих', 'обеих', 'обоим', 'обеим', 'обоими', 'обеими', 'дважды', 'вдвое']) vocabulary.optional.set(word, 2)
    for (const word of ['до', 'или', 'и', 'по']) vocabulary.connectors.add(word)
    vocabulary.ordinalSuffix = /^(?:й|я|е|го|му|м|х|ми|ю|ой|ого|ому|ом|ые|ых)$/
  }
  return vocabulary
}

const vocabularies = new Map<Language, NumberVocabulary>()

/** The number words of `lng`, built once: cardinals 0–999 from n2words, the rest listed here. */
export function numberVocabulary(lng: Language): NumberVocabulary {
  let vocabulary = vocabularies.get(lng)
  if (!vocabulary) {
    vocabulary = build(lng)
    vocabularies.set(lng, vocabulary)
  }
  return vocabulary
}
