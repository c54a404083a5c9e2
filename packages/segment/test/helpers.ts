// Shared by the tests: the processors an article goes through, and small readers of
// their results. The tests import the package's source, not its build.
import type {Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {type Processor, unified} from 'unified'
import {VFile} from 'vfile'
import {remarkSegment, type Segment, type SegmentMap, sentenceToMarkdown} from '../src/index.js'

/**
 * unified plugin: let remark-stringify serialize `sentence` nodes. remark-stringify
 * ignores an `extensions` option and reads its extensions from processor data.
 */
export function remarkSentenceToMarkdown(this: Processor): undefined {
  const data = this.data()
  ;(data.toMarkdownExtensions ??= []).push(sentenceToMarkdown())
}

/** Parse like an article is parsed: front matter, GFM. */
function parser() {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm)
}

export interface Segmented {
  tree: Root
  file: VFile
  segments: Segment[]
  map: SegmentMap
}

/** Segment a Markdown document, against `map` when given. */
export function segment(markdown: string, map?: SegmentMap): Segmented {
  const processor = parser().use(remarkSegment, {map})
  const file = new VFile(markdown)
  const tree = processor.runSync(processor.parse(file), file) as Root
  return {tree, file, segments: file.data.segments!, map: file.data.segmentMap!}
}

/** Segment, then stringify the segmented tree. */
export function segmentAndStringify(markdown: string): string {
  return String(parser().use(remarkSegment).use(remarkSentenceToMarkdown).use(remarkStringify).processSync(markdown))
}

/** Stringify without segmenting: what a segmented document must print as. */
export function stringify(markdown: string): string {
  return String(parser().use(remarkStringify).processSync(markdown))
}

/** Sentence ID by sentence text (texts must be unique in the document). */
export function idsByText(map: SegmentMap): Map<string, string> {
  const ids = new Map<string, string>()
  for (const block of map.blocks) {
    for (const sentence of block.sentences) {
      if (ids.has(sentence.text)) throw new Error(`Unexpected repeated sentence: ${sentence.text}`)
      ids.set(sentence.text, sentence.id)
    }
  }
  return ids
}

/** Every sentence ID of a map, in document order. */
export function sentenceIds(map: SegmentMap): string[] {
  return map.blocks.flatMap((block) => block.sentences.map((sentence) => sentence.id))
}

/** Block ID by the text of its sentences joined with a space. */
export function blockIdsByText(map: SegmentMap): Map<string, string> {
  return new Map(map.blocks.map((block) => [block.sentences.map((sentence) => sentence.text).join(' '), block.id]))
}

/** The blocks (paragraphs) of a Markdown body, split on blank lines. */
export function paragraphs(markdown: string): string[] {
  return markdown.split(/\n{2,}/).filter((block) => block.trim() !== '')
}
