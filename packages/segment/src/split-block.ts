import type {PhrasingContent} from 'mdast'
import type {Point} from 'unist'
import {splitSentences, type SentenceRules} from '@briefs/sentences'
import type {Sentence} from './types.js'

/** Where a leaf's plain text sits in the block's plain text. */
interface LeafSpan {
  start: number
  end: number
  /** Atomic leaves (inline code, images...) are never cut in two. */
  atomic: boolean
}

export interface BlockSentences {
  /** The block's new children: sentence nodes, with the whitespace between them as text. */
  children: PhrasingContent[]
  /** The sentence nodes, in order, with `data.segmentId` still empty. */
  sentences: Sentence[]
}

const parentTypes = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference'])

/**
 * Split the phrasing children of one block into sentence nodes.
 * The plain text is cut with `splitSentences`; inline markup that straddles
 * a boundary (an emphasis over two sentences) is split into two nodes.
 * `rules` are the sentence rules of the text's language (French by default).
 */
export function splitBlock(children: PhrasingContent[], rules?: SentenceRules): BlockSentences {
  const spans = new Map<PhrasingContent, LeafSpan>()
  let plain = ''

  function collect(nodes: PhrasingContent[]): void {
    for (const node of nodes) {
      if (node.type === 'text') {
        spans.set(node, {start: plain.length, end: plain.length + node.value.length, atomic: false})
        plain += node.value
      } else if (parentTypes.has(node.type) && 'children' in node) {
        collect(node.children as PhrasingContent[])
      } else {
        const value = atomicText(node)
        spans.set(node, {start: plain.length, end: plain.length + value.length, atomic: true})
        plain += value
      }
    }
  }

  collect(children)
  const ranges = mergeAcrossAtoms(splitSentences(plain, rules), [...spans.values()].filter((span) => span.atomic))

  // Atoms already placed in a sentence or between sentences.
  const claimed = new Set<PhrasingContent>()
  const sentences: Sentence[] = ranges.map((range) => {
    const sentenceChildren = slice(children, range.start, range.end)
    const sentence: Sentence = {
      type: 'sentence',
      children: sentenceChildren,
      data: {segmentId: '', text: plainSentenceText(plain.slice(range.start, range.end))}
    }
    const position = spanPosition(sentenceChildren)
    if (position) sentence.position = position
    return sentence
  })
  if (sentences.length === 0) return {children, sentences}

  const result: PhrasingContent[] = []
  let previousEnd = 0
  ranges.forEach((range, index) => {
    result.push(...between(previousEnd, range.start), sentences[index]!)
    previousEnd = range.end
  })
  result.push(...between(previousEnd, plain.length))
  return {children: result, sentences}

  /**
   * What lies between two sentences: their whitespace as text, and the atoms
   * no sentence holds (a hard break, an image without alt text, inline HTML).
   */
  function between(from: number, to: number): PhrasingContent[] {
    const out: PhrasingContent[] = []
    let value = ''
    for (const [node, span] of spans) {
      if (!span.atomic) {
        if (span.end > from && span.start < to) value += plain.slice(Math.max(from, span.start), Math.min(to, span.end))
        continue
      }
      if (claimed.has(node) || span.start < from || span.start > to) continue
      if (value) out.push({type: 'text', value})
      value = ''
      out.push(node)
      claimed.add(node)
    }
    if (value) out.push({type: 'text', value})
    return out
  }

  function slice(nodes: PhrasingContent[], from: number, to: number): PhrasingContent[] {
    const out: PhrasingContent[] = []
    for (const node of nodes) {
      const span = spans.get(node)
      if (span) {
        if (span.end <= from || span.start >= to) {
          // Zero-width atoms (inline HTML, footnote references) at either end belong to the sentence.
          if (!(span.atomic && span.start === span.end && span.start >= from && span.start <= to)) continue
        }
        if (span.atomic) {
          if (claimed.has(node)) continue
          claimed.add(node)
          out.push(node)
          continue
        }
        if (span.start >= from && span.end <= to) {
          out.push(node)
          continue
        }
        const value = (node as {value: string}).value
        const cut = value.slice(Math.max(from, span.start) - span.start, Math.min(to, span.end) - span.start)
        const text: PhrasingContent = {type: 'text', value: cut}
        const position = slicePosition(node, Math.max(from, span.start) - span.start, cut.length)
        if (position) text.position = position
        out.push(text)
        continue
      }
      if ('children' in node) {
        const whole = node.children as PhrasingContent[]
        const inner = slice(whole, from, to)
        if (inner.length === 0) continue
        const part = {...node, children: inner} as PhrasingContent
        // A part of split markup spans from its own first to its own last child.
        const first = inner[0] === whole[0] ? node.position : inner[0]!.position
        const last = inner.at(-1) === whole.at(-1) ? node.position : inner.at(-1)!.position
        if (first && last) part.position = {start: first.start, end: last.end}
        else delete part.position
        out.push(part)
      }
    }
    return out
  }
}

