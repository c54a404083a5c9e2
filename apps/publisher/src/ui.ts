import {readFileSync} from 'node:fs'
import {sourceLanguage, targetLanguages} from '@briefs/corpus'
import i18next, {type TFunction} from 'i18next'
import {formatArticleDate} from './dates.js'

/**
 * The languages a reader can have the interface in: French, the language
 * of every article (the index and the multilingual view), and each target
 * language (its bilingual brief).
 */
export const uiLanguages = [sourceLanguage, ...targetLanguages] as const

export type UiLanguage = (typeof uiLanguages)[number]

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

export const uiNamespace = 'ui'

/** `locales/<lng>/ui.json` beside `src/` and `dist/`, so the same path works from both. */
const localesDir = new URL('../locales/', import.meta.url)

export function readUiResource(lng: UiLanguage): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`${lng}/${uiNamespace}.json`, localesDir), 'utf8')) as Record<string, unknown>
}

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
      languageName: (other) => t(`language.${other}`),
      endonym: (other) => texts.get(other)?.t(`language.${other}`) ?? i18n.getFixedT(other, uiNamespace)(`language.${other}`)
    })
  }
  return {text: (lng) => texts.get(lng)!}
}
