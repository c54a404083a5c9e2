import type {SegmentMap} from './types.js'

/** What changed between two segment maps of one article. */
export interface SegmentMapDiff {
  /** Same ID, new text: the translation is kept and must be looked at again. */
  edited: Array<{id: string; before: string; after: string}>
  /** IDs only in the new map. */
  added: string[]
  /** IDs only in the old map: their translations are orphaned. */
  removed: string[]
  /** Same ID, now in another block. */
  moved: string[]
}

export function diffSegmentMaps(before: SegmentMap | undefined, after: SegmentMap): SegmentMapDiff {
  const flatten = (map: SegmentMap | undefined) =>
    new Map((map?.blocks ?? []).flatMap((block) => block.sentences.map((sentence) => [sentence.id, {text: sentence.text, block: block.id}] as const)))
  const old = flatten(before)
  const now = flatten(after)
  const diff: SegmentMapDiff = {edited: [], added: [], removed: [], moved: []}
  for (const [id, sentence] of now) {
    const previous = old.get(id)
    if (!previous) {
      diff.added.push(id)
      continue
    }
    if (previous.text !== sentence.text) diff.edited.push({id, before: previous.text, after: sentence.text})
    if (previous.block !== sentence.block) diff.moved.push(id)
  }
  for (const id of old.keys()) if (!now.has(id)) diff.removed.push(id)
  return diff
}
