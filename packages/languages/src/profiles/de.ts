import {stemmer} from '@orama/stemmers/german'
import {toCardinal as germanCardinal} from 'n2words/de-DE'
import {germanRules} from '@briefs/sentences'
import type {LanguageProfile} from '../profile.js'
import {foldLatin, spaces} from './latin.js'

export const de = {
  code: 'de',
  name: 'German',
  francCode: 'deu',
  script: 'Latin',
  fold: foldLatin,
  stemmer,
  inflection: 'stem',
  quotes: {primary: ['„', '“'], nested: ['‚', '‘']},
  finalMarks: {statement: ['.'], question: ['?'], exclamation: ['!'], ellipsis: ['…', '...'], colon: [':'], semicolon: [';']},
  sentences: germanRules,
  spaceBeforeHighPunctuation: false,
  lengthFromFrench: 1,
  commonWords: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'ein', 'eine', 'einen', 'dem', 'den', 'des', 'mit', 'sich', 'auf', 'fur', 'von', 'zu', 'im', 'sie', 'er', 'wurde', 'wurden', 'hat', 'haben', 'auch', 'nach', 'bei', 'aus'],
  numbers: {
    cardinals: [(value) => germanCardinal(value)],
    // Thousands are written as one word: `zehntausend`, `zweihunderttausend`.
    variants: (cardinal, value) => (value > 0 ? [[`${cardinal}tausend`, value * 1000], ...(value === 1 ? [['tausend', 1000] as const] : [])] : []),
    extraWords: {},
    normalize: (word) => word,
    multipliers: [
      {value: 1e6, standalone: 'exact', forms: ['million']},
      {value: 1e6, standalone: 'approximate', forms: ['millionen']},
      {value: 1e6, standalone: 'vague', forms: ['mio']},
      {value: 1e9, standalone: 'exact', forms: ['milliarde']},
      {value: 1e9, standalone: 'approximate', forms: ['milliarden']},
      {value: 1e9, standalone: 'vague', forms: ['mrd']}
    ],
    ones: ['ein', 'eine', 'einen', 'einem', 'einer', 'eins'],
    optional: {beide: 2, beiden: 2, zweimal: 2},
    approximations: {},
    approximationLinks: [],
    connectors: ['bis', 'oder', 'und'],
    ordinalSuffix: /^$/,
    // `10.000`, `10 000`, decimal comma.
    digits: [
      {pattern: /\d{1,3}(?:\.\d{3}(?!\d))+(?:,\d+)?(?!\.\d)/y, group: /\./g, decimal: ','},
      {pattern: new RegExp(`\\d{1,3}(?:[${spaces}]\\d{3}(?!\\d))+(?:,\\d+)?`, 'y'), group: /[\u0020\u00a0\u202f]/g, decimal: ','},
      {pattern: /\d+(?:,\d+)?/y, group: /^$/g, decimal: ','}
    ],
    // `15:30 Uhr`, `15.30 Uhr`.
    times: [/(?<hours>\d{1,2})[:.](?<minutes>\d{2}) ?Uhr\b/uy, /(?<hours>\d{1,2}):(?<minutes>\d{2})(?!\d)/y, /(?<hours>\d{1,2}) ?Uhr\b/uy],
    extraMonths: {},
    monthFirstDates: false,
    dayMarks: ['.'],
    percentAfter: [],
    joiners: []
  }
} as const satisfies LanguageProfile
