import {compareQuantities, type QuantityComparison} from '../numbers/compare.js'
import {extractQuantities} from '../numbers/extract.js'
import {formatQuantity} from '../numbers/format.js'
import type {Quantity} from '../numbers/quantity.js'
import type {Finding, Pair} from '../pair.js'

/**
 * `number-mismatch`: every quantity of the French is in the translation
 * with the same value, whatever its writing, and the translation has no
 * quantity the French does not. A changed figure is one finding (the
 * translation's figure where the French one was expected).
 */
export function numberMismatch(pair: Pair): {findings: Finding[]; comparison: QuantityComparison} {
  const comparison = compareQuantities(extractQuantities(pair.french.text, 'fr'), extractQuantities(pair.translation.text, pair.lng))
  const {missing, extra} = comparison
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
        ruleId: 'number-mismatch',
        reason: `Unexpected \`${found.raw}\` in the translation, expected ${formatQuantity(expected, pair.lng)} (\`${expected.raw}\` in the French)`,
        at: at(found)
      })
    } else if (expected) {
      findings.push({
        ruleId: 'number-mismatch',
        reason: `Unexpected translation without ${formatQuantity(expected, pair.lng)}, expected every number of the French (\`${expected.raw}\`)`
      })
    } else if (found) {
      findings.push({
        ruleId: 'number-mismatch',
        reason: `Unexpected \`${found.raw}\` in the translation, expected only the numbers of the French (it has no ${formatQuantity(found, pair.lng)})`,
        at: at(found)
      })
    }
  }
  return {findings, comparison}
}
