import type {GlossaryTerm} from './glossary/term.js'
import type {QuantityComparison} from './numbers/compare.js'
import type {Finding, Pair} from './pair.js'
import {endPunctuation} from './rules/end-punctuation.js'
import {glossaryTerm} from './rules/glossary-term.js'
import {markupParity} from './rules/markup-parity.js'
import {numberMismatch} from './rules/number-mismatch.js'
import {quoteBalance, quoteStyle} from './rules/quotes.js'
import {untranslated} from './rules/untranslated.js'
import {whitespace} from './rules/whitespace.js'

export interface PairCheck {
  findings: Finding[]
  /** How the numbers matched, when they all did (what `cross-language` compares); absent otherwise. */
  numbers: QuantityComparison | undefined
  /** Whether the translation is the French or French text: then no other check ran. */
  untranslated: boolean
}

/**
 * The checks of one pair on its own (every rule but the presence and
 * corpus-wide ones). An untranslated translation is reported alone: copied
 * French would set off every other check.
 */
export function checkPair(pair: Pair, glossary: readonly GlossaryTerm[]): PairCheck {
  const copied = untranslated(pair)
  if (copied.length > 0) return {findings: copied, numbers: undefined, untranslated: true}
  const numbers = numberMismatch(pair)
  return {
    findings: [
      ...numbers.findings,
      ...glossaryTerm(pair, glossary),
      ...quoteBalance(pair),
      ...quoteStyle(pair),
      ...endPunctuation(pair),
      ...markupParity(pair),
      ...whitespace(pair)
    ],
    numbers: numbers.findings.length === 0 ? numbers.comparison : undefined,
    untranslated: false
  }
}
