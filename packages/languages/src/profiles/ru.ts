import {stemmer} from '@orama/stemmers/russian'
import {toCardinal as russianCardinal} from 'n2words/ru-RU'
import {russianRules} from '@briefs/sentences'
import type {LanguageProfile, Multiplier} from '../profile.js'

/**
 * Russian number words in every case, to their nominative (the form n2words
 * writes). No library inflects numerals; this table follows the grammar:
 * 5–20 and 30 decline as `-ь` nouns (`пять`, `пяти`, `пятью`), the tens and
 * hundreds from 50 decline both parts, collective numerals (`двое`,
 * `двоих`) count as their cardinal.
 */
function numeralCases(): Map<string, string> {
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

const cases = numeralCases()

/** `миллион`: the nominative is one million, the genitive singular may be, the plural is vague. */
const largeMultipliers: Multiplier[] = [
  ['миллион', 1e6],
  ['миллиард', 1e9],
  ['триллион', 1e12]
].flatMap(([word, value]) => [
  {value: value as number, standalone: 'exact', forms: [word as string, `${word}ом`]},
  {value: value as number, standalone: 'optional', forms: [`${word}а`, `${word}у`, `${word}е`]},
  {value: value as number, standalone: 'vague', forms: [`${word}ы`, `${word}ов`, `${word}ам`, `${word}ами`, `${word}ах`]}
])

export const ru = {
  code: 'ru',
  name: 'Russian',
  francCode: 'rus',
  script: 'Cyrillic',
  // Only `ё` → `е`: stripping marks would turn `й` into `и`.
  fold: (lowercase) => lowercase.replaceAll('ё', 'е'),
  stemmer,
  inflection: 'declension',
  quotes: {primary: ['«', '»'], nested: ['„', '“']},
  finalMarks: {statement: ['.'], question: ['?'], exclamation: ['!'], ellipsis: ['…', '...'], colon: [':'], semicolon: [';']},
  sentences: russianRules,
  spaceBeforeHighPunctuation: false,
  lengthFromFrench: 0.94,
  commonWords: ['и', 'в', 'не', 'на', 'что', 'с', 'по', 'это', 'как', 'из', 'за', 'от', 'его', 'их', 'он', 'она', 'они', 'был', 'была', 'были', 'также', 'который', 'которые'],
  numbers: {
    cardinals: [(value) => russianCardinal(value), (value) => russianCardinal(value, {gender: 'feminine'})],
    variants: () => [],
    extraWords: {одно: 1, полтора: 1.5},
    normalize: (word) => cases.get(word) ?? word,
    multipliers: [
      {value: 1e3, standalone: 'exact', forms: ['тысяча', 'тысячу', 'тысячей', 'тысячью']},
      {value: 1e3, standalone: 'optional', forms: ['тысячи', 'тысяче']},
      {value: 1e3, standalone: 'vague', forms: ['тысяч', 'тысячам', 'тысячами', 'тысячах', 'тыс']},
      ...largeMultipliers,
      {value: 1e6, standalone: 'vague', forms: ['млн']},
      {value: 1e9, standalone: 'vague', forms: ['млрд']},
      {value: 1e12, standalone: 'vague', forms: ['трлн']}
    ],
    ones: ['один', 'одна', 'одно'],
    optional: Object.fromEntries(['оба', 'обе', 'обоих', 'обеих', 'обоим', 'обеим', 'обоими', 'обеими', 'дважды', 'вдвое'].map((word) => [word, 2])),
    approximations: {},
    approximationLinks: [],
    connectors: ['до', 'или', 'и', 'по'],
    ordinalSuffix: /^(?:й|я|е|го|му|м|х|ми|ю|ой|ого|ому|ом|ые|ых)$/,
    // `10 000`, decimal comma; a decimal point is read too.
    digits: [
      {pattern: /\d{1,3}(?:[\u0020\u00a0\u202f]\d{3}(?!\d))+(?:,\d+)?/y, group: /[\u0020\u00a0\u202f]/g, decimal: ','},
      {pattern: /\d+(?:,\d+)?/y, group: /^$/g, decimal: ','},
      {pattern: /\d+(?:\.\d+)?/y, group: /^$/g, decimal: '.'}
    ],
    times: [/(?<hours>\d{1,2}):(?<minutes>\d{2})(?!\d)/y],
    extraMonths: {},
    monthFirstDates: false,
    dayMarks: [],
    percentAfter: [],
    joiners: []
  }
} as const satisfies LanguageProfile
