import type {Quantity} from './quantity.js'

export interface QuantityComparison {
  /** Quantities of the French that the translation does not have. */
  missing: Quantity[]
  /** Quantities of the translation that the French does not have. */
  extra: Quantity[]
  /** Quantities of the translation that only an approximate or optional French quantity accounts for. */
  tolerated: Quantity[]
}

/** Whether two quantities say the same: same value, whatever their writing. */
export function sameQuantity(a: Quantity, b: Quantity): boolean {
  if (a.kind === 'number' && b.kind === 'number') return Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value))
  if (a.kind === 'date' && b.kind === 'date') return a.month === b.month && a.day === b.day
  if (a.kind === 'time' && b.kind === 'time') return a.minutes === b.minutes || ((!a.meridiem || !b.meridiem) && a.minutes % 720 === b.minutes % 720)
  return false
}

/** A date and its day number agree when one side leaves the month out ("le 21" and "on September 21"). */
function sameDay(a: Quantity, b: Quantity): boolean {
  if (a.kind === 'date' && b.kind === 'number') return a.day === b.value
  if (a.kind === 'number' && b.kind === 'date') return a.value === b.day
  return false
}

/**
 * Match the quantities of the French with those of a translation. Every
 * exact French quantity must be found once; a translation quantity that
 * none accounts for is extra, unless it falls in a French approximation
 * (`une vingtaine` tolerates 20) or matches an optional one (`neuf`, also
 * "new"). Optional translation quantities (`both`, `оба`) may match and
 * are never extra.
 */
export function compareQuantities(french: readonly Quantity[], translation: readonly Quantity[]): QuantityComparison {
  const required = french.filter((quantity) => quantity.kind !== 'approximate' && !(quantity.kind === 'number' && quantity.optional))
  const optional = french.filter((quantity) => quantity.kind === 'number' && quantity.optional)
  const approximations = french.filter((quantity) => quantity.kind === 'approximate')
  const left = [...translation.filter((quantity) => quantity.kind !== 'approximate')]
  const missing: Quantity[] = []
  const unmatched: Quantity[] = []
  for (const quantity of required) {
    const index = left.findIndex((candidate) => sameQuantity(quantity, candidate))
    if (index === -1) unmatched.push(quantity)
    else left.splice(index, 1)
  }
  for (const quantity of unmatched) {
    const index = left.findIndex((candidate) => sameDay(quantity, candidate))
    if (index === -1) missing.push(quantity)
    else left.splice(index, 1)
  }
  const extra: Quantity[] = []
  const tolerated: Quantity[] = []
  const optionalLeft = [...optional]
  for (const quantity of left) {
    if (quantity.kind === 'number' && quantity.optional) continue
    const index = optionalLeft.findIndex((candidate) => sameQuantity(candidate, quantity))
    if (index !== -1) {
      optionalLeft.splice(index, 1)
      tolerated.push(quantity)
    } else if (quantity.kind === 'number' && approximations.some((range) => range.kind === 'approximate' && quantity.value >= range.min && quantity.value <= range.max)) {
      tolerated.push(quantity)
    } else {
      extra.push(quantity)
    }
  }
  return {missing, extra, tolerated}
}

/** Whether two lists hold the same quantities, in any order. */
export function sameQuantities(a: readonly Quantity[], b: readonly Quantity[]): boolean {
  if (a.length !== b.length) return false
  const left = [...b]
  for (const quantity of a) {
    const index = left.findIndex((candidate) => sameQuantity(quantity, candidate))
    if (index === -1) return false
    left.splice(index, 1)
  }
  return true
}
