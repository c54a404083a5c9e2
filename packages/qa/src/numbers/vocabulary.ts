import {languageProfile, words, fold, type LanguageCode, type LanguageProfile, type Standalone} from '@briefs/languages'

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
  /** Approximate quantities: `vingtaine` ≈ 20, `milliers` ≈ thousands. */
  approximations: Map<string, number>
  /** Words joining an approximation to a multiplier: `des dizaines de milliers`. */
  approximationLinks: Set<string>
  /** Words and marks that join the two ends of a range (`cinq à six mille`, `четыре-пять`). */
  connectors: Set<string>
  /** Month names and abbreviations → month (1–12). */
  months: Map<string, number>
  /** Ordinal suffixes written right after digits (`1er`, `21st`, `1-го`). */
  ordinalSuffix: RegExp
  /** Maps a folded word to the key used in `phrases` (plural or inflected forms to one form). */
  normalize(word: string): string
}

function monthNames(language: LanguageProfile): Map<string, number> {
  const months = new Map<string, number>()
  const styles: Intl.DateTimeFormatOptions[] = [
    {month: 'long', day: 'numeric'},
    {month: 'short', day: 'numeric'},
    {month: 'long'},
    {month: 'short'}
  ]
  for (let month = 0; month < 12; month++) {
    for (const style of styles) {
      const parts = new Intl.DateTimeFormat(language.code, {...style, timeZone: 'UTC'}).formatToParts(new Date(Date.UTC(2022, month, 21)))
      const name = parts.find((part) => part.type === 'month')?.value
      if (name) months.set(fold(name.replace(/\.$/, ''), language), month + 1)
    }
  }
  for (const [name, month] of Object.entries(language.numbers.extraMonths)) months.set(name, month)
  return months
}

/** The number words of a language from its profile: cardinals 0–999 and their variants, multipliers, the rest as listed. */
function build(language: LanguageProfile): NumberVocabulary {
  const conventions = language.numbers
  const normalize = conventions.normalize
  const key = (text: string) =>
    words(text, language)
      .map((word) => normalize(word.norm))
      .join(' ')
  const phrases = new Map<string, number>()
  for (let value = 0; value < 1000; value++) {
    for (const cardinal of conventions.cardinals) {
      const written = cardinal(value)
      phrases.set(key(written), value)
      for (const [variant, variantValue] of conventions.variants(written, value)) phrases.set(key(variant), variantValue)
    }
  }
  for (const [word, value] of Object.entries(conventions.extraWords)) phrases.set(word, value)
  return {
    phrases,
    longestPhrase: Math.max(...[...phrases.keys()].map((phrase) => phrase.split(' ').length)),
    phraseStarts: new Set([...phrases.keys()].map((phrase) => phrase.split(' ')[0]!)),
    multipliers: new Map(conventions.multipliers.flatMap(({value, standalone, forms}) => forms.map((form) => [form, {value, standalone}] as const))),
    ones: new Set(conventions.ones),
    optional: new Map(Object.entries(conventions.optional)),
    approximations: new Map(Object.entries(conventions.approximations)),
    approximationLinks: new Set(conventions.approximationLinks),
    connectors: new Set(['-', '–', ...conventions.connectors]),
    months: monthNames(language),
    ordinalSuffix: conventions.ordinalSuffix,
    normalize
  }
}

const vocabularies = new Map<LanguageCode, NumberVocabulary>()

/** The number words of `lng`, built once from its profile. */
export function numberVocabulary(lng: LanguageCode): NumberVocabulary {
  let vocabulary = vocabularies.get(lng)
  if (!vocabulary) {
    vocabulary = build(languageProfile(lng))
    vocabularies.set(lng, vocabulary)
  }
  return vocabulary
}
