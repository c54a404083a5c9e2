import type {GlossaryTerm} from './glossary/term.js'
import type {Finding, Pair, Rule, RuleSettings} from './rule.js'
import {settingOf} from './rule.js'
import {untranslated} from './rules/untranslated.js'
import {unitRules} from './rules.js'

export interface PairCheck {
  /** What each rule found, in rule order. */
  findings: Array<{rule: Rule; finding: Finding}>
  /** Whether the translation is the French or French text: then no other check ran. */
  untranslated: boolean
}

/**
 * The checks of one pair on its own (every rule of `unit` scope). An
 * untranslated translation is reported alone: copied French would set off
 * every other check. Rules the corpus turned off do not run.
 */
export function checkPair(pair: Pair, glossary: readonly GlossaryTerm[], settings?: RuleSettings): PairCheck {
  const findings: PairCheck['findings'] = []
  for (const rule of unitRules) {
    if (settingOf(rule, settings) === 'off') continue
    for (const finding of rule.check(pair, {glossary})) findings.push({rule, finding})
    if (rule === untranslated && findings.length > 0) return {findings, untranslated: true}
  }
  return {findings, untranslated: false}
}
