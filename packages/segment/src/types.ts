import type {Data, Parent, PhrasingContent} from 'mdast'
import type {} from 'mdast-util-to-hast'

/** One sentence of a block, as listed by `segments --json`. */
export interface Segment {
  /** Stable segment ID: an i18next key, an HTML id and a CSS identifier. */
  id: string
  /** ID of the block (paragraph, heading, table cell) the sentence belongs to. */
  paragraph: string
  /** Plain text of the sentence (soft line breaks read as spaces). */
  text: string
}

/** A block as recorded in a segment map. */
export interface SegmentMapBlock {
  id: string
  sentences: Array<{id: string; text: string}>
}

/**
 * The committed record of an article's segment IDs, in document order.
 * It is what keeps IDs stable across edits: new text is matched against it.
 */
export interface SegmentMap {
  blocks: SegmentMapBlock[]
}

/** A sentence in the tree: phrasing content grouped by the segmenter. */
export interface Sentence extends Parent {
  type: 'sentence'
  children: PhrasingContent[]
  data: SentenceData
}

export interface SentenceData extends Data {
  /** Stable segment ID. */
  segmentId: string
  /** Plain text of the sentence. */
  text: string
}

declare module 'mdast' {
  interface PhrasingContentMap {
    sentence: Sentence
  }

  interface RootContentMap {
    sentence: Sentence
  }

  interface ParagraphData {
    /** Stable block ID, set by `remarkSegment`. */
    blockId?: string | undefined
  }

  interface HeadingData {
    /** Stable block ID, set by `remarkSegment`. */
    blockId?: string | undefined
  }

  interface TableCellData {
    /** Stable block ID, set by `remarkSegment`. */
    blockId?: string | undefined
  }
}

declare module 'vfile' {
  interface DataMap {
    /** Every sentence of the document in order, set by `remarkSegment`. */
    segments: Segment[]
    /** The segment map matching the document, set by `remarkSegment`. */
    segmentMap: SegmentMap
  }
}
