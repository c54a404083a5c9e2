import type {TargetLanguage} from '@briefs/corpus'
import {languageNames} from '../language.js'
import {sameQuantities, type QuantityComparison} from '../numbers/compare.js'
import {formatQuantity} from '../numbers/format.js'
import type {Quantity} from '../numbers/quantity.js'
import type {Finding} from '../pair.js'

/**
 * `cross-language`: the English and the Russian of one segment agree on the
 * numbers that the French leaves open. Where the French gives a figure,
 * `number-mismatch` holds each translation to it; where it gives an
 * approximation (`une vingtaine`, `des milliers`) or an ambiguous word
 * (`neuf`), each translation may render it its own way, but both must
 * render it alike. Only segments where both translations match the French
 * are compared, so one fault is never reported twice.
 */
export function crossLanguage(comparisons: ReadonlyMap<TargetLanguage, QuantityComparison>): Map<TargetLanguage, Finding> {
  const findings = new Map<TargetLanguage, Finding>()
  const english = comparisons.get('en')
  const russian = comparisons.get('ru')
  if (!english || !russian || sameQuantities(english.tolerated, russian.tolerated)) return findings
  const shown = (quantities: readonly Quantity[], lng: TargetLanguage) => (quantities.length === 0 ? 'no number' : quantities.map((quantity) => (quantity.raw === formatQuantity(quantity, lng) ? `\`${quantity.raw}\`` : `\`${quantity.raw}\` (${formatQuantity(quantity, lng)})`)).join(', '))
  for (const [lng, other] of [['en', 'ru'], ['ru', 'en']] as const) {
    findings.set(lng, {
      ruleId: 'cross-language',
      reason: `Unexpected ${shown(comparisons.get(lng)!.tolerated, lng)} in the ${languageNames[lng]}, expected what the ${languageNames[other]} has for the French's approximation: ${shown(comparisons.get(other)!.tolerated, other)}`
    })
  }
  return findings
}
