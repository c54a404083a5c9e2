import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {representable} from '../src/page.js'

/** What an HTML document may not hold: control characters but white space, and noncharacters (U+FDD0–U+FDEF, U+xFFFE and U+xFFFF of every plane). */
function expected(text: string): string {
  let out = ''
  for (const character of text) {
    const code = character.codePointAt(0)!
    const control = (code <= 0x1f && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || (code >= 0x7f && code <= 0x9f)
    const noncharacter = (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe
    out += control || noncharacter ? '\uFFFD' : character
  }
  return out
}

describe('representable', () => {
  it('replaces exactly the characters no HTML document may hold, quickly skipping text that has none', () => {
    // Near the edges: the noncharacters of every plane, their neighbours, controls, lone surrogates, ordinary text.
    const edges = fc.oneof(
      fc.integer({min: 0, max: 16}).chain((plane) => fc.integer({min: 0xfffc, max: 0xffff}).map((low) => String.fromCodePoint(plane * 0x10000 + low))),
      fc.integer({min: 0xfdc0, max: 0xfdff}).map((code) => String.fromCodePoint(code)),
      fc.integer({min: 0, max: 0xa0}).map((code) => String.fromCodePoint(code)),
      fc.constantFrom('\uDFFE', '\uDFFF', '\uD83F', 'é', '«', ' ', '<p>', '&amp;'),
      fc.string({unit: 'grapheme'})
    )
    fc.assert(
      fc.property(fc.array(edges, {maxLength: 20}), (parts) => {
        const text = parts.join('')
        expect(representable(text)).toBe(expected(text))
      }),
      {numRuns: 2000}
    )
  })
})