/** A soft line break inside a sentence reads as a space. */
function plainSentenceText(value: string): string {
  return value.replace(/[ \t]*\r?\n[ \t]*/g, ' ')
}

function atomicText(node: PhrasingContent): string {
  switch (node.type) {
    case 'inlineCode':
      return node.value
    case 'image':
    case 'imageReference':
      return node.alt ?? ''
    case 'break':
      return '\n'
    default:
      return ''
  }
}

/** A boundary must not fall inside inline code or an image's alt text. */
function mergeAcrossAtoms(ranges: Array<{start: number; end: number}>, atoms: LeafSpan[]): Array<{start: number; end: number}> {
  if (atoms.length === 0 || ranges.length < 2) return ranges
  const merged: Array<{start: number; end: number}> = []
  for (const range of ranges) {
    const last = merged.at(-1)
    // An atom lying wholly between two sentences (a hard break) does not join them.
    if (last && atoms.some((atom) => crosses(atom, last.end) || crosses(atom, range.start))) {
      last.end = range.end
    } else {
      merged.push({...range})
    }
  }
  return merged
}

function crosses(atom: LeafSpan, offset: number): boolean {
  return atom.start < offset && atom.end > offset
}

/** Text sliced out of a text node keeps an exact position only when source and value have the same length. */
function slicePosition(node: PhrasingContent, offset: number, length: number): PhrasingContent['position'] {
  const position = node.position
  if (!position || position.start.offset === undefined) return undefined
  const value = (node as {value: string}).value
  if ((position.end.offset ?? 0) - position.start.offset !== value.length) return undefined
  const breaks = lineBreaks(node, value)
  return {start: pointAt(position.start, breaks, offset), end: pointAt(position.start, breaks, offset + length)}
}

function pointAt(start: Point, breaks: readonly number[], offset: number): Point {
  // Binary search in the value's line breaks: walking the text up to each sentence was
  // quadratic in a long paragraph (minutes for a megabyte).
  let low = 0
  let high = breaks.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (breaks[middle]! < offset) low = middle + 1
    else high = middle
  }
  const line = start.line + low
  const column = low === 0 ? start.column + offset : offset - breaks[low - 1]!
  return {line, column, offset: (start.offset ?? 0) + offset}
}

const lineBreakCache = new WeakMap<PhrasingContent, number[]>()

/** Offsets of the line feeds in a text node's value, found once per node. */
function lineBreaks(node: PhrasingContent, value: string): number[] {
  let breaks = lineBreakCache.get(node)
  if (!breaks) {
    breaks = []
    for (let index = value.indexOf('\n'); index !== -1; index = value.indexOf('\n', index + 1)) breaks.push(index)
    lineBreakCache.set(node, breaks)
  }
  return breaks
}

/** A sentence's position: only when its first and last nodes have one. */
function spanPosition(nodes: PhrasingContent[]): Sentence['position'] {
  const first = nodes[0]?.position
  const last = nodes.at(-1)?.position
  if (!first || !last) return undefined
  return {start: first.start, end: last.end}
}
