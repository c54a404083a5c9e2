import {languageProfile} from '@briefs/languages'
import {sameQuantities} from '../numbers/compare.js'
import {formatQuantity} from '../numbers/format.js'
import type {Quantity} from '../numbers/quantity.js'
import {defineRule, type CorpusSample, type Finding} from '../rule.js'
import {numberComparison} from './number-mismatch.js'

/**
 * `cross-language`: the translations of one unit agree on the numbers that
 * the French leaves open. Where the French gives a figure,
 * `number-mismatch` holds each translation to it; where it gives an
 * approximation (`une vingtaine`, `des milliers`) or an ambiguous word
 * (`neuf`), each translation may render it its own way, but all must
 * render it alike. Only units where every translation matches the French
 * are compared, so one fault is never reported twice; a language is told
 * about the first other language it disagrees with.
 */
export const crossLanguage = defineRule({
  id: 'cross-language',
  severity: 'warning',
  summary: 'translations into different languages disagree on numbers the French leaves open',
  scope: 'corpus',
  check: checkCrossLanguage
})

function checkCrossLanguage(samples: readonly CorpusSample[]): Map<number, Finding> {
  const groups = new Map<string, number[]>()
  samples.forEach((sample, index) => {
    const key = `${sample.article}\u0000${sample.pair.french.id}`
    const group = groups.get(key)
    if (group) group.push(index)
    else groups.set(key, [index])
  })
  const findings = new Map<number, Finding>()
  for (const indexes of groups.values()) {
    if (indexes.length < 2) continue
    // Compare only translations that stand on their own: a fault already reported is not reported twice.
    if (indexes.some((index) => samples[index]!.found.has('number-mismatch') || samples[index]!.found.has('untranslated'))) continue
    const tolerated = indexes.map((index) => numberComparison(samples[index]!.pair).tolerated)
    indexes.forEach((index, position) => {
      const other = indexes.findIndex((_, at) => !sameQuantities(tolerated[position]!, tolerated[at]!))
      if (other === -1) return
      const lng = samples[index]!.lng
      const otherLng = samples[indexes[other]!]!.lng
      findings.set(index, {
        reason: `Unexpected ${shown(tolerated[position]!, lng)} in the ${languageProfile(lng).name}, expected what the ${languageProfile(otherLng).name} has for the French's approximation: ${shown(tolerated[other]!, otherLng)}`
      })
    })
  }
  return findings
}

function shown(quantities: readonly Quantity[], lng: CorpusSample['lng']): string {
  if (quantities.length === 0) return 'no number'
  return quantities.map((quantity) => (quantity.raw === formatQuantity(quantity, lng) ? `\`${quantity.raw}\`` : `\`${quantity.raw}\` (${formatQuantity(quantity, lng)})`)).join(', ')
}
