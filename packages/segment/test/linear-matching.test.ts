// The matching of stable IDs is linear in memory (issue 12: a paragraph repeating one sentence
// took gigabytes) and gives exactly the IDs the quadratic version gave: checked against it.
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {assignStableIds, type SegmentMap} from '../src/index.js'
import {assignStableIds as referenceAssign} from './reference-stable-ids.js'

// Few distinct texts, so that copies and near-copies abound: the cases the pairing has to order.
const texts = ['Il a dit oui.', 'Il a dit non.', 'Elle a dit oui.', 'Merci.', 'Le 21 septembre, rien.', 'Il a dit oui !']
const blocksArbitrary = fc.array(fc.array(fc.constantFrom(...texts), {minLength: 1, maxLength: 6}), {minLength: 1, maxLength: 8}).map((blocks) => blocks.map((sentences) => ({sentences})))

describe('stable IDs on repeated sentences', () => {
  it('gives the IDs of the quadratic reference, with and without a previous map', () => {
    fc.assert(
      fc.property(blocksArbitrary, blocksArbitrary, fc.boolean(), (before, after, withMap) => {
        const previous: SegmentMap | undefined = withMap ? referenceAssign(before) : undefined
        expect(assignStableIds(after, previous)).toEqual(referenceAssign(after, previous))
      }),
      {numRuns: 500}
    )
  })

  it('matches 20,000 copies of one sentence against their map without building every pair', () => {
    const blocks = [{sentences: Array.from({length: 20_000}, () => 'Le ministre a parlé.')}]
    const map = assignStableIds(blocks)
    expect(new Set(map.blocks[0]!.sentences.map((sentence) => sentence.id)).size).toBe(20_000)
    // The first copy removed: every other copy keeps its ID, by position.
    const shorter = [{sentences: blocks[0]!.sentences.slice(1)}]
    const again = assignStableIds(shorter, map)
    const before = map.blocks[0]!.sentences.map((sentence) => sentence.id)
    expect(again.blocks[0]!.sentences.map((sentence) => sentence.id)).toEqual(before.slice(0, 19_999))
  })
})
