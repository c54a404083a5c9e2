import {defineRule, type Finding, type Pair} from '../rule.js'

type FinalMark = '.' | '?' | '!' | '…' | ':' | ';' | 'none'

const closing = /[\s»”“"’')\]*_]+$/u

/** The mark that ends a sentence, past closing quotation marks and brackets: `pourquoi ?”` ends with `?`. */
export function finalMark(text: string): FinalMark {
  const bare = text.replace(closing, '')
  if (bare.endsWith('...') || bare.endsWith('…')) return '…'
  const last = bare.at(-1)
  return last === '.' || last === '?' || last === '!' || last === ':' || last === ';' ? last : 'none'
}

const shown = (mark: FinalMark) => (mark === 'none' ? 'no final mark' : `final \`${mark}\``)

/** `end-punctuation`: the translation ends with the mark the French ends with (a question stays a question). */
export const endPunctuation = defineRule({
  id: 'end-punctuation',
  severity: 'warning',
  summary: 'the sentence-final mark differs from the French',
  scope: 'unit',
  check: checkEndPunctuation
})

function checkEndPunctuation(pair: Pair): Finding[] {
  const french = finalMark(pair.french.text)
  const translation = finalMark(pair.translation.text)
  if (french === translation) return []
  const value = pair.translation.value
  const bare = value.replace(closing, '')
  const start = translation === 'none' ? bare.length : translation === '…' && bare.endsWith('...') ? bare.length - 3 : bare.length - 1
  return [
    {
      reason: `Unexpected ${shown(translation)}, expected ${french === 'none' ? 'none' : `\`${french}\``} as in the French`,
      at: {start, end: Math.max(start + 1, bare.length)}
    }
  ]
}
