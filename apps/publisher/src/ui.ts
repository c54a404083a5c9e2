import {existsSync, readFileSync} from 'node:fs'
import {languageCodes, sourceLanguage, type LanguageCode} from '@briefs/languages'
import i18next, {type TFunction} from 'i18next'
import {formatArticleDate} from './dates.js'

/** A language a page can be written in: French, the language of every article, or a target language. */
export type UiLanguage = LanguageCode

export const uiNamespace = 'ui'

/** `locales/<lng>/ui.json` beside `src/` and `dist/`, so the same path works from both. */
const localesDir = new URL('../locales/', import.meta.url)

const uiFile = (lng: string) => new URL(`${lng}/${uiNamespace}.json`, localesDir)

/**
 * The languages a reader can have the interface in: French (the index and
 * the multilingual view) and every language with interface strings
 * (`locales/<lng>/ui.json`), for its bilingual brief.
 */
export const uiLanguages: readonly UiLanguage[] = [sourceLanguage, ...languageCodes.filter((lng) => lng !== sourceLanguage && existsSync(uiFile(lng)))]

/** The interface text of one language: what a page is rendered with, besides the corpus. */
export interface UiText {
  lng: UiLanguage
  /** i18next's `t` on the `ui` namespace of `lng`; only ever given our own numbers, never corpus text. */
  t: TFunction<'ui'>
  /** An article's `YYYY-MM` or `YYYY-MM-DD` date, written out in `lng`. */
  date(date: string): string
  /** A language's name in `lng`, capitalized as a label: `French`, `Французский`, `Anglais`. */
  languageName(lng: UiLanguage): string
  /** A language's name in that language: `Français`, `English`, `Русский`. */
  endonym(lng: UiLanguage): string
}

export interface Ui {
  text(lng: UiLanguage): UiText
}

export function readUiResource(lng: UiLanguage): Record<string, unknown> {
  return JSON.parse(readFileSync(uiFile(lng), 'utf8')) as Record<string, unknown>
}

/** Why a language cannot be published, or `undefined`: a brief needs the interface in its language. */
export function uiLanguageProblem(lng: LanguageCode): string | undefined {
  if (uiLanguages.includes(lng)) return undefined
  return `Unexpected language \`${lng}\` without interface strings, expected \`apps/publisher/locales/${lng}/${uiNamespace}.json\` (a copy of \`en/${uiNamespace}.json\`, translated)`
}

/** A language's name as a label (`French`, `Французский`, `Anglais`): Intl's, capitalized in the reader's language. */
function displayName(reader: LanguageCode, lng: LanguageCode): string {
  const key = `${reader}\0${lng}`
  let label = displayNames.get(key)
  if (label === undefined) {
    const name = new Intl.DisplayNames(reader, {type: 'language'}).of(lng) ?? lng
    label = name.charAt(0).toLocaleUpperCase(reader) + name.slice(1)
    displayNames.set(key, label)
  }
  return label
}

const displayNames = new Map<string, string>()

/**
 * The interface text of every language, through its own i18next instance
 * (the corpus translations live in another one): plurals follow each
 * language's rules (`17 of 19 sentences`, `17 из 19 предложений`).
 */
export function loadUi(): Ui {
  const i18n = i18next.createInstance()
  void i18n.init({
    initAsync: false,
    resources: Object.fromEntries(uiLanguages.map((lng) => [lng, {[uiNamespace]: readUiResource(lng)}])),
    ns: [uiNamespace],
    defaultNS: uiNamespace,
    fallbackLng: false,
    returnNull: false,
    // hast-util-to-html escapes every text node: i18next escaping on top would show `&amp;`.
    interpolation: {escapeValue: false}
  })
  const texts = new Map<UiLanguage, UiText>()
  for (const lng of uiLanguages) {
    const fixed = i18n.getFixedT(lng, uiNamespace)
    // The same few strings are asked for on every page of thousands: look each up once.
    const memo = new Map<string, string>()
    const t = ((key: string, options?: Record<string, unknown>) => {
      const id = options === undefined ? key : `${key}\0${JSON.stringify(options)}`
      let value = memo.get(id)
      if (value === undefined) {
        value = String(fixed(key, options as never))
        memo.set(id, value)
      }
      return value
    }) as TFunction<'ui'>
    texts.set(lng, {
      lng,
      t,
      date: (date) => formatArticleDate(date, lng),
      languageName: (other) => displayName(lng, other),
      endonym: (other) => displayName(other, other)
    })
  }
  return {text: (lng) => texts.get(lng)!}
}
