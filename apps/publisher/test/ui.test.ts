import fs from 'node:fs/promises'
import {describe, expect, it} from 'vitest'
import {formatArticleDate, loadUi, readUiResource, uiLanguages, type UiLanguage} from '../src/index.js'

/** Every key of a nested resource, `a.b.c`, with i18next plural suffixes left on. */
function keys(resource: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(resource).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`]
  )
}

const pluralSuffix = /_(?:zero|one|two|few|many|other)$/

describe('the `ui` namespace (locales/<lng>/ui.json)', () => {
  it('is 2-space JSON, in fr, en, ru and de', async () => {
    for (const lng of uiLanguages) {
      const file = new URL(`../locales/${lng}/ui.json`, import.meta.url)
      const text = await fs.readFile(file, 'utf8')
      expect(text, lng).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`)
    }
    expect([...uiLanguages]).toEqual(['fr', 'en', 'ru', 'de'])
  })

  it('has the same keys in every language, with exactly the plural forms each language needs', () => {
    const singular = (lng: UiLanguage) => [...new Set(keys(readUiResource(lng)).map((key) => key.replace(pluralSuffix, '')))].sort()
    for (const lng of uiLanguages) {
      expect(singular(lng), lng).toEqual(singular('en'))
      const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories
      const plurals = keys(readUiResource(lng)).filter((key) => pluralSuffix.test(key))
      for (const base of new Set(plurals.map((key) => key.replace(pluralSuffix, '')))) {
        const forms = plurals.filter((key) => key.replace(pluralSuffix, '') === base).map((key) => key.slice(base.length + 1))
        expect(forms.sort(), `${lng} ${base}`).toEqual([...categories].sort())
      }
    }
  })

  it('counts sentences with each language’s plural rules', () => {
    const ui = loadUi()
    const reviewed = (lng: UiLanguage, done: number, count: number) => ui.text(lng).t('status.reviewed', {done, count})
    expect(reviewed('en', 17, 19)).toBe('17 of 19 sentences reviewed')
    expect(reviewed('en', 1, 1)).toBe('1 of 1 sentence reviewed')
    expect(reviewed('ru', 17, 19)).toBe('Проверено 17 из 19 предложений')
    expect(reviewed('ru', 20, 21)).toBe('Проверено 20 из 21 предложения')
    expect(reviewed('ru', 3, 22)).toBe('Проверено 3 из 22 предложений')
    expect(ui.text('ru').t('status.translated', {done: 1, count: 1})).toBe('Переведено 1 из 1 предложения')
    expect(reviewed('fr', 17, 19)).toBe('17 sur 19 phrases relues')
    expect(reviewed('fr', 1, 1)).toBe('1 sur 1 phrase relue')
  })

  it('names languages in the reader’s language, and each in its own', () => {
    const ui = loadUi()
    expect(uiLanguages.map((lng) => ui.text('en').languageName(lng))).toEqual(['French', 'English', 'Russian', 'German'])
    expect(uiLanguages.map((lng) => ui.text('ru').languageName(lng))).toEqual(['Французский', 'Английский', 'Русский', 'Немецкий'])
    expect(uiLanguages.map((lng) => ui.text('en').endonym(lng))).toEqual(['Français', 'English', 'Русский', 'Deutsch'])
  })

  it('never interpolates what it is not given: `{{…}}` and `$t(…)` in a value stay as written', () => {
    // Corpus text never goes through `t`; this pins that our own values do not get re-read as templates.
    const ui = loadUi()
    expect(ui.text('en').t('status.reviewed', {done: '{{count}}', count: 2})).toBe('{{count}} of 2 sentences reviewed')
  })
})

describe('article dates, written out with Intl (Node’s ICU)', () => {
  it('give the month and year for `YYYY-MM`, in each language’s own form', () => {
    expect(formatArticleDate('2022-10', 'fr')).toBe('octobre 2022')
    expect(formatArticleDate('2022-10', 'en')).toBe('October 2022')
    expect(formatArticleDate('2022-10', 'ru')).toBe('октябрь 2022 г.')
  })

  it('give the day too for `YYYY-MM-DD`, with the Russian genitive month', () => {
    expect(formatArticleDate('2022-10-04', 'fr')).toBe('4 octobre 2022')
    expect(formatArticleDate('2022-10-04', 'en')).toBe('October 4, 2022')
    expect(formatArticleDate('2022-10-04', 'ru')).toBe('4 октября 2022 г.')
  })

  it('do not depend on the machine’s time zone', () => {
    // The first of a month at midnight UTC is still the previous month in America: formatting is in UTC.
    const zone = process.env.TZ
    process.env.TZ = 'America/Los_Angeles'
    try {
      expect(new Date(Date.UTC(2022, 0, 1)).getDate()).toBe(31)
      expect(formatArticleDate('2022-01', 'en')).toBe('January 2022')
      expect(formatArticleDate('2022-01-01', 'en')).toBe('January 1, 2022')
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })
})
