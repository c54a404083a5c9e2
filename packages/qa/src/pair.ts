import type {TargetLanguage} from '@briefs/corpus'
import type {PhrasingContent} from 'mdast'
import type {RuleId} from './rules.js'
import type {ParsedTranslation} from './translation.js'

/** A French segment as the checks see it. */
export interface FrenchSegment {
  id: string
  /** Plain text (inline code left out). */
  text: string
  /** Its inline Markdown content (the title has none). */
  nodes: PhrasingContent[]
}

/** A French segment and its translation into one language. */
export interface Pair {
  lng: TargetLanguage
  french: FrenchSegment
  translation: ParsedTranslation
}

/** What a check found, before it becomes a vfile message. */
export interface Finding {
  ruleId: RuleId
  /** "Unexpected X, expected Y". */
  reason: string
  /** Characters of the translation as written (its `value`) the finding is about; the whole value when absent. */
  at?: {start: number; end: number} | undefined
}
