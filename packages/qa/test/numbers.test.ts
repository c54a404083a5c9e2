import fc from 'fast-check'
import {toCardinal as englishCardinal} from 'n2words/en-US'
import {toCardinal as frenchCardinal} from 'n2words/fr-FR'
import {toCardinal as russianCardinal} from 'n2words/ru-RU'
import {describe, expect, it} from 'vitest'
import type {LanguageCode as Language} from '@briefs/languages'
import {compareQuantities, extractQuantities, formatQuantity, type Quantity} from '../src/index.js'

/** Quantities as short strings: `10000`, `2?` (optional), `9/21` (date), `15:30`, `~20000-99999`. */
function shown(text: string, lng: Language): string[] {
  return extractQuantities(text, lng).map(show)
}

function show(quantity: Quantity): string {
  switch (quantity.kind) {
    case 'number':
      return `${quantity.value}${quantity.optional ? '?' : ''}`
    case 'date':
      return `${quantity.month}/${quantity.day}`
    case 'time':
      return `${Math.floor(quantity.minutes / 60)}:${String(quantity.minutes % 60).padStart(2, '0')}`
    case 'approximate':
      return `~${quantity.min}-${quantity.max}`
  }
}

describe('numbers in digits, in each language’s conventions', () => {
  it.each([
    ['fr', 'à près de 10.000 par jour', ['10000']],
    ['fr', 'plus de 200 000 citoyens, 200\u00a0000 et 200\u202f000', ['200000', '200000', '200000']],
    ['fr', '1,5 million de personnes, 3,2 %, 2,5 milliards', ['1500000', '3.2', '2500000000']],
    ['fr', 'moins de 10.000.', ['10000']],
    ['fr', 'en 2022 300 000 personnes', ['2022', '300000']],
    ['en', 'close to 10,000 a day, 200,000 citizens, 1.5 million, 3.2%', ['10000', '200000', '1500000', '3.2']],
    ['en', 'on September 21 200,000 people', ['9/21', '200000']],
    ['en', '10\u00a0000 (a no-break space groups digits)', ['10000']],
    ['ru', '10\u00a0000 человек, 1,5 млн, 3,2%, 98 000', ['10000', '1500000', '3.2', '98000']]
  ] as const)('%s: %s', (lng, text, expected) => {
    expect(shown(text, lng)).toEqual(expected)
  })

  it('reads a French-style decimal comma in English as two numbers, a convention error worth reporting', () => {
    expect(shown('1,5 million', 'en')).toEqual(['1', '5000000'])
  })

  it('leaves codes alone: G7, MH17, F-16, Су-25, COVID-19', () => {
    expect(shown('le G7, le vol MH17, des F-16, le COVID-19', 'fr')).toEqual([])
    expect(shown('штурмовики Су-25', 'ru')).toEqual([])
  })

  it('reads ordinals and units written against the digits', () => {
    expect(shown('le 1er octobre, 10km', 'fr')).toEqual(['10/1', '10'])
    expect(shown('October 1st, the 21st', 'en')).toEqual(['10/1', '21'])
    expect(shown('1-го октября, в 2022-м', 'ru')).toEqual(['10/1', '2022'])
  })
})

describe('dates and times', () => {
  it.each([
    ['fr', 'le 21 septembre 2022', ['9/21', '2022']],
    ['en', 'on September 21, 2022; Sept. 21; 21 September', ['9/21', '2022', '9/21', '9/21']],
    ['ru', '21 сентября 2022 года', ['9/21', '2022']],
    ['fr', 'du 21 au 23 septembre', ['9/21', '9/23']],
    ['en', 'September 21-23', ['9/21', '9/23']],
    ['ru', 'с 21 по 23 сентября', ['9/21', '9/23']],
    ['fr', 'à 15h30, à 9 h, à 15:30', ['15:30', '9:00', '15:30']],
    ['en', 'at 3:30 p.m., at 9 am, at 15:30', ['15:30', '9:00', '15:30']],
    ['ru', 'в 15:30', ['15:30']]
  ] as const)('%s: %s', (lng, text, expected) => {
    expect(shown(text, lng)).toEqual(expected)
  })

  it('needs a day next to a month: a month alone, or "sept" alone, is no date', () => {
    expect(shown('en septembre, sept personnes', 'fr')).toEqual(['7'])
    expect(shown('in September, you may go', 'en')).toEqual([])
  })
})

