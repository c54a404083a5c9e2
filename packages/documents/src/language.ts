import {franc} from 'franc-min'
import {isLanguageCode, languageCodes, languageProfile, type Script} from '@briefs/languages'
import type {SentenceRules} from '@briefs/sentences'
import type {VFile} from 'vfile'

/**
 * franc's codes (ISO 639-3) of languages a desk may receive by mistake
 * besides those briefs has profiles for (whose codes come from their
 * profiles): candidates for naming the wrong language, nothing more.
 */
const otherLanguages: Record<string, {franc: string; script: Script}> = {
  bg: {franc: 'bul', script: 'Cyrillic'},
  es: {franc: 'spa', script: 'Latin'},
  it: {franc: 'ita', script: 'Latin'},
  nl: {franc: 'nld', script: 'Latin'},
  pl: {franc: 'pol', script: 'Latin'},
  pt: {franc: 'por', script: 'Latin'},
  tr: {franc: 'tur', script: 'Latin'},
  uk: {franc: 'ukr', script: 'Cyrillic'}
}

/** A language's franc code and script: from its profile, or the short list above. */
function describe(language: string): {franc: string; script: Script} | undefined {
  if (isLanguageCode(language)) {
    const profile = languageProfile(language)
    return {franc: profile.francCode, script: profile.script}
  }
  return Object.hasOwn(otherLanguages, language) ? otherLanguages[language] : undefined
}

const known = [...languageCodes.map((code) => describe(code)!), ...Object.values(otherLanguages)]

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
  const expected = describe(language)
  const expectsCyrillic = expected?.script === 'Cyrillic'
  const candidates = (script: 'Cyrillic' | 'other') => known.filter((other) => (other.script === 'Cyrillic') === (script === 'Cyrillic')).map((other) => other.franc)
  if (expectsCyrillic && cyrillic < letters / 2) return franc(text, {only: candidates('other')})
  if (!expectsCyrillic && cyrillic > letters / 2) return franc(text, {only: candidates('Cyrillic')})
  if (!expected) return undefined
  const detected = franc(text, {only: known.map((other) => other.franc)})
  return detected === expected.franc || detected === 'und' ? undefined : detected
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

/** The sentence rules of a language: its profile's, or initials only. */
export function sentenceRulesFor(language: string): SentenceRules {
  return isLanguageCode(language) ? languageProfile(language).sentences : initialsOnly
}
