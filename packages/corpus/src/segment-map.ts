import fs from 'node:fs/promises'
import type {SegmentMap} from '@briefs/segment'
import type {VFile} from 'vfile'
import {nodePlace, parseJson, stringifyJson, type JsonNode} from './json.js'
import {readTextFile} from './text-file.js'
import {writeFileAtomic} from './write.js'

const segmentIdPattern = /^[sp]-[0-9a-f]{6,64}(?:-\d+)?$/

/**
 * Read a committed segment map; `undefined` when the file does not exist.
 * A malformed map is fatal: IDs guessed from a broken map would move
 * translations to the wrong sentences.
 */
export async function readSegmentMap(filePath: string): Promise<{file: VFile; map: SegmentMap} | undefined> {
  try {
    await fs.access(filePath)
  } catch {
    return undefined
  }
  return segmentMapOf(await readTextFile(filePath))
}

/** A segment map from its file as read. */
export function segmentMapOf(file: VFile): {file: VFile; map: SegmentMap} {
  return {file, map: segmentMapFromJson(file, parseJson(file))}
}

function segmentMapFromJson(file: VFile, tree: JsonNode): SegmentMap {
  const fail = (node: JsonNode, reason: string): never => {
    file.fail(reason, {place: nodePlace(file, node), ruleId: 'segment-map', source: 'briefs'})
  }
  const property = (node: JsonNode, key: string): JsonNode | undefined =>
    node.children?.find((child) => child.children?.[0]?.value === key)?.children?.[1]
  const seen = new Set<string>()
  const checkId = (node: JsonNode | undefined, parent: JsonNode, prefix: 's' | 'p'): string => {
    if (!node || node.type !== 'string' || !segmentIdPattern.test(node.value) || !String(node.value).startsWith(prefix)) {
      fail(node ?? parent, `Unexpected ${node ? JSON.stringify(node.value) : 'missing `id`'}, expected a ${prefix === 's' ? 'sentence' : 'block'} ID such as \`${prefix}-1a2b3c\``)
    }
    if (seen.has(node!.value)) fail(node!, `Unexpected duplicate ID \`${node!.value}\`, expected every ID once`)
    seen.add(node!.value)
    return node!.value
  }

  if (tree.type !== 'object') fail(tree, 'Unexpected segment map, expected an object with `blocks`')
  const blocks = property(tree, 'blocks')
  if (!blocks || blocks.type !== 'array') fail(blocks ?? tree, 'Unexpected segment map without a `blocks` array, expected `{"blocks": [...]}`')
  return {
    blocks: (blocks!.children ?? []).map((block) => {
      if (block.type !== 'object') fail(block, 'Unexpected block, expected an object with `id` and `sentences`')
      const id = checkId(property(block, 'id'), block, 'p')
      const sentences = property(block, 'sentences')
      if (!sentences || sentences.type !== 'array') fail(sentences ?? block, 'Unexpected block without `sentences`, expected an array')
      return {
        id,
        sentences: (sentences!.children ?? []).map((sentence) => {
          if (sentence.type !== 'object') fail(sentence, 'Unexpected sentence, expected an object with `id` and `text`')
          const sentenceId = checkId(property(sentence, 'id'), sentence, 's')
          const text = property(sentence, 'text')
          if (!text || text.type !== 'string') fail(text ?? sentence, 'Unexpected sentence without `text`, expected a string')
          return {id: sentenceId, text: text!.value as string}
        })
      }
    })
  }
}

export function stringifySegmentMap(map: SegmentMap): string {
  return stringifyJson({blocks: map.blocks.map((block) => ({id: block.id, sentences: block.sentences.map(({id, text}) => ({id, text}))}))})
}

export async function writeSegmentMap(filePath: string, map: SegmentMap): Promise<void> {
  await writeFileAtomic(filePath, stringifySegmentMap(map))
}

export function sameSegmentMap(a: SegmentMap | undefined, b: SegmentMap): boolean {
  return a !== undefined && stringifySegmentMap(a) === stringifySegmentMap(b)
}
