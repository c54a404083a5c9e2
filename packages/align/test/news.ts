// The news dev set: each shipped article with its English and Russian
// translation, turned into a document as a translator would deliver it,
// with seeded edits: two sentences rendered as one, one split in two, a
// translator's note added, a sentence left out, the headline on top and
// an attribution moved. Each piece of the document remembers the French
// segments it renders, so the gold units follow whatever the sentence
// splitter makes of the document.
import fs from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {corpusLayout, listArticleIds, loadArticle} from '@briefs/corpus'
import {parseDocument, type TranslationDocument} from '@briefs/documents'
import type {AlignSentence} from '../src/index.js'

export const corpusRoot = fileURLToPath(new URL('../../../corpus/', import.meta.url))

export interface NewsCase {
  name: string
  language: 'en' | 'ru'
  french: AlignSentence[]
  document: TranslationDocument
  target: AlignSentence[]
  /** Gold units, French indexes on the source side. */
  gold: Array<{source: number[]; target: number[]}>
  /** What was done to the translation. */
  edits: string[]
}

interface Piece {
  text: string
  sources: number[]
}

/** mulberry32: a small seeded generator, so that every run builds the same documents. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

const notes: Record<'en' | 'ru', string> = {
  en: 'Translator’s note: the checkpoint is also known as Upper Lars.',
  ru: 'Примечание переводчика: этот пункт пропуска называют также Верхний Ларс.'
}

/** Join two renderings into one sentence: the first loses its final period for a semicolon. */
function merge(first: string, second: string): string | undefined {
  if (!/\.$/.test(first) || /[“”«»"]/.test(first.slice(-3))) return undefined
  return `${first.slice(0, -1)}; ${second.charAt(0).toLowerCase()}${second.slice(1)}`
}

/** Split a rendering in two at a comma near its middle: `A, b c.` → `A. B c.` */
function split(text: string): [string, string] | undefined {
  const commas = [...text.matchAll(/, (?=\p{L})/gu)].map((match) => match.index).filter((index) => index > 40 && index < text.length - 40)
  // Not inside a quotation: the splitter would keep it whole.
  const outside = commas.filter((index) => (text.slice(0, index).match(/[“«"]/g)?.length ?? 0) === (text.slice(0, index).match(/[”»"]/g)?.length ?? 0) || false)
  const index = outside[Math.floor(outside.length / 2)]
  if (index === undefined) return undefined
  const rest = text.slice(index + 2)
  return [`${text.slice(0, index)}.`, `${rest.charAt(0).toUpperCase()}${rest.slice(1)}`]
}

/** `“X,” the ministry said.` → `The ministry said: “X.”` (English only). */
function moveAttribution(text: string): string | undefined {
  const match = /^“([^”]+),” ([^“”]+) (said|says|added)\.$/.exec(text)
  if (!match) return undefined
  const [, quote, speaker, verb] = match
  return `${speaker!.charAt(0).toUpperCase()}${speaker!.slice(1)} ${verb}: “${quote}.”`
}

async function translations(language: string, id: string): Promise<Record<string, string>> {
  return JSON.parse(await fs.readFile(path.join(corpusRoot, 'locales', language, `${id}.json`), 'utf8')) as Record<string, string>
}

/** The news cases of every shipped article, both languages, `seeds` seeds, Markdown and plain text in turn. */
export async function newsCases(seeds: readonly number[]): Promise<NewsCase[]> {
  const layout = corpusLayout(corpusRoot)
  const cases: NewsCase[] = []
  for (const id of await listArticleIds(layout)) {
    const article = await loadArticle(layout, id)
    const paragraphIds = [...new Set(article.segments.map((segment) => segment.paragraph))]
    const french = article.segments.map((segment) => ({text: segment.text, paragraph: paragraphIds.indexOf(segment.paragraph)}))
    for (const language of ['en', 'ru'] as const) {
      const resource = await translations(language, id)
      for (const seed of seeds) {
        const format = seed % 2 === 0 ? 'md' : 'txt'
        cases.push(await newsCase(`${id} ${language} seed ${seed} (.${format})`, language, article.segments, french, resource, seed, format))
      }
    }
  }
  return cases
}

async function newsCase(
  name: string,
  language: 'en' | 'ru',
  segments: ReadonlyArray<{id: string; paragraph: string}>,
  french: AlignSentence[],
  resource: Record<string, string>,
  seed: number,
  format: 'md' | 'txt'
): Promise<NewsCase> {
  const next = random(seed)
  const pick = (count: number) => Math.floor(next() * count)
  // Paragraphs of pieces, following the French paragraphs; the title is the headline on top.
  const paragraphs: Piece[][] = []
  segments.forEach((segment, index) => {
    const text = resource[segment.id]!
    if (index === 0 || segment.paragraph !== segments[index - 1]!.paragraph) paragraphs.push([])
    paragraphs.at(-1)!.push({text, sources: [index]})
  })
  const edits: string[] = []
  const body = paragraphs.slice(1)
  const candidates = (test: (paragraph: Piece[], index: number) => boolean) =>
    body.flatMap((paragraph) => paragraph.map((_, index) => [paragraph, index] as const)).filter(([paragraph, index]) => test(paragraph, index))

  // Two French sentences rendered as one (2-1).
  const mergeable = candidates((paragraph, index) => index + 1 < paragraph.length && merge(paragraph[index]!.text, paragraph[index + 1]!.text) !== undefined)
  if (mergeable.length > 0) {
    const [paragraph, index] = mergeable[pick(mergeable.length)]!
    const [first, second] = [paragraph[index]!, paragraph[index + 1]!]
    paragraph.splice(index, 2, {text: merge(first.text, second.text)!, sources: [...first.sources, ...second.sources]})
    edits.push(`merged ${first.sources.join('+')} and ${second.sources.join('+')}`)
  }
  // One rendered as two (1-2).
  const splittable = candidates((paragraph, index) => paragraph[index]!.sources.length === 1 && split(paragraph[index]!.text) !== undefined)
  if (splittable.length > 0) {
    const [paragraph, index] = splittable[pick(splittable.length)]!
    const piece = paragraph[index]!
    const [first, second] = split(piece.text)!
    paragraph.splice(index, 1, {text: first, sources: piece.sources}, {text: second, sources: piece.sources})
    edits.push(`split ${piece.sources[0]}`)
  }
  // An attribution moved (still 1-1).
  for (const paragraph of body) {
    for (const piece of paragraph) {
      const moved = language === 'en' && piece.sources.length === 1 ? moveAttribution(piece.text) : undefined
      if (moved && !edits.some((edit) => edit.startsWith('moved'))) {
        piece.text = moved
        edits.push(`moved the attribution of ${piece.sources[0]}`)
      }
    }
  }
  // A sentence left out (1-0), never the headline.
  const omittable = candidates((paragraph, index) => paragraph.length > 1 && paragraph[index]!.sources.length === 1 && !paragraph.some((piece, other) => other !== index && piece.sources[0] === paragraph[index]!.sources[0]))
  if (omittable.length > 0) {
    const [paragraph, index] = omittable[pick(omittable.length)]!
    edits.push(`left out ${paragraph[index]!.sources[0]}`)
    paragraph.splice(index, 1)
  }
  // A translator's note (0-1), at the end of a paragraph.
  const paragraph = body[pick(body.length)]!
  paragraph.push({text: notes[language], sources: []})
  edits.push(`added a note after ${paragraph.at(-2)?.sources.join('+') ?? 'a paragraph start'}`)

  // The delivered file, and where each piece starts in it.
  let text = ''
  const placed: Array<{start: number; end: number; sources: number[]}> = []
  paragraphs.forEach((pieces, index) => {
    if (pieces.length === 0) return
    if (text !== '') text += '\n\n'
    if (index === 0 && format === 'md') text += '# '
    pieces.forEach((piece, position) => {
      if (position > 0) text += ' '
      placed.push({start: text.length, end: text.length + piece.text.length, sources: piece.sources})
      text += piece.text
    })
  })
  text += '\n'
  const document = await parseDocument(new TextEncoder().encode(text), `delivery.${format}`, {language})
  const target = document.sentences.map((sentence) => ({text: sentence.text, paragraph: sentence.paragraph}))
  return {name, language, french, document, target, gold: goldUnits(text, document, placed, french.length), edits}
}

/**
 * Gold units: pieces and the document's sentences that share characters are
 * one unit, with the French segments of those pieces. A French segment no
 * piece renders is a unit of its own, `[i]:[]`.
 */
function goldUnits(text: string, document: TranslationDocument, placed: ReadonlyArray<{start: number; end: number; sources: number[]}>, frenchCount: number) {
  // Sentence offsets in `text`: found in order, the reader keeps their text as written.
  let cursor = 0
  const offsets = document.sentences.map((sentence) => {
    const start = text.indexOf(sentence.source, cursor)
    if (start === -1) throw new Error(`Sentence not found in the document: ${sentence.source}`)
    cursor = start + sentence.source.length
    return {start, end: cursor}
  })
  const units: Array<{source: number[]; target: number[]}> = []
  let piece = 0
  let sentence = 0
  while (piece < placed.length || sentence < offsets.length) {
    const unit = {source: new Set<number>(), target: new Set<number>()}
    // Grow the unit while the next piece or sentence overlaps what it holds.
    let end = Math.min(placed[piece]?.end ?? Infinity, offsets[sentence]?.end ?? Infinity)
    let grew = true
    while (grew) {
      grew = false
      while (piece < placed.length && placed[piece]!.start < end) {
        for (const source of placed[piece]!.sources) unit.source.add(source)
        end = Math.max(end, placed[piece]!.end)
        piece++
        grew = true
      }
      while (sentence < offsets.length && offsets[sentence]!.start < end) {
        unit.target.add(sentence)
        end = Math.max(end, offsets[sentence]!.end)
        sentence++
        grew = true
      }
    }
    units.push({source: [...unit.source].sort((a, b) => a - b), target: [...unit.target]})
  }
  // A French segment rendered in two places (split in two) makes one unit of both.
  for (let index = units.length - 1; index > 0; index--) {
    const [previous, current] = [units[index - 1]!, units[index]!]
    if (!current.source.some((source) => previous.source.includes(source))) continue
    previous.source = [...new Set([...previous.source, ...current.source])].sort((a, b) => a - b)
    previous.target = [...previous.target, ...current.target]
    units.splice(index, 1)
  }
  // French segments left out: a unit of their own, in French order.
  const rendered = new Set(units.flatMap((unit) => unit.source))
  for (let index = 0; index < frenchCount; index++) {
    if (rendered.has(index)) continue
    const before = units.findIndex((unit) => unit.source.some((source) => source > index))
    units.splice(before === -1 ? units.length : before, 0, {source: [index], target: []})
  }
  return units
}
