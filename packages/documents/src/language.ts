import {franc} from 'franc-min'
import {englishRules, frenchRules, germanRules, russianRules, type SentenceRules} from '@briefs/sentences'
import type {VFile} from 'vfile'

/** ISO 639-1 → ISO 639-3 (franc's codes), for the languages a desk is likely to receive. */
const iso6393: Record<string, string> = {
  bg: 'bul', de: 'deu', en: 'eng', es: 'spa', fr: 'fra', it: 'ita', nl: 'nld', pl: 'pol', pt: 'por', ru: 'rus', tr: 'tur', uk: 'ukr'
}

/** Languages written in Cyrillic: a text in another script is surely not one of them. */
const cyrillicLanguages = new Set(['bg', 'ru', 'uk', 'sr', 'mk', 'be', 'kk'])

/** Below this many letters a text is too short to judge. */
const minimumLetters = 80

const names = new Intl.DisplayNames(['en'], {type: 'language'})

/** The English name of a language code (`ru` → `Russian`, `eng` → `English`). */
export function languageName(code: string): string {
  try {
    return names.of(code) ?? code
  } catch {
    return code
  }
}

/**
 * The language `text` is written in, when it is surely not `language`: by
 * script first (Latin letters given as Russian), then by franc's trigrams
 * among the desk's usual languages. `undefined` when it may well be
 * `language`, or when the text is too short to tell.
 */
export function detectOtherLanguage(text: string, language: string): string | undefined {
  const letters = text.match(/\p{L}/gu)?.length ?? 0
  if (letters < minimumLetters) return undefined
  const cyrillic = text.match(/[\u0400-\u04ff]/g)?.length ?? 0
  const expectsCyrillic = cyrillicLanguages.has(language)
  const candidates = [...new Set(Object.values(iso6393))]
  if (expectsCyrillic && cyrillic < letters / 2) {
    return franc(text, {only: candidates.filter((code) => !['bul', 'rus', 'ukr'].includes(code))})
  }
  if (!expectsCyrillic && cyrillic > letters / 2) return franc(text, {only: ['bul', 'rus', 'ukr']})
  const expected = iso6393[language]
  if (!expected) return undefined
  const detected = franc(text, {only: candidates})
  return detected === expected || detected === 'und' ? undefined : detected
}

/**
 * Report a text that is not in the expected language as an error message on
 * `file` (not thrown: the caller decides), at its first line.
 */
export function checkLanguage(file: VFile, text: string, language: string): void {
  const detected = detectOtherLanguage(text, language)
  if (!detected) return
  const message = file.message(`Unexpected ${languageName(detected)} text, expected ${languageName(language)}`, {
    place: {line: 1, column: 1},
    ruleId: 'wrong-language',
    source: 'briefs'
  })
  message.fatal = true
}

/** Rules with initials only, for a language without a rule set. */
const initialsOnly: SentenceRules = {
  abbreviations: [],
  numberAbbreviations: [],
  ambiguousAbbreviations: [],
  sentenceStarters: [],
  ordinalBefore: [],
  lowQuoteClosedByLeftQuote: false,
  dashBeforeLowercaseContinues: false
}

/** The sentence rules of a language: French, English, Russian, German, or initials only. */
export function sentenceRulesFor(language: string): SentenceRules {
  switch (language) {
    case 'fr':
      return frenchRules
    case 'en':
      return englishRules
    case 'ru':
      return russianRules
    case 'de':
      return germanRules
    default:
      return initialsOnly
  }
}
