// The quadratic matching of commit 01b10f1, kept as the oracle the linear one must agree with.
import {createHash} from 'node:crypto'
import type {SegmentMap, SegmentMapBlock} from '../src/types.js'

/** A block of the current text, before IDs: its sentences' plain text. */
export interface TextBlock {
  sentences: string[]
}

/** How similar an edited sentence must stay to keep its ID. */
const minimumSimilarity = 0.6
/** Bonus for a candidate sitting where the edited sentence sits (between the same matched neighbours). */
const inPlaceBonus = 0.2

/**
 * Give every block and sentence of `blocks` a stable ID, reusing the IDs of
 * `previous` (the committed segment map):
 *
 * 1. a sentence whose text is unchanged keeps its ID, wherever it moved
 *    (copies of a repeated sentence keep theirs by position);
 * 2. an edited sentence keeps the ID of the most similar unmatched old
 *    sentence (character-trigram Dice similarity, with a bonus for the old
 *    sentence that sat between the same neighbours), if similar enough;
 * 3. any other sentence gets a new ID derived from its text.
 *
 * A block keeps the ID of the old block most of its sentences come from.
 * New IDs never reuse an ID of `previous`, so a deleted sentence's
 * translation cannot attach to another sentence.
 */
export function assignStableIds(blocks: TextBlock[], previous?: SegmentMap): SegmentMap {
  const old = (previous?.blocks ?? []).flatMap((block) =>
    block.sentences.map((sentence) => ({...sentence, block: block.id}))
  )
  const current = blocks.flatMap((block, blockIndex) => block.sentences.map((text) => ({text, blockIndex})))
  const matchOf: Array<number | undefined> = Array.from({length: current.length})
  const oldTaken = new Set<number>()

  // 1. Exact text. A text found once on each side is matched first; the copies
  //    of a repeated text then go to the old copies nearest where those anchors
  //    put them, so editing one copy does not move the other copy's ID.
  const oldByText = groupByText(old)
  const currentByText = groupByText(current)
  current.forEach((sentence, index) => {
    const candidates = oldByText.get(sentence.text)
    if (candidates?.length === 1 && currentByText.get(sentence.text)!.length === 1) {
      matchOf[index] = candidates[0]!
      oldTaken.add(candidates[0]!)
    }
  })
  const copies: Array<{distance: number; current: number; old: number}> = []
  current.forEach((sentence, index) => {
    const candidates = oldByText.get(sentence.text)
    if (matchOf[index] !== undefined || !candidates) return
    const expected = expectedOldIndex(matchOf, index)
    for (const oldIndex of candidates) {
      if (!oldTaken.has(oldIndex)) copies.push({distance: Math.abs(oldIndex - expected), current: index, old: oldIndex})
    }
  })
  copies.sort((a, b) => a.distance - b.distance || a.current - b.current || a.old - b.old)
  for (const pair of copies) {
    if (matchOf[pair.current] !== undefined || oldTaken.has(pair.old)) continue
    matchOf[pair.current] = pair.old
    oldTaken.add(pair.old)
  }

  // 2. Fuzzy: best pairs first, so the closest edit wins. Trigrams only for
  //    what is left unmatched: usually nothing, or the one edited sentence.
  const pairs: Array<{score: number; current: number; old: number}> = []
  const oldLeft = old.flatMap((sentence, oldIndex) => (oldTaken.has(oldIndex) ? [] : [{oldIndex, grams: trigrams(sentence.text)}]))
  if (oldLeft.length > 0) {
    current.forEach((sentence, index) => {
      if (matchOf[index] !== undefined) return
      const grams = trigrams(sentence.text)
      const [low, high] = neighbourSlot(matchOf, index, old.length)
      for (const candidate of oldLeft) {
        const inPlace = candidate.oldIndex > low && candidate.oldIndex < high
        const score = dice(grams, candidate.grams) + (inPlace ? inPlaceBonus : 0)
        if (score >= minimumSimilarity) pairs.push({score, current: index, old: candidate.oldIndex})
      }
    })
  }
  pairs.sort((a, b) => b.score - a.score || a.current - b.current || a.old - b.old)
  for (const pair of pairs) {
    if (matchOf[pair.current] !== undefined || oldTaken.has(pair.old)) continue
    matchOf[pair.current] = pair.old
    oldTaken.add(pair.old)
  }

  // 3. New IDs, never one the previous map or this one already uses.
  const used = new Set<string>([...old.map((sentence) => sentence.id), ...(previous?.blocks ?? []).map((block) => block.id)])
  const sentenceIds = current.map((sentence, index) => {
    const match = matchOf[index]
    return match === undefined ? undefined : old[match]!.id
  })
  current.forEach((sentence, index) => {
    if (sentenceIds[index] === undefined) sentenceIds[index] = freshId('s', sentence.text, used)
  })

  const blockIdsTaken = new Set<string>()
  const result: SegmentMapBlock[] = blocks.map((block, blockIndex) => {
    const members = current.flatMap((sentence, index) => (sentence.blockIndex === blockIndex ? [index] : []))
    const votes = new Map<string, number>()
    for (const index of members) {
      const match = matchOf[index]
      if (match === undefined) continue
      const oldBlock = old[match]!.block
      votes.set(oldBlock, (votes.get(oldBlock) ?? 0) + 1)
    }
    let id: string | undefined
    let best = 0
    for (const [candidate, count] of votes) {
      if (count > best && !blockIdsTaken.has(candidate)) {
        id = candidate
        best = count
      }
    }
    id ??= freshId('p', block.sentences.join(' '), used)
    blockIdsTaken.add(id)
    return {id, sentences: members.map((index) => ({id: sentenceIds[index]!, text: current[index]!.text}))}
  })
  return {blocks: result}
}

