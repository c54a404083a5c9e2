import {createHash} from 'node:crypto'
import type {SegmentMap, SegmentMapBlock} from './types.js'

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
  const expected = expectedOldIndices(matchOf)
  const copiesByText = new Map<string, number[]>()
  current.forEach((sentence, index) => {
    if (matchOf[index] !== undefined || !oldByText.has(sentence.text)) return
    const list = copiesByText.get(sentence.text)
    if (list) list.push(index)
    else copiesByText.set(sentence.text, [index])
  })
  for (const [text, currents] of copiesByText) {
    const olds = oldByText.get(text)!.filter((oldIndex) => !oldTaken.has(oldIndex))
    for (const [currentIndex, oldIndex] of nearestPairs(currents, olds, expected)) {
      matchOf[currentIndex] = oldIndex
      oldTaken.add(oldIndex)
    }
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
  const counters = new Map<string, number>()
  const used = new Set<string>([...old.map((sentence) => sentence.id), ...(previous?.blocks ?? []).map((block) => block.id)])
  const sentenceIds = current.map((sentence, index) => {
    const match = matchOf[index]
    return match === undefined ? undefined : old[match]!.id
  })
  current.forEach((sentence, index) => {
    if (sentenceIds[index] === undefined) sentenceIds[index] = freshId('s', sentence.text, used, counters)
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
    id ??= freshId('p', block.sentences.join(' '), used, counters)
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

/**
 * Where each sentence would sit in the old list, going by its nearest
 * matched neighbour (the one before on a tie; its own index when nothing is
 * matched). Two linear sweeps: one scan per sentence was quadratic in a
 * long paragraph of repeated sentences.
 */
function expectedOldIndices(matchOf: ReadonlyArray<number | undefined>): number[] {
  const length = matchOf.length
  const before = new Int32Array(length).fill(-1)
  const after = new Int32Array(length).fill(-1)
  for (let index = 1, last = -1; index < length; index++) {
    if (matchOf[index - 1] !== undefined) last = index - 1
    before[index] = last
  }
  for (let index = length - 2, last = -1; index >= 0; index--) {
    if (matchOf[index + 1] !== undefined) last = index + 1
    after[index] = last
  }
  return Array.from({length}, (_, index) => {
    const low = before[index]!
    const high = after[index]!
    if (low !== -1 && (high === -1 || index - low <= high - index)) return matchOf[low]! + (index - low)
    if (high !== -1) return matchOf[high]! - (high - index)
    return index
  })
}

/**
 * Pair copies of one text: greedily, the pair (current, old) with the
 * smallest distance between the old index and where the current copy is
 * expected, ties to the first current then the first old, until one side
 * runs out. The same pairs as sorting every (current, old) pair, without
 * building them: a heap holds each current copy's nearest free old copy
 * (found through skip lists over the sorted old indices), and is refreshed
 * when that one is taken. Memory linear in the copies, where the list of
 * every pair was quadratic (gigabytes for a paragraph repeating a sentence).
 */
function nearestPairs(currents: readonly number[], olds: readonly number[], expected: readonly number[]): Array<[number, number]> {
  const sorted = [...olds].sort((a, b) => a - b)
  const count = sorted.length
  const taken = new Uint8Array(count)
  // Skip pointers over taken slots, compressed as they are followed (as in union-find).
  const nextFree = Int32Array.from({length: count}, (_, slot) => slot)
  const previousFree = Int32Array.from({length: count}, (_, slot) => slot)
  const follow = (pointers: Int32Array, slot: number): number => {
    let root = slot
    while (root >= 0 && root < count && taken[root]) root = pointers[root]!
    for (let step = slot; step !== root; ) {
      const next = pointers[step]!
      pointers[step] = root
      step = next
    }
    return root
  }
  const take = (slot: number) => {
    taken[slot] = 1
    nextFree[slot] = slot + 1
    previousFree[slot] = slot - 1
  }
  const findNext = (slot: number) => follow(nextFree, slot)
  const findPrevious = (slot: number) => follow(previousFree, slot)
  const best = (currentIndex: number): {distance: number; current: number; old: number; slot: number} | undefined => {
    const target = expected[currentIndex]!
    // The first slot whose old index is above the target.
    let lowSlot = 0
    let highSlot = count
    while (lowSlot < highSlot) {
      const middle = (lowSlot + highSlot) >> 1
      if (sorted[middle]! <= target) lowSlot = middle + 1
      else highSlot = middle
    }
    const left = lowSlot > 0 ? findPrevious(lowSlot - 1) : -1
    const right = findNext(lowSlot)
    const leftDistance = left >= 0 ? target - sorted[left]! : Infinity
    const rightDistance = right < count ? sorted[right]! - target : Infinity
    if (leftDistance === Infinity && rightDistance === Infinity) return undefined
    // On equal distance the smaller old index, on the left, wins.
    const slot = leftDistance <= rightDistance ? left : right
    return {distance: Math.min(leftDistance, rightDistance), current: currentIndex, old: sorted[slot]!, slot}
  }
  const heap = new MinHeap<{distance: number; current: number; old: number; slot: number}>((a, b) => a.distance - b.distance || a.current - b.current || a.old - b.old)
  for (const currentIndex of currents) {
    const candidate = best(currentIndex)
    if (candidate) heap.push(candidate)
  }
  const pairs: Array<[number, number]> = []
  for (let top = heap.pop(); top; top = heap.pop()) {
    if (taken[top.slot]) {
      // Its nearest was taken meanwhile: the next nearest is no closer, so it goes back in order.
      const candidate = best(top.current)
      if (candidate) heap.push(candidate)
      continue
    }
    take(top.slot)
    pairs.push([top.current, top.old])
  }
  return pairs
}

/** A binary min-heap: the pair search needs nothing more. */
class MinHeap<T> {
  private readonly items: T[] = []
  constructor(private readonly compare: (a: T, b: T) => number) {}

  push(item: T): void {
    const items = this.items
    items.push(item)
    for (let index = items.length - 1; index > 0; ) {
      const parent = (index - 1) >> 1
      if (this.compare(items[index]!, items[parent]!) >= 0) break
      ;[items[index], items[parent]] = [items[parent]!, items[index]!]
      index = parent
    }
  }

  pop(): T | undefined {
    const items = this.items
    const top = items[0]
    const last = items.pop()
    if (items.length > 0 && last !== undefined) {
      items[0] = last
      for (let index = 0; ; ) {
        const left = 2 * index + 1
        const right = left + 1
        let smallest = index
        if (left < items.length && this.compare(items[left]!, items[smallest]!) < 0) smallest = left
        if (right < items.length && this.compare(items[right]!, items[smallest]!) < 0) smallest = right
        if (smallest === index) break
        ;[items[index], items[smallest]] = [items[smallest]!, items[index]!]
        index = smallest
      }
    }
    return top
  }
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
function freshId(prefix: 's' | 'p', text: string, used: Set<string>, counters: Map<string, number>): string {
  const hash = createHash('sha256').update(text).digest('hex')
  for (let length = 6; length <= hash.length; length += 2) {
    const id = `${prefix}-${hash.slice(0, length)}`
    if (!used.has(id)) {
      used.add(id)
      return id
    }
  }
  // Only an identical text seen more than 29 times gets here.
  // `used` only grows, so every counter below the last one given is still taken: start after it
  // (counting from 2 for each text was quadratic in a paragraph repeating one sentence).
  const base = `${prefix}-${hash.slice(0, 6)}`
  let counter = counters.get(base) ?? 2
  while (used.has(`${base}-${counter}`)) counter++
  const id = `${base}-${counter}`
  used.add(id)
  counters.set(base, counter + 1)
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
