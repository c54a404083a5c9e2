import type {LanguageProfile} from './profile.js'
import {de} from './profiles/de.js'
import {en} from './profiles/en.js'
import {fr} from './profiles/fr.js'
import {ru} from './profiles/ru.js'

/** Every language briefs knows, by code. A corpus picks its target languages among them (`briefs.config.json`). */
const profiles = {fr, en, ru, de} as const satisfies Record<string, LanguageProfile>

export type LanguageCode = keyof typeof profiles

/** The language of every article. */
export const sourceLanguage = 'fr' satisfies LanguageCode

/** A language a corpus can translate into: any known language but the source. */
export type TargetLanguage = Exclude<LanguageCode, typeof sourceLanguage>

export const languageCodes = Object.keys(profiles) as LanguageCode[]

export function isLanguageCode(value: string): value is LanguageCode {
  return Object.hasOwn(profiles, value)
}

export function isTargetLanguage(value: string): value is TargetLanguage {
  return isLanguageCode(value) && value !== sourceLanguage
}

/** The profile of a known language. */
export function languageProfile(code: LanguageCode): LanguageProfile {
  return profiles[code]
}
