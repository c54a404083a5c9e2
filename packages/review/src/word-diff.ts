import {diffWords} from 'diff'

export interface DiffPart {
  value: string
  added?: boolean
  removed?: boolean
}

// ICU word boundaries keep a number such as `98.000` or `10 000` whole (jsdiff's own tokenizer splits it at the dot).
const words = new Intl.Segmenter('fr', {granularity: 'word'})

/** Word-level diff (jsdiff), whitespace kept, so the parts join back into either text. */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after, {intlSegmenter: words}).map((part) => ({value: part.value, ...(part.added ? {added: true} : {}), ...(part.removed ? {removed: true} : {})}))
}

/** A diff for a terminal or a log: `[-removed-]{+added+}`. */
export function formatWordDiff(parts: readonly DiffPart[]): string {
  return parts.map((part) => (part.removed ? `[-${part.value}-]` : part.added ? `{+${part.value}+}` : part.value)).join('')
}
