import {languageProfile, sourceLanguage, words} from '@briefs/languages'
import {findForm} from '../glossary/term.js'
import {defineRule, type Finding, type Pair, type UnitContext} from '../rule.js'

/**
 * `glossary-term`: when the French has a term of the glossary (as whole
 * words, in any case of letters and with or without accents), the
 * translation has one of its forms, as the language inflects it: English
 * by Snowball stem (`Putin’s`), Russian in any grammatical case (`Путина`,
 * `Путиным`). A term without forms in the language is not checked there.
 */
export const glossaryTerm = defineRule({
  id: 'glossary-term',
  severity: 'error',
  summary: 'the French has a glossary term and the translation lacks its form',
  scope: 'unit',
  check: checkGlossaryTerm
})

function checkGlossaryTerm(pair: Pair, {glossary}: UnitContext): Finding[] {
  const french = words(pair.french.text, sourceLanguage)
  const target = languageProfile(pair.lng)
  const translation = words(pair.translation.text, target)
  const findings: Finding[] = []
  for (const term of glossary) {
    const forms = term.forms.get(pair.lng)
    if (!forms) continue
    const found = term.fr.find((form) => findForm(french, form, sourceLanguage))
    if (found === undefined) continue
    if (forms.some((form) => findForm(translation, form, pair.lng))) continue
    const expected = forms.map((form) => `\`${form}\``).join(' or ')
    findings.push({
      reason: `Unexpected translation of \`${found}\` without ${expected}, expected the glossary's ${target.inflection === 'declension' ? 'form (in any case)' : 'form'}`
    })
  }
  return findings
}
