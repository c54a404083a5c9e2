import type {JsonNode} from '@briefs/corpus'

/**
 * Where character `index` of a JSON string's value stands in the file: the
 * raw literal is walked, so escapes (`\"`, `\n`, `\u00a0`) are counted as
 * the characters they are. `index` equal to the value's length gives the
 * closing quote.
 */
export function stringValueOffset(fileText: string, node: JsonNode, index: number): number {
  let offset = node.offset + 1
  const end = node.offset + node.length - 1
  for (let decoded = 0; decoded < index && offset < end; decoded++) {
    if (fileText[offset] !== '\\') {
      offset++
      continue
    }
    offset += fileText[offset + 1] === 'u' ? 6 : 2
  }
  return offset
}
