import {findForm, type GlossaryTerm} from '../glossary/term.js'
import type {Finding, Pair} from '../pair.js'
import {words} from '../words.js'

/**
 * `glossary-term`: when the French has a term of the glossary (as whole
 * words, in any case of letters and with or without accents), the
 * translation has one of its forms: English by Snowball stem (`Putin’s`),
 * Russian in any grammatical case (`Путина`, `Путиным`).
 */
export function glossaryTerm(pair: Pair, terms: readonly GlossaryTerm[]): Finding[] {
  const french = words(pair.french.text, 'fr')
  const translation = words(pair.translation.text, pair.lng)
  const findings: Finding[] = []
  for (const term of terms) {
    const found = term.fr.find((form) => findForm(french, form, 'fr'))
    if (found === undefined) continue
    const forms = term[pair.lng]
    if (forms.some((form) => findForm(translation, form, pair.lng))) continue
    const expected = forms.map((form) => `\`${form}\``).join(' or ')
    findings.push({
      ruleId: 'glossary-term',
      reason: `Unexpected translation of \`${found}\` without ${expected}, expected the glossary's ${pair.lng === 'ru' ? 'form (in any case)' : 'form'}`
    })
  }
  return findings
}
