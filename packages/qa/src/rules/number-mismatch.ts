import {sourceLanguage} from '@briefs/languages'
import {compareQuantities, type QuantityComparison} from '../numbers/compare.js'
import {extractQuantities} from '../numbers/extract.js'
import {formatQuantity} from '../numbers/format.js'
import type {Quantity} from '../numbers/quantity.js'
import {defineRule, type Finding, type Pair} from '../rule.js'

/**
 * `number-mismatch`: every quantity of the French is in the translation
 * with the same value, whatever its writing, and the translation has no
 * quantity the French does not. A changed figure is one finding (the
 * translation's figure where the French one was expected).
 */
export const numberMismatch = defineRule({
  id: 'number-mismatch',
  severity: 'error',
  summary: 'a number of the French is missing from the translation, or the translation has one the French does not',
  scope: 'unit',
  check: checkNumbers
})

const comparisons = new WeakMap<Pair, QuantityComparison>()

/** How the quantities of a pair match, computed once per pair (`cross-language` compares them too). */
export function numberComparison(pair: Pair): QuantityComparison {
  let comparison = comparisons.get(pair)
  if (!comparison) {
    comparison = compareQuantities(extractQuantities(pair.french.text, sourceLanguage), extractQuantities(pair.translation.text, pair.lng))
    comparisons.set(pair, comparison)
  }
  return comparison
}

function checkNumbers(pair: Pair): Finding[] {
  const {missing, extra} = numberComparison(pair)
  const findings: Finding[] = []
  const at = (quantity: Quantity) => {
    const start = pair.translation.value.indexOf(quantity.raw)
    return start === -1 ? undefined : {start, end: start + quantity.raw.length}
  }
  for (let index = 0; index < Math.max(missing.length, extra.length); index++) {
    const expected = missing[index]
    const found = extra[index]
    if (expected && found) {
      findings.push({
        reason: `Unexpected \`${found.raw}\` in the translation, expected ${formatQuantity(expected, pair.lng)} (\`${expected.raw}\` in the French)`,
        at: at(found)
      })
    } else if (expected) {
      findings.push({
        reason: `Unexpected translation without ${formatQuantity(expected, pair.lng)}, expected every number of the French (\`${expected.raw}\`)`
      })
    } else if (found) {
      findings.push({
        reason: `Unexpected \`${found.raw}\` in the translation, expected only the numbers of the French (it has no ${formatQuantity(found, pair.lng)})`,
        at: at(found)
      })
    }
  }
  return findings
}
