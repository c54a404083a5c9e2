// The one place that reads numbers, through the project's number reading
// (`extractQuantities` of @briefs/qa, driven by the language profiles of
// @briefs/languages). Each quantity becomes comparison keys that two
// quantities share exactly when `sameQuantity` says they are the same, or a
// date and its day number (as `compareQuantities` allows; so two dates of
// one day in different months too), or two times 12 hours apart (the tests
// check it against `sameQuantity`): an index lookup then replaces pairwise
// comparison.
import {isLanguageCode} from '@briefs/languages'
import {extractQuantities, type Quantity} from '@briefs/qa'

/** Whether `language` has a profile (number words, digit conventions, dates and times), or only its digits are read. */
export function readsNumberWords(language: string): boolean {
  return isLanguageCode(language)
}

/**
 * The numbers of a text as keys, one list per quantity: `n:10000` for `10.000`, `10,000`, `10 000`,
 * `dix mille`; `d:9-21` and `n:21` for a date (a date matches its day number,
 * as in the checks); `t:210` for `15h30`, `3:30 p.m.`, `03:30` (minutes
 * modulo 12 hours: the checks ignore a.m./p.m. when one side lacks it; an
 * alignment can afford the rare `3:30 a.m.` against `15:30`).
 * Approximations (`une vingtaine`) give no key, nor numbers under ten in
 * words. `wordsToo` false keeps only
 * numbers written with digits: when the other language has no number words,
 * `six` could never be matched and would only mislead.
 */
export function numberKeys(text: string, language: string, wordsToo = true): string[][] {
  const quantities: Array<Pick<Quantity, 'raw'> & QuantityValueLike> = isLanguageCode(language) ? extractQuantities(text, language) : digitQuantities(text)
  const keys: string[][] = []
  for (const quantity of quantities) {
    // Small numbers in words (`deux`, `zwei`, `three`) are too common, and too often rendered otherwise
    // (`les deux pays`: "both countries"), to anchor a sentence: on the German dev set they cost 0.01 of F1.
    const small = quantity.kind === 'number' && quantity.value < 10
    if ((!wordsToo || small) && !/\d/.test(quantity.raw)) continue
    const found = quantityKeys(quantity)
    if (found.length > 0) keys.push(found)
  }
  return keys
}

type QuantityValueLike =
  | {kind: 'number'; value: number; optional?: true}
  | {kind: 'date'; month: number; day: number}
  | {kind: 'time'; minutes: number; meridiem: boolean}
  | {kind: 'approximate'; min: number; max: number}

/** The keys of one quantity (exported for the test against `sameQuantity`). */
export function quantityKeys(quantity: QuantityValueLike): string[] {
  switch (quantity.kind) {
    case 'number':
      return [`n:${canonical(quantity.value)}`]
    case 'date':
      return [`d:${quantity.month}-${quantity.day}`, `n:${quantity.day}`]
    case 'time':
      return [`t:${quantity.minutes % 720}`]
    default:
      return []
  }
}

/** Nine significant digits: the relative tolerance of `sameQuantity`. */
function canonical(value: number): string {
  return String(Number(value.toPrecision(9)))
}

/**
 * Digits in a language without number vocabulary: a group of three digits
 * after `.`, `,`, a space or a no-break space is a thousands group
 * (`10.000`, `10,000`, `10 000`), any other `.` or `,` between digits is the
 * decimal mark (`8839,8`, `1.5`). Codes glued to letters (`G7`, `F-16`) are
 * not numbers, as in the number reading of the checks.
 */
export function digitQuantities(text: string): Array<{raw: string; kind: 'number'; value: number}> {
  const found: Array<{raw: string; kind: 'number'; value: number}> = []
  for (const match of text.matchAll(digitsPattern)) {
    const before = text.slice(Math.max(0, match.index - 2), match.index)
    if (/\p{L}-?$/u.test(before)) continue
    const raw = match[0]
    const decimal = /[.,](\d+)$/.exec(raw)
    // The last `.` or `,` is a decimal mark unless three digits follow it after a group of at most three.
    const thousandsOnly = /^\d{1,3}(?:[.,\u0020\u00a0\u202f]\d{3})+$/.test(raw)
    const integer = thousandsOnly || !decimal ? raw : raw.slice(0, decimal.index)
    const value = Number(integer.replace(/\D/g, '') + (thousandsOnly || !decimal ? '' : `.${decimal[1]}`))
    found.push({raw, kind: 'number', value})
  }
  return found
}

const digitsPattern = /\d{1,3}(?:[.,\u0020\u00a0\u202f]\d{3}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,]\d+)?/g
