import type {Bitext, ParsedTranslation, TranslationUnit, UnitProblem} from '@briefs/bitext'
import type {RuleSetting, TargetLanguage} from '@briefs/corpus'
import type {PhrasingContent} from 'mdast'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {GlossaryTerm} from './glossary/term.js'

/** How sure a rule is: an error is surely wrong, a warning is a heuristic worth a look. */
export type Severity = 'error' | 'warning'

/** The French of a translation unit as the checks see it. */
export interface FrenchText {
  /** The unit's key. */
  id: string
  /** Plain text of its sentences (inline code left out), joined by spaces. */
  text: string
  /** Their inline Markdown content. */
  nodes: PhrasingContent[]
}

/** A translation unit's French and its translation into one language. */
export interface Pair {
  lng: TargetLanguage
  french: FrenchText
  translation: ParsedTranslation
}

/** What a check found, before it becomes a vfile message. */
export interface Finding {
  /** "Unexpected X, expected Y". */
  reason: string
  /** Characters of the translation as written (its `value`) the finding is about; the whole value when absent. */
  at?: {start: number; end: number} | undefined
}

/** What a `bitext` rule found: about a unit (at its translation, or where its key belongs) or about a resource entry (at its key). */
export type BitextFinding = Finding & ({unit: TranslationUnit; problem?: undefined} | {problem: UnitProblem; unit?: undefined})

/** A checked unit in the corpus, for rules that compare units with each other. */
export interface CorpusSample {
  lng: TargetLanguage
  article: string
  pair: Pair
  /** Where its translation stands (`corpus/locales/en/x.json:4:15`). */
  where: string
  /** The rules that found something in it on its own (`number-mismatch`…). */
  found: ReadonlySet<string>
}

export interface UnitContext {
  glossary: readonly GlossaryTerm[]
}

/** Where a rule looks: one unit's pair, one article's bitext, every unit of the corpus, or a file. */
export type RuleScope =
  | {scope: 'unit'; check(pair: Pair, context: UnitContext): Finding[]}
  | {scope: 'bitext'; check(bitext: Bitext): BitextFinding[]}
  | {scope: 'corpus'; check(samples: readonly CorpusSample[]): Map<number, Finding>}
  | {scope: 'file'}

export type RuleDefinition<Id extends string = string> = {
  id: Id
  severity: Severity
  /** What it reports, in a line. */
  summary: string
} & RuleScope

/** A rule as registered: its definition and the documentation its messages link to. */
export type Rule<Id extends string = string> = RuleDefinition<Id> & {
  /** Its documentation: the anchor of its section in the QA README. */
  url: string
}

/** Where every rule is documented, relative to the repository root. */
export const rulesDocumentation = 'packages/qa/README.md'

/**
 * A rule, like remark-lint's rule wrapper: its ID, severity and
 * documentation are set here once, so every message it gives carries the
 * same `ruleId`, `source`, `url` and severity.
 */
export function defineRule<const Id extends string>(definition: RuleDefinition<Id>): Rule<Id> {
  return {...definition, url: `${rulesDocumentation}#${definition.id}`}
}

/** The severity each rule has in a corpus: its own, or what `briefs.config.json` says. */
export type RuleSettings = ReadonlyMap<string, RuleSetting>

/** The setting of a rule in a corpus. */
export function settingOf(rule: Pick<Rule, 'id' | 'severity'>, settings: RuleSettings | undefined): RuleSetting {
  return settings?.get(rule.id) ?? rule.severity
}

/**
 * Report a rule's finding on a file: the one place a QA message is made.
 * Returns `undefined` when the corpus turned the rule off.
 */
export function reportFinding(file: VFile, rule: Rule, reason: string, place: VFileMessage['place'], settings?: RuleSettings): VFileMessage | undefined {
  if (settingOf(rule, settings) === 'off') return undefined
  const message = file.message(reason, {place, ruleId: rule.id, source: 'briefs'})
  applySetting(message, rule, settings)
  return message
}

/**
 * Give a message of a rule its documentation and its severity in the corpus
 * (an error does not stop the checks: unified's convention, fatal but not
 * thrown). Returns whether the message stays: `false` when the rule is off.
 */
export function applySetting(message: VFileMessage, rule: Rule, settings?: RuleSettings): boolean {
  const setting = settingOf(rule, settings)
  message.url = rule.url
  message.fatal = setting === 'error'
  return setting !== 'off'
}