describe('numbers in words', () => {
  it.each([
    ['fr', 'cinq à six mille visiteurs, et maintenant environ dix mille', ['5000', '6000', '10000']],
    ['en', 'five to six thousand visitors, and now about ten thousand', ['5000', '6000', '10000']],
    ['ru', 'от пяти до шести тысяч посетителей, а сейчас примерно до десяти тысяч', ['5000', '6000', '10000']],
    ['fr', 'quatre ou cinq jours', ['4', '5']],
    ['en', 'four or five days', ['4', '5']],
    ['ru', 'четыре-пять дней', ['4', '5']],
    ['fr', 'ses deux enfants', ['2']],
    ['ru', 'двоих детей, двух стран, две страны, в четырех регионах, трёх человек', ['2', '2', '2', '4', '3']],
    ['fr', 'quatre-vingt-dix-neuf, soixante et onze, deux cent cinquante-trois, septante', ['99', '71', '253', '70']],
    ['en', 'two hundred and fifty-three, ninety-nine, a thousand', ['253', '99', '1000']],
    ['ru', 'двадцати пяти тысяч, полтора миллиона, двухсот человек, пятидесяти', ['25000', '1500000', '200', '50']],
    ['fr', 'entre 5 et 6 millions, 1,5 à 2 milliards', ['5000000', '6000000', '1500000000', '2000000000']],
    ['fr', 'deux millions cinq cent mille', ['2500000']]
  ] as const)('%s: %s', (lng, text, expected) => {
    expect(shown(text, lng)).toEqual(expected)
  })

  it('reads the smaller parts after a lone multiplier: mille un, тысяча двести, a thousand and one', () => {
    expect(shown('mille un visiteurs', 'fr')).toEqual(['1001'])
    expect(shown('mille deux cents visiteurs', 'fr')).toEqual(['1200'])
    expect(shown('тысяча один посетитель', 'ru')).toEqual(['1001'])
    expect(shown('тысяча двести человек', 'ru')).toEqual(['1200'])
    expect(shown('a thousand and one nights', 'en')).toEqual(['1001'])
    expect(shown('mille visiteurs', 'fr')).toEqual(['1000'])
  })

  it('counts the articles and pronouns for 1 only before a multiplier', () => {
    expect(shown('un homme, une fois, l’un des pays, un million', 'fr')).toEqual(['1000000'])
    expect(shown('a man, one of them, once, a million', 'en')).toEqual(['1000000'])
    expect(shown('один из них, одна страна, один миллион', 'ru')).toEqual(['1000000'])
  })

  it('reads approximations in French as ranges, and vague plurals elsewhere as no number', () => {
    expect(shown('une vingtaine de blessés, des milliers de kilomètres, des dizaines de milliers', 'fr')).toEqual(['~10-30', '~2000-9999', '~20000-99999'])
    expect(shown('thousands of square kilometers, tens of thousands, hundreds', 'en')).toEqual([])
    expect(shown('тысячи квадратных километров', 'ru')).toEqual(['1000?'])
  })

  it('marks words that may or may not be numbers as optional', () => {
    expect(shown('un bâtiment neuf; dix-neuf', 'fr')).toEqual(['9?', '19'])
    expect(shown('both countries, twice', 'en')).toEqual(['2?', '2?'])
    expect(shown('обе страны, почти вдвое', 'ru')).toEqual(['2?', '2?'])
  })

  it('reads "pour cent" as a percent sign, not a hundred', () => {
    expect(shown('3,2 pour cent', 'fr')).toEqual(['3.2'])
  })
})

