import {toCardinal as belgianCardinal} from 'n2words/fr-BE'
import {toCardinal as frenchCardinal} from 'n2words/fr-FR'
import {frenchRules} from '@briefs/sentences'
import type {LanguageProfile} from '../profile.js'
import {foldLatin, spaces} from './latin.js'

const approximations: Record<string, number> = {dizaine: 10, douzaine: 12, quinzaine: 15, vingtaine: 20, trentaine: 30, quarantaine: 40, cinquantaine: 50, soixantaine: 60, centaine: 100, millier: 1000}

/** French: the language of every article. */
export const fr = {
  code: 'fr',
  name: 'French',
  francCode: 'fra',
  script: 'Latin',
  fold: foldLatin,
  stemmer: null,
  inflection: 'plural',
  quotes: {primary: ['«', '»'], nested: ['“', '”']},
  finalMarks: {statement: ['.'], question: ['?'], exclamation: ['!'], ellipsis: ['…', '...'], colon: [':'], semicolon: [';']},
  sentences: frenchRules,
  spaceBeforeHighPunctuation: true,
  // Words that say "French" and are not words of English (no `a`, `on`, `son`, `pour`).
  lengthFromFrench: 1,
  commonWords: ['le', 'la', 'les', 'des', 'du', 'de', 'et', 'est', 'une', 'que', 'qui', 'dans', 'pas', 'sur', 'au', 'aux', 'ce', 'cette', 'ces', 'il', 'elle', 'ils', 'elles', 'ont', 'sont', 'avec', 'leur', 'leurs', 'nous', 'vous', 'mais', 'par', 'selon', 'ou', 'se', 'ne', 'lui', 'ete'],
  numbers: {
    cardinals: [(value) => frenchCardinal(value), (value) => belgianCardinal(value)],
    variants: () => [],
    extraWords: {une: 1},
    // `deux cents`, `quatre-vingts`: the plural `s` marks no other number.
    normalize: (word) => (word === 'cents' || word === 'vingts' || word === 'milles' ? word.slice(0, -1) : word),
    multipliers: [
      {value: 1e3, standalone: 'exact', forms: ['mille']},
      {value: 1e6, standalone: 'exact', forms: ['million']},
      {value: 1e6, standalone: 'approximate', forms: ['millions']},
      {value: 1e9, standalone: 'exact', forms: ['milliard']},
      {value: 1e9, standalone: 'approximate', forms: ['milliards']},
      {value: 1e9, standalone: 'vague', forms: ['md', 'mds', 'mrd', 'mrds']},
      // The French billion is a million million.
      {value: 1e12, standalone: 'exact', forms: ['billion']},
      {value: 1e12, standalone: 'approximate', forms: ['billions']}
    ],
    ones: ['un', 'une'],
    optional: {neuf: 9},
    approximations: Object.fromEntries(Object.entries(approximations).flatMap(([word, base]) => [[word, base], [`${word}s`, base]])),
    approximationLinks: ['de', 'd'],
    connectors: ['a', 'au', 'ou', 'et'],
    ordinalSuffix: /^(?:er|re|ere|e|eme|nd|nde)$/,
    // `10.000`, `200 000`, decimal comma; a decimal point is read too.
    digits: [
      {pattern: /\d{1,3}(?:\.\d{3}(?!\d))+(?:,\d+)?(?!\.\d)/y, group: /\./g, decimal: ','},
      {pattern: new RegExp(`\\d{1,3}(?:[${spaces}]\\d{3}(?!\\d))+(?:,\\d+)?`, 'y'), group: /[\u0020\u00a0\u202f]/g, decimal: ','},
      {pattern: /\d+(?:,\d+)?/y, group: /^$/g, decimal: ','},
      {pattern: /\d+(?:\.\d+)?/y, group: /^$/g, decimal: '.'}
    ],
    // `15h30`, `15 h`, `15:30`.
    times: [/(?<hours>\d{1,2}) ?h ?(?<minutes>\d{2})?(?![\p{L}\d])/uy, /(?<hours>\d{1,2}):(?<minutes>\d{2})(?!\d)/y],
    extraMonths: {},
    monthFirstDates: false,
    dayMarks: [],
    percentAfter: ['pour'],
    joiners: []
  }
} as const satisfies LanguageProfile
