/** How sure a rule is: an error is surely wrong, a warning is a heuristic worth a look. */
export type Severity = 'error' | 'warning'

export interface RuleInfo {
  severity: Severity
  /** What it reports, in a line. */
  summary: string
}

/** Every check, with its severity. */
export const rules = {
  'missing-translation': {severity: 'error', summary: 'a French segment has no translation'},
  'empty-translation': {severity: 'error', summary: 'a translation is empty or blank'},
  'orphan-translation': {severity: 'error', summary: 'a translation key matches no French segment'},
  untranslated: {severity: 'error', summary: 'the translation equals the French, or is still French'},
  'number-mismatch': {severity: 'error', summary: 'a number of the French is missing from the translation, or the translation has one the French does not'},
  'glossary-term': {severity: 'error', summary: 'the French has a glossary term and the translation lacks its form'},
  'quote-balance': {severity: 'error', summary: 'unbalanced quotation marks or brackets where the French is balanced'},
  'quote-style': {severity: 'warning', summary: 'quotation marks of another language (English “ ”, Russian « »)'},
  'end-punctuation': {severity: 'warning', summary: 'the sentence-final mark differs from the French'},
  'markup-parity': {severity: 'error', summary: 'links, emphasis, inline code or line breaks differ from the French'},
  'length-ratio': {severity: 'warning', summary: 'far longer or shorter than usual for the language pair in this corpus'},
  whitespace: {severity: 'warning', summary: 'doubled, leading or trailing spaces, or French spacing before punctuation'},
  'inconsistent-translation': {severity: 'warning', summary: 'the same French sentence is translated differently elsewhere'},
  'cross-language': {severity: 'warning', summary: 'the English and Russian translations disagree on numbers the French leaves open'},
  'invalid-glossary': {severity: 'error', summary: 'the glossary file is not valid'}
} as const satisfies Record<string, RuleInfo>

export type RuleId = keyof typeof rules

export const ruleIds = Object.keys(rules) as RuleId[]
