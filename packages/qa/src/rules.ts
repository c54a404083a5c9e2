import type {Rule, Severity} from './rule.js'
import {crossLanguage} from './rules/cross-language.js'
import {endPunctuation} from './rules/end-punctuation.js'
import {invalidGlossary} from './rules/glossary-file.js'
import {glossaryTerm} from './rules/glossary-term.js'
import {inconsistentTranslation} from './rules/inconsistent-translation.js'
import {lengthRatio} from './rules/length-ratio.js'
import {markupParity} from './rules/markup-parity.js'
import {numberMismatch} from './rules/number-mismatch.js'
import {emptyTranslation, invalidUnit, missingTranslation, orphanTranslation, unitSegments} from './rules/presence.js'
import {quoteBalance, quoteStyle} from './rules/quotes.js'
import {untranslated} from './rules/untranslated.js'
import {whitespace} from './rules/whitespace.js'

/** Every rule, in the order they are documented. */
const registered = [
  missingTranslation,
  emptyTranslation,
  orphanTranslation,
  invalidUnit,
  unitSegments,
  untranslated,
  numberMismatch,
  glossaryTerm,
  quoteBalance,
  quoteStyle,
  endPunctuation,
  markupParity,
  lengthRatio,
  whitespace,
  inconsistentTranslation,
  crossLanguage,
  invalidGlossary
] as const

export type RuleId = (typeof registered)[number]['id']

/** Rule ID → rule: severity, summary, scope, documentation. */
export const rules = Object.fromEntries(registered.map((rule) => [rule.id, rule])) as {readonly [Id in RuleId]: Rule<Id>}

export const ruleIds: RuleId[] = registered.map((rule) => rule.id)

/** A rule's severity and summary, as listed in the documentation. */
export type RuleInfo = Pick<Rule, 'severity' | 'summary'>
export type {Severity}

export function isRuleId(value: string): value is RuleId {
  return Object.hasOwn(rules, value)
}

/** The unit rules, in the order a pair is checked. */
export const unitRules = registered.flatMap((rule) => (rule.scope === 'unit' ? [rule] : []))
export const bitextRules = registered.flatMap((rule) => (rule.scope === 'bitext' ? [rule] : []))
export const corpusRules = registered.flatMap((rule) => (rule.scope === 'corpus' ? [rule] : []))
