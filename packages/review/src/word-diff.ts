import {diffArrays, diffWords} from 'diff'

export interface DiffPart {
  value: string
  added?: boolean
  removed?: boolean
}

// ICU word boundaries keep a number such as `98.000` or `10 000` whole (jsdiff's own tokenizer splits it at the dot).
const words = new Intl.Segmenter('fr', {granularity: 'word'})

/**
 * Word-level diff, whitespace kept, so that the parts join back into either
 * text: the unchanged and removed parts give `before`, the unchanged and
 * added ones `after`. jsdiff's `diffWords` gives the most readable parts,
 * but its whitespace handling sometimes moves a space out of one side
 * (`Kazakhstan fled` shown as `Kazakhstanfled`); then the diff is made
 * again over ICU word tokens, which always join back.
 */
export function wordDiff(before: string, after: string): DiffPart[] {
  const parts = diffWords(before, after, {intlSegmenter: words}).map(part)
  if (side(parts, 'removed') === before && side(parts, 'added') === after) return parts
  return tokenDiff(before, after)
}

function part(value: {value: string; added?: boolean; removed?: boolean}): DiffPart {
  return {value: value.value, ...(value.added ? {added: true} : {}), ...(value.removed ? {removed: true} : {})}
}

/** The text one side of a diff reads. */
function side(parts: readonly DiffPart[], kept: 'removed' | 'added'): string {
  return parts.map((each) => (each.added && kept === 'removed') || (each.removed && kept === 'added') ? '' : each.value).join('')
}

/** A diff of word tokens; a space between two changes joins them into one change on each side. */
function tokenDiff(before: string, after: string): DiffPart[] {
  const tokens = (text: string) => [...words.segment(text)].map((segment) => segment.segment)
  const out: DiffPart[] = []
  let removed = ''
  let added = ''
  const flush = () => {
    if (removed) out.push({value: removed, removed: true})
    if (added) out.push({value: added, added: true})
    removed = ''
    added = ''
  }
  const changes = diffArrays(tokens(before), tokens(after))
  changes.forEach((change, index) => {
    const value = change.value.join('')
    if (change.removed) removed += value
    else if (change.added) added += value
    else if (/^\s+$/.test(value) && (removed || added) && changes[index + 1] && (changes[index + 1]!.added || changes[index + 1]!.removed)) {
      removed += value
      added += value
    } else {
      flush()
      out.push({value})
    }
  })
  flush()
  return out
}

/** A diff for a terminal or a log: `[-removed-]{+added+}`. */
export function formatWordDiff(parts: readonly DiffPart[]): string {
  return parts.map((each) => (each.removed ? `[-${each.value}-]` : each.added ? `{+${each.value}+}` : each.value)).join('')
}
