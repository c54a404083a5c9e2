import type {PhrasingContent} from 'mdast'
import type {Point} from 'unist'
import {splitSentences} from '@briefs/sentences'
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
 */
export function splitBlock(children: PhrasingContent[]): BlockSentences {
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
  const ranges = mergeAcrossAtoms(splitSentences(plain), [...spans.values()].filter((span) => span.atomic))

  const result: PhrasingContent[] = []
  const sentences: Sentence[] = []
  let previousEnd = 0
  for (const range of ranges) {
    if (range.start > previousEnd) {
      result.push({type: 'text', value: plain.slice(previousEnd, range.start)})
    }
    const sentenceChildren = slice(children, range.start, range.end)
    const sentence: Sentence = {
      type: 'sentence',
      children: sentenceChildren,
      data: {segmentId: '', text: plainSentenceText(plain.slice(range.start, range.end))}
    }
    const position = spanPosition(sentenceChildren)
    if (position) sentence.position = position
    result.push(sentence)
    sentences.push(sentence)
    previousEnd = range.end
  }
  if (previousEnd < plain.length) result.push({type: 'text', value: plain.slice(previousEnd)})
  if (sentences.length === 0) return {children, sentences}
  return {children: result, sentences}

  function slice(nodes: PhrasingContent[], from: number, to: number): PhrasingContent[] {
    const out: PhrasingContent[] = []
    for (const node of nodes) {
      const span = spans.get(node)
      if (span) {
        if (span.end <= from || span.start >= to) {
          // Zero-width atoms (inline HTML) belong to the sentence they start.
          if (!(span.atomic && span.start === span.end && span.start >= from && span.start < to)) continue
        }
        if (span.atomic || (span.start >= from && span.end <= to)) {
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
        const inner = slice(node.children as PhrasingContent[], from, to)
        if (inner.length > 0) out.push({...node, children: inner} as PhrasingContent)
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
    if (last && atoms.some((atom) => atom.start < range.start && atom.end > last.end)) {
      last.end = range.end
    } else {
      merged.push({...range})
    }
  }
  return merged
}

/** Text sliced out of a text node keeps an exact position only when source and value have the same length. */
function slicePosition(node: PhrasingContent, offset: number, length: number): PhrasingContent['position'] {
  const position = node.position
  if (!position || position.start.offset === undefined) return undefined
  const value = (node as {value: string}).value
  if ((position.end.offset ?? 0) - position.start.offset !== value.length) return undefined
  return {start: pointAt(position.start, value, offset), end: pointAt(position.start, value, offset + length)}
}

function pointAt(start: Point, value: string, offset: number): Point {
  let line = start.line
  let column = start.column
  for (let index = 0; index < offset; index++) {
    if (value.charCodeAt(index) === 10) {
      line++
      column = 1
    } else {
      column++
    }
  }
  return {line, column, offset: (start.offset ?? 0) + offset}
}

function spanPosition(nodes: PhrasingContent[]): Sentence['position'] {
  const first = nodes.find((node) => node.position)?.position
  const last = nodes.findLast((node) => node.position)?.position
  if (!first || !last) return undefined
  return {start: first.start, end: last.end}
}
