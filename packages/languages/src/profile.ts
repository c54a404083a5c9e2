import type {SentenceRules} from '@briefs/sentences'

/**
 * Everything briefs knows about one language, in one place. Every field is
 * required: a language without a stemmer says `stemmer: null`, one without
 * approximate quantities says `approximations: {}`. A missing piece is a
 * type error in its profile, never a silent fallback to another language.
 */
export interface LanguageProfile {
  /** BCP 47 code: i18next language, `lang` and `hreflang`, Intl locale, folder names. */
  code: string
  /** Its name in English, for messages (`German`). */
  name: string
  /** Its ISO 639-3 code in franc's language identification. */
  francCode: string
  /** The script most of its letters are in: a translation mostly in another script is not in this language. */
  script: Script
  /** A lowercase word as compared (diacritics folded or kept, `ё` read as `е`…). */
  fold(lowercase: string): string
  /** The Snowball stemmer of the language, or `null` when words compare as folded. */
  stemmer: ((word: string) => string) | null
  /**
   * How a glossary form is found among inflected words: `plural` (the form or
   * its plural in `s`/`x`), `stem` (the same Snowball stem), `declension`
   * (stems that extend each other, for names declined in six cases).
   */
  inflection: 'plural' | 'stem' | 'declension'
  /** Its quotation marks. */
  quotes: QuotationMarks
  /**
   * How its sentences end, by what the mark means: a statement, a question,
   * an exclamation, a trailing off, a colon, a semicolon (Greek would write
   * its question mark `;`). The first of each is how it is written.
   */
  finalMarks: Readonly<Record<FinalMark, readonly string[]>>
  /** Where its sentences end: abbreviations, initials, quotations (`@briefs/sentences`' rule sets). */
  sentences: SentenceRules
  /** Whether it puts a space before `; : ! ?` (French does, English does not). */
  spaceBeforeHighPunctuation: boolean
  /** Characters (without spaces) its translations take per character of French: the aligner's usual length ratio. */
  lengthFromFrench: number
  /** Frequent function words (folded) that tell a text of this language from another. */
  commonWords: readonly string[]
  /** How it writes numbers, dates and times. */
  numbers: NumberConventions
}

/** What a sentence's final mark says. */
export type FinalMark = 'statement' | 'question' | 'exclamation' | 'ellipsis' | 'colon' | 'semicolon'

/** `\p{Script=…}` names of the scripts briefs' languages are written in. */
export type Script = 'Latin' | 'Cyrillic' | 'Greek' | 'Arabic' | 'Hebrew' | 'Han'

export interface QuotationMarks {
  /** Opening and closing marks of a quotation: `“ ”`, `« »`, `„ “`. */
  primary: readonly [open: string, close: string]
  /** Opening and closing marks of a quotation inside a quotation: `‘ ’`, `„ “`, `‚ ‘`. */
  nested: readonly [open: string, close: string]
}

/** What a multiplier word means when no number stands before it. */
export type Standalone = 'exact' | 'optional' | 'approximate' | 'vague'

export interface Multiplier {
  value: number
  /** `mille` alone is 1000 (`exact`); `millions` alone is a range (`approximate`); `thousand` alone is no number (`vague`). */
  standalone: Standalone
  /** Folded forms, normalized as `normalize` gives them. */
  forms: readonly string[]
}

/** How digits are grouped and separated: tried in order, the first grouped reading wins. */
export interface DigitPattern {
  /** A sticky (`y`) pattern matching digits at a position. */
  pattern: RegExp
  /** Global pattern of the group separator, removed before reading the value. */
  group: RegExp
  /** The decimal separator. */
  decimal: string
}

/** How a language writes quantities, as data for the number reading of `@briefs/qa`. */
export interface NumberConventions {
  /** Cardinal number words from 0 to 999, each variant of the language (`fr-FR`, `fr-BE`). */
  cardinals: ReadonlyArray<(value: number) => string>
  /** Further spellings of a cardinal (`a hundred and five`, German `fünftausend`), as phrase → value. */
  variants(cardinal: string, value: number): ReadonlyArray<readonly [phrase: string, value: number]>
  /** Words that say a number outside the cardinals: articles before a multiplier (`une`, `a`), `полтора`. */
  extraWords: Readonly<Record<string, number>>
  /** A folded word to the form the cardinals use (`cents` → `cent`, `пяти` → `пять`). */
  normalize(folded: string): string
  multipliers: readonly Multiplier[]
  /** Words for 1 that are mostly articles or pronouns: a number only before a multiplier. */
  ones: readonly string[]
  /** Words that may render a number but need not (`both`, `оба`; French `neuf`, also "new"). */
  optional: Readonly<Record<string, number>>
  /** Approximate quantities (`vingtaine` ≈ 20, `milliers` ≈ thousands), in every form; plural forms end in `s`. */
  approximations: Readonly<Record<string, number>>
  /** Words joining an approximation to a multiplier (`des dizaines de milliers`). */
  approximationLinks: readonly string[]
  /** Words joining the ends of a range (`à`, `to`, `до`); `-` and `–` join in every language. */
  connectors: readonly string[]
  /** Suffixes of ordinals written after digits (`1er`, `21st`, `1-го`). */
  ordinalSuffix: RegExp
  digits: readonly DigitPattern[]
  /** Sticky patterns of a time of day, with groups `hours`, `minutes`, `meridiem` (`a`/`p`). */
  times: readonly RegExp[]
  /** Month names beyond those `Intl.DateTimeFormat` writes (`sept`). */
  extraMonths: Readonly<Record<string, number>>
  /** Whether dates are also written month first (`September 21`). */
  monthFirstDates: boolean
  /** Marks between a day number and its month (German `21. September`). */
  dayMarks: readonly string[]
  /** Words after which a hundred is a percent sign (`pour cent`). */
  percentAfter: readonly string[]
  /** Words joining a multiplier to a smaller part (`two thousand and five`). */
  joiners: readonly string[]
}
