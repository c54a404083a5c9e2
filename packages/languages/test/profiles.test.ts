import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {isLanguageCode, isTargetLanguage, languageCodes, languageProfile, sourceLanguage, type LanguageProfile} from '../src/index.js'

describe('language profiles', () => {
  it('are known by the code they carry, which Intl and i18next understand', () => {
    expect(languageCodes).toEqual(['fr', 'en', 'ru', 'de'])
    for (const code of languageCodes) {
      const profile = languageProfile(code)
      expect(profile.code).toBe(code)
      expect(Intl.NumberFormat.supportedLocalesOf([code]), code).toEqual([code])
      expect(new Intl.DisplayNames('en', {type: 'language'}).of(code)).toBe(profile.name)
    }
    expect(isLanguageCode('de')).toBe(true)
    expect(isLanguageCode('__proto__')).toBe(false)
    expect(isTargetLanguage(sourceLanguage)).toBe(false)
    expect(isTargetLanguage('ru')).toBe(true)
  })

  it('give quotation marks in opening and closing pairs', () => {
    for (const code of languageCodes) {
      const {quotes} = languageProfile(code)
      for (const [open, close] of [quotes.primary, quotes.nested]) {
        expect(open, code).toHaveLength(1)
        expect(close, code).toHaveLength(1)
      }
      expect(quotes.primary[0]).not.toBe(quotes.nested[0])
    }
    expect(languageProfile('de').quotes.primary).toEqual(['„', '“'])
  })

  it('write every cardinal from 0 to 999, and read digits and times with sticky patterns', () => {
    for (const code of languageCodes) {
      const {numbers} = languageProfile(code)
      for (const cardinal of numbers.cardinals) for (const value of [0, 7, 21, 99, 100, 999]) expect(cardinal(value), `${code} ${value}`).toMatch(/\p{L}/u)
      for (const {pattern} of numbers.digits) expect(pattern.sticky, code).toBe(true)
      for (const pattern of numbers.times) expect(pattern.sticky, code).toBe(true)
      for (const [word, base] of Object.entries(numbers.approximations)) expect(base, `${code} ${word}`).toBeGreaterThan(0)
    }
  })

  it('fold words as their language compares them', () => {
    expect(languageProfile('fr').fold('état')).toBe('etat')
    expect(languageProfile('de').fold('größe')).toBe('große')
    expect(languageProfile('ru').fold('пётр')).toBe('петр')
    expect(languageProfile('ru').fold('мой')).toBe('мой')
  })

  it('refuse a profile with a missing piece at compile time', () => {
    const {numbers: _, ...withoutNumbers} = languageProfile('en')
    // @ts-expect-error: a profile without number conventions is not a profile.
    const incomplete: LanguageProfile = withoutNumbers
    expect(incomplete).toBeDefined()
  })
})

/**
 * Language knowledge lives in the profiles: no code elsewhere decides by
 * comparing a language code (`lng === 'en'`), which would treat any other
 * language as one of those it names.
 */
describe('the code outside the profiles', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url))
  const sources = ['packages', 'apps'].flatMap((top) =>
    fs
      .readdirSync(path.join(root, top))
      .flatMap((name) => {
        const src = path.join(root, top, name, 'src')
        return fs.existsSync(src) ? fs.readdirSync(src, {recursive: true, encoding: 'utf8'}).map((file) => path.join(src, file)) : []
      })
      .filter((file) => file.endsWith('.ts') && !file.includes(`${path.sep}languages${path.sep}src${path.sep}profiles${path.sep}`))
  )
  const codes = languageCodes.join('|')
  const comparison = new RegExp(`[=!]==?\\s*['"](?:${codes})['"]|['"](?:${codes})['"]\\s*[=!]==?|case\\s+['"](?:${codes})['"]`)

  it('compares no language code', () => {
    expect(sources.length).toBeGreaterThan(50)
    const found = sources.flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (comparison.test(line) ? [`${path.relative(root, file)}:${index + 1}: ${line.trim()}`] : []))
    )
    expect(found).toEqual([])
  })
})
