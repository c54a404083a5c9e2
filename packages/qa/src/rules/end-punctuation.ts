import {languageProfile, sourceLanguage, type FinalMark, type LanguageProfile} from '@briefs/languages'
import {defineRule, type Finding, type Pair} from '../rule.js'

type Mark = FinalMark | 'none'

const closing = /[\s»”“"’')\]*_]+$/u

/**
 * What ends a sentence in a language, past closing quotation marks and
 * brackets (`pourquoi ?”` ends with a question), and how it is written
 * there: the longest of the language's marks the text ends with.
 */
export function finalMark(text: string, language: LanguageProfile): {mark: Mark; written: string} {
  const bare = text.replace(closing, '')
  let found: {mark: Mark; written: string} = {mark: 'none', written: ''}
  for (const [mark, glyphs] of Object.entries(language.finalMarks) as Array<[FinalMark, readonly string[]]>) {
    for (const glyph of glyphs) if (bare.endsWith(glyph) && glyph.length > found.written.length) found = {mark, written: glyph}
  }
  return found
}

const shown = (found: {mark: Mark}, language: LanguageProfile) => (found.mark === 'none' ? 'no final mark' : `final \`${language.finalMarks[found.mark][0]}\``)

/** `end-punctuation`: the translation ends with the mark the French ends with (a question stays a question). */
export const endPunctuation = defineRule({
  id: 'end-punctuation',
  severity: 'warning',
  summary: 'the sentence-final mark differs from the French',
  scope: 'unit',
  check: checkEndPunctuation
})

function checkEndPunctuation(pair: Pair): Finding[] {
  const source = languageProfile(sourceLanguage)
  const target = languageProfile(pair.lng)
  const french = finalMark(pair.french.text, source)
  const translation = finalMark(pair.translation.text, target)
  if (french.mark === translation.mark) return []
  const bare = pair.translation.value.replace(closing, '')
  const start = bare.length - translation.written.length
  return [
    {
      reason: `Unexpected ${shown(translation, target)}, expected ${french.mark === 'none' ? 'none' : `\`${target.finalMarks[french.mark][0]}\``} as in the French`,
      at: {start, end: Math.max(start + 1, bare.length)}
    }
  ]
}
