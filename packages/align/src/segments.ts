import {align, type AlignOptions} from './align.js'

/** A French segment to align: its ID, its block (a unit never spans two), its text. */
export interface SourceSegment {
  id: string
  block: string
  text: string
}

/** A sentence of the delivered translation, with where it stands. */
export interface TargetSentence {
  /** Plain text: what alignment compares. */
  text: string
  /** As written (inline Markdown kept): what the resource receives. */
  source: string
  /** Index of its paragraph in the document. */
  paragraph: number
  line: number
  column: number
}

/** French segments and the translated sentences that render them. */
export interface SegmentUnit {
  /** French segment IDs, consecutive sentences of one block; none for a translator's addition. */
  segments: string[]
  /** The translated sentences, in order; none for a French segment left out. */
  target: TargetSentence[]
  /** 0–1: how sure the aligner is that the unit is exactly right. */
  confidence: number
}

/**
 * Align an article's French segments (title first) with the sentences of a
 * delivered translation, in units a resource can hold: a unit never spans
 * two French blocks (paragraphs are translation units' limit). A unit the
 * aligner found across blocks is cut at each block: its sentences are
 * shared out in order by the French length of each part, or, when there are
 * fewer sentences than parts, given to the largest part; the cut units'
 * confidence is halved, so that the reviewer looks at them.
 */
export function alignSegments(french: readonly SourceSegment[], target: readonly TargetSentence[], options: AlignOptions = {}): SegmentUnit[] {
  const blockIndex = new Map<string, number>()
  for (const segment of french) if (!blockIndex.has(segment.block)) blockIndex.set(segment.block, blockIndex.size)
  const {units} = align(
    french.map((segment) => ({text: segment.text, paragraph: blockIndex.get(segment.block)!})),
    target.map((sentence) => ({text: sentence.text, paragraph: sentence.paragraph})),
    options
  )
  return units.flatMap((unit): SegmentUnit[] => {
    const segments = unit.source.map((index) => french[index]!)
    const sentences = unit.target.map((index) => target[index]!)
    const parts = byBlock(segments)
    if (parts.length <= 1) return [{segments: segments.map((segment) => segment.id), target: sentences, confidence: unit.confidence}]
    const confidence = unit.confidence / 2
    if (sentences.length < parts.length) {
      const largest = parts.reduce((best, part, index) => (length(part) > length(parts[best]!) ? index : best), 0)
      return parts.map((part, index) => ({segments: part.map((segment) => segment.id), target: index === largest ? sentences : [], confidence}))
    }
    // Sentences in order, each part at least one, by the share of the French each part has.
    const total = parts.reduce((sum, part) => sum + length(part), 0)
    const cuts: number[] = []
    let covered = 0
    parts.forEach((part, index) => {
      covered += length(part)
      const wanted = Math.round((covered / total) * sentences.length)
      const previous = cuts.at(-1) ?? 0
      cuts.push(index === parts.length - 1 ? sentences.length : Math.min(Math.max(wanted, previous + 1), sentences.length - (parts.length - 1 - index)))
    })
    return parts.map((part, index) => ({segments: part.map((segment) => segment.id), target: sentences.slice(cuts[index - 1] ?? 0, cuts[index]), confidence}))
  })
}

function byBlock(segments: readonly SourceSegment[]): SourceSegment[][] {
  const parts: SourceSegment[][] = []
  for (const segment of segments) {
    const last = parts.at(-1)
    if (last && last[0]!.block === segment.block) last.push(segment)
    else parts.push([segment])
  }
  return parts
}

function length(part: readonly SourceSegment[]): number {
  return part.reduce((sum, segment) => sum + segment.text.replace(/\s/g, '').length, 0)
}