describe('properties: any number reads back the same, however it is written', () => {
  const integers = fc.integer({min: 2, max: 999_999})
  const group = (value: number, separator: string) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, separator)

  it('digits in every convention', () => {
    fc.assert(
      fc.property(integers, fc.constantFrom('.', ' ', '\u00a0', '\u202f'), (value, separator) => {
        expect(shown(`il y a ${group(value, separator)} personnes`, 'fr')).toEqual([String(value)])
        expect(shown(`there are ${group(value, ',')} people`, 'en')).toEqual([String(value)])
        expect(shown(`там ${new Intl.NumberFormat('ru').format(value)} человек`, 'ru')).toEqual([String(value)])
      })
    )
  })

  it('number words as n2words writes them', () => {
    fc.assert(
      fc.property(integers, (value) => {
        // `neuf` alone is also "new": optional by design.
        expect(shown(`il y a ${frenchCardinal(value)} personnes`, 'fr')).toEqual([value === 9 ? '9?' : String(value)])
        expect(shown(`there are ${englishCardinal(value)} people`, 'en')).toEqual([String(value)])
        expect(shown(`там ${russianCardinal(value)} человек`, 'ru')).toEqual([String(value)])
      })
    )
  })

  it('the French and its translation compare equal, in digits or words, and a changed figure does not', () => {
    fc.assert(
      fc.property(integers, fc.boolean(), fc.integer({min: 1, max: 9}), (value, words, change) => {
        const french = extractQuantities(`${group(value, '.')} personnes`, 'fr')
        const english = extractQuantities(`${words ? englishCardinal(value) : group(value, ',')} people`, 'en')
        expect(compareQuantities(french, english)).toMatchObject({missing: [], extra: []})
        const wrong = extractQuantities(`${group(value + change, ',')} people`, 'en')
        expect(compareQuantities(french, wrong).missing).toHaveLength(1)
      })
    )
  })
})

describe('comparing quantities', () => {
  const compare = (french: string, translation: string, lng: Language) => {
    const result = compareQuantities(extractQuantities(french, 'fr'), extractQuantities(translation, lng))
    return {missing: result.missing.map(show), extra: result.extra.map(show), tolerated: result.tolerated.map(show)}
  }

  it('matches a date with its day number when one side leaves the month out', () => {
    expect(compare('le 21', 'on September 21', 'en')).toEqual({missing: [], extra: [], tolerated: []})
    expect(compare('le 21 septembre', 'on October 21', 'en')).toEqual({missing: ['9/21'], extra: ['10/21'], tolerated: []})
  })

  it('matches times across 12- and 24-hour clocks', () => {
    expect(compare('à 15h30', 'at 3:30 p.m.', 'en')).toEqual({missing: [], extra: [], tolerated: []})
    expect(compare('à 15h30', 'at 3:30', 'en')).toEqual({missing: [], extra: [], tolerated: []})
    expect(compare('à 15h30', 'at 4:30 p.m.', 'en').missing).toEqual(['15:30'])
  })

  it('tolerates translation numbers inside a French approximation, and optional words', () => {
    expect(compare('une vingtaine de blessés', 'about 20 wounded', 'en')).toEqual({missing: [], extra: [], tolerated: ['20']})
    expect(compare('une vingtaine de blessés', 'about 50 wounded', 'en')).toEqual({missing: [], extra: ['50'], tolerated: []})
    expect(compare('les deux pays', 'both countries', 'en')).toEqual({missing: [], extra: [], tolerated: []})
    expect(compare('Il a dit oui', 'He said yes twice', 'en')).toEqual({missing: [], extra: [], tolerated: []})
  })

  it('formats what it expected as the target language writes it', () => {
    const [value] = extractQuantities('10.000', 'fr')
    expect(formatQuantity(value!, 'en')).toBe('10,000')
    expect(formatQuantity(value!, 'ru')).toBe('10 000')
    const [date] = extractQuantities('21 septembre', 'fr')
    expect(formatQuantity(date!, 'en')).toBe('September 21')
    expect(formatQuantity(date!, 'ru')).toBe('21 сентября')
  })
})
