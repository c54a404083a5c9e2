import {sameQuantity, type Quantity} from '@briefs/qa'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {digitQuantities, numberKeys, quantityKeys} from '../src/numbers.js'

const place = {raw: '1', start: 0, end: 1}
const quantity: fc.Arbitrary<Quantity> = fc.oneof(
  fc.record({kind: fc.constant('number' as const), value: fc.oneof(fc.integer({min: 0, max: 40}), fc.constantFrom(1.5, 10000, 200000, 1e6, 1.5e6, 8839.8))}).map((value) => ({...place, ...value})),
  fc.record({kind: fc.constant('date' as const), month: fc.integer({min: 1, max: 3}), day: fc.integer({min: 1, max: 31})}).map((value) => ({...place, ...value})),
  fc.record({kind: fc.constant('time' as const), minutes: fc.constantFrom(0, 210, 570, 930, 1290, 720), meridiem: fc.boolean()}).map((value) => ({...place, ...value}))
)

/**
 * What the keys are meant to say: the checks' sameness, a date and its day, and times 12 hours
 * apart. Shared keys make groups where every member matches every other, so a date that matches
 * its day number also matches a date of another month on that day.
 */
function related(a: Quantity, b: Quantity): boolean {
  if (sameQuantity(a, b)) return true
  if (a.kind === 'date' && b.kind === 'date') return a.day === b.day
  if (a.kind === 'date' && b.kind === 'number') return a.day === b.value
  if (a.kind === 'number' && b.kind === 'date') return a.value === b.day
  if (a.kind === 'time' && b.kind === 'time') return a.minutes % 720 === b.minutes % 720
  return false
}

describe('number keys', () => {
  it('are shared exactly when the checks’ sameQuantity says so, or for a date and its day, or times 12 hours apart', () => {
    fc.assert(
      fc.property(quantity, quantity, (a, b) => {
        const keysOfB = new Set(quantityKeys(b))
        expect(quantityKeys(a).some((key) => keysOfB.has(key))).toBe(related(a, b))
      }),
      {numRuns: 3000}
    )
  })

  it('read every convention of the three languages as one value', () => {
    const keys = (text: string, language: string) => numberKeys(text, language).flat()
    expect(keys('près de 10.000 par jour', 'fr')).toEqual(['n:10000'])
    expect(keys('close to 10,000 a day', 'en')).toEqual(['n:10000'])
    expect(keys('почти 10 000 в день', 'ru')).toEqual(['n:10000'])
    expect(keys('1,5 million', 'fr')).toEqual(keys('1.5 million', 'en'))
    expect(keys('1,5 млн', 'ru')).toEqual(['n:1500000'])
    expect(keys('à 15h30', 'fr')).toEqual(keys('at 3:30 p.m.', 'en'))
    expect(keys('в 15:30', 'ru')).toEqual(keys('à 15h30', 'fr'))
    expect(keys('le 21 septembre', 'fr')).toEqual(['d:9-21', 'n:21'])
    expect(keys('dix mille', 'fr')).toEqual(['n:10000'])
  })

  it('read digits only, in any grouping, in a language without number words', () => {
    const values = (text: string) => digitQuantities(text).map((found) => found.value)
    expect(values('8839,8 m')).toEqual([8839.8])
    expect(values('10.000 und 10,000 und 10 000')).toEqual([10000, 10000, 10000])
    expect(values('1,5 Millionen, 1.5')).toEqual([1.5, 1.5])
    expect(values('1881-1902')).toEqual([1881, 1902])
    expect(values('G7, F-16, MH17')).toEqual([])
    expect(numberKeys('zes berekeningen uit 1849', 'nl').flat()).toEqual(['n:1849'])
    // Number words are left out where the other side cannot read them.
    expect(numberKeys('six mesures en 1849', 'fr', false).flat()).toEqual(['n:1849'])
  })
})
