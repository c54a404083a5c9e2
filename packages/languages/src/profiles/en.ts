import {stemmer} from '@orama/stemmers/english'
import {toCardinal as britishCardinal} from 'n2words/en-GB'
import {toCardinal as americanCardinal} from 'n2words/en-US'
import {englishRules} from '@briefs/sentences'
import type {LanguageProfile} from '../profile.js'
import {foldLatin} from './latin.js'

export const en = {
  code: 'en',
  name: 'English',
  francCode: 'eng',
  script: 'Latin',
  fold: foldLatin,
  stemmer,
  inflection: 'stem',
  quotes: {primary: ['“', '”'], nested: ['‘', '’']},
  finalMarks: {statement: ['.'], question: ['?'], exclamation: ['!'], ellipsis: ['…', '...'], colon: [':'], semicolon: [';']},
  sentences: englishRules,
  spaceBeforeHighPunctuation: false,
  lengthFromFrench: 0.89,
  commonWords: ['the', 'of', 'and', 'to', 'in', 'is', 'that', 'for', 'on', 'with', 'was', 'were', 'he', 'she', 'it', 'by', 'as', 'at', 'from', 'this', 'have', 'has', 'are', 'be', 'his', 'her', 'their', 'they', 'which', 'not', 'but', 'said'],
  numbers: {
    cardinals: [(value) => americanCardinal(value), (value) => britishCardinal(value)],
    // "a hundred and five" as well as "one hundred five".
    variants: (cardinal, value) => (value >= 100 && value < 200 && cardinal.startsWith('one hundred') ? [[cardinal.replace(/^one hundred/, 'a hundred'), value]] : []),
    extraWords: {a: 1, an: 1},
    normalize: (word) => word,
    multipliers: [
      {value: 1e3, standalone: 'vague', forms: ['thousand']},
      {value: 1e6, standalone: 'vague', forms: ['million', 'mln', 'mn']},
      {value: 1e9, standalone: 'vague', forms: ['billion', 'bn']},
      {value: 1e12, standalone: 'vague', forms: ['trillion', 'tn']}
    ],
    ones: ['one', 'a', 'an'],
    optional: {both: 2, twice: 2, dozen: 12},
    approximations: {},
    approximationLinks: [],
    connectors: ['to', 'or', 'and', 'through'],
    ordinalSuffix: /^(?:st|nd|rd|th)$/,
    // `10,000`, decimal point; `10 000` only with a no-break space (a plain space more often separates two
    // numbers: "September 21 200,000"); a decimal comma never (`1,5 million` reads as 1 and 5 million).
    digits: [
      {pattern: /\d{1,3}(?:,\d{3}(?!\d))+(?:\.\d+)?/y, group: /,/g, decimal: '.'},
      {pattern: /\d{1,3}(?:[\u00a0\u202f]\d{3}(?!\d))+(?:\.\d+)?/y, group: /[\u00a0\u202f]/g, decimal: '.'},
      {pattern: /\d+(?:\.\d+)?/y, group: /^$/g, decimal: '.'}
    ],
    // `3:30 p.m.`, `3 pm`, `15:30` (a bare `3` is no time).
    times: [/(?<hours>\d{1,2}):(?<minutes>\d{2})(?: ?(?<meridiem>[ap])\.? ?m\b\.?)?/iy, /(?<hours>\d{1,2}) ?(?<meridiem>[ap])\.? ?m\b\.?/iy],
    extraMonths: {sept: 9},
    monthFirstDates: true,
    dayMarks: [],
    percentAfter: [],
    joiners: ['and']
  }
} as const satisfies LanguageProfile
