import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {wordDiff} from '../src/index.js'

const words = fc.constantFrom('le', 'Russes', '10.000', '98\u00a0000', 'Казахстан', 'бежали', ',', '.', '«', '»', '“', '”', ' ', '  ', '\u00a0', '\n')
const texts = fc.array(words, {maxLength: 20}).map((parts) => parts.join(''))

describe('word diff', () => {
  it('joins back into both texts, whitespace included (property)', () => {
    fc.assert(
      fc.property(texts, texts, (before, after) => {
        const parts = wordDiff(before, after)
        expect(parts.filter((part) => !part.added).map((part) => part.value).join('')).toBe(before)
        expect(parts.filter((part) => !part.removed).map((part) => part.value).join('')).toBe(after)
      }),
      {numRuns: 2000}
    )
  })

  it('keeps a space jsdiff moves out of one side', () => {
    const parts = wordDiff('Only to Kazakhstan fled men.', 'Only to Kazakhstan, and elsewhere, fled men.')
    expect(parts.filter((part) => !part.added).map((part) => part.value).join('')).toBe('Only to Kazakhstan fled men.')
  })
})