function groupByText(sentences: Array<{text: string}>): Map<string, number[]> {
  const groups = new Map<string, number[]>()
  sentences.forEach((sentence, index) => {
    const list = groups.get(sentence.text)
    if (list) list.push(index)
    else groups.set(sentence.text, [index])
  })
  return groups
}

/** Where an unmatched sentence would sit in the old list, going by its nearest matched neighbour. */
function expectedOldIndex(matchOf: Array<number | undefined>, index: number): number {
  for (let distance = 1; distance < matchOf.length; distance++) {
    const before = matchOf[index - distance]
    if (before !== undefined) return before + distance
    const after = matchOf[index + distance]
    if (after !== undefined) return after - distance
  }
  return index
}

/** The old indices between which an unmatched sentence sits, given its matched neighbours. */
function neighbourSlot(matchOf: Array<number | undefined>, index: number, oldLength: number): [number, number] {
  let low = -1
  for (let before = index - 1; before >= 0; before--) {
    const match = matchOf[before]
    if (match !== undefined) {
      low = match
      break
    }
  }
  let high = oldLength
  for (let after = index + 1; after < matchOf.length; after++) {
    const match = matchOf[after]
    if (match !== undefined) {
      high = match
      break
    }
  }
  return [low, high]
}

/**
 * An ID from the text's SHA-256: `s-` or `p-` and 6 hex digits, longer when
 * taken. Hex digits and `-` keep it a valid i18next key (no `.` or `:`),
 * HTML id and CSS identifier.
 */
function freshId(prefix: 's' | 'p', text: string, used: Set<string>): string {
  const hash = createHash('sha256').update(text).digest('hex')
  for (let length = 6; length <= hash.length; length += 2) {
    const id = `${prefix}-${hash.slice(0, length)}`
    if (!used.has(id)) {
      used.add(id)
      return id
    }
  }
  // Only an identical text seen more than 29 times gets here.
  let counter = 2
  while (used.has(`${prefix}-${hash.slice(0, 6)}-${counter}`)) counter++
  const id = `${prefix}-${hash.slice(0, 6)}-${counter}`
  used.add(id)
  return id
}

function trigrams(text: string): Map<string, number> {
  const normalized = ` ${text.toLowerCase().replace(/\s+/g, ' ')} `
  const grams = new Map<string, number>()
  for (let index = 0; index + 3 <= normalized.length; index++) {
    const gram = normalized.slice(index, index + 3)
    grams.set(gram, (grams.get(gram) ?? 0) + 1)
  }
  return grams
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0
  let total = 0
  for (const count of a.values()) total += count
  for (const count of b.values()) total += count
  for (const [gram, count] of a) shared += Math.min(count, b.get(gram) ?? 0)
  return total === 0 ? 0 : (2 * shared) / total
}
