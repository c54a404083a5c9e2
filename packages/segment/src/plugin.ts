import type {Heading, Paragraph, Root, TableCell} from 'mdast'
import type {VFile} from 'vfile'
import {visit} from 'unist-util-visit'
import {splitBlock} from './split-block.js'
import {assignStableIds} from './stable-ids.js'
import type {Segment, SegmentMap, Sentence} from './types.js'

export interface Options {
  /**
   * The article's committed segment map: IDs of unchanged and edited
   * sentences are taken from it. Without one, every ID is new.
   */
  map?: SegmentMap | undefined
}

type Block = Paragraph | Heading | TableCell

/**
 * Split every block of text (paragraphs, headings, table cells; so also the
 * paragraphs of list items and block quotes) into `sentence` nodes, and give
 * every block and sentence a stable ID.
 *
 * Sets `file.data.segments` (the sentences in document order) and
 * `file.data.segmentMap` (the map to commit for these IDs).
 */
export default function remarkSegment(options?: Readonly<Options>) {
  const previous = options?.map

  return function (tree: Root, file: VFile): undefined {
    const blocks: Array<{node: Block; sentences: Sentence[]}> = []

    visit(tree, (node) => {
      if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') return
      const {children, sentences} = splitBlock(node.children)
      if (sentences.length === 0) return
      node.children = children
      blocks.push({node, sentences})
      // Sentences hold only phrasing content: nothing to visit inside.
      return 'skip'
    })

    const map = assignStableIds(
      blocks.map((block) => ({sentences: block.sentences.map((sentence) => sentence.data.text)})),
      previous
    )

    const segments: Segment[] = []
    blocks.forEach((block, blockIndex) => {
      const record = map.blocks[blockIndex]!
      block.node.data = {...block.node.data, blockId: record.id}
      block.sentences.forEach((sentence, index) => {
        const id = record.sentences[index]!.id
        sentence.data = {...sentence.data, segmentId: id, hName: 'span', hProperties: {dataSegment: id}}
        segments.push({id, paragraph: record.id, text: sentence.data.text})
      })
    })

    file.data.segments = segments
    file.data.segmentMap = map
  }
}
