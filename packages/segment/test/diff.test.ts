import {describe, expect, it} from 'vitest'
import {diffSegmentMaps, type SegmentMap} from '../src/index.js'
import {segment} from './helpers.js'

const before: SegmentMap = {
  blocks: [
    {
      id: 'p-aaaaaa',
      sentences: [
        {id: 's-111111', text: 'La Géorgie a enregistré près de 10.000 arrivées par jour.'},
        {id: 's-222222', text: 'Le ministère l\'a confirmé.'}
      ]
    },
    {id: 'p-bbbbbb', sentences: [{id: 's-333333', text: 'Le Kazakhstan a compté 98.000 arrivées.'}]},
    {id: 'p-cccccc', sentences: [{id: 's-444444', text: 'M. Tokaïev promet de les protéger.'}]}
  ]
}

describe('diffSegmentMaps', () => {
  it('finds nothing between a map and itself, or a copy of it', () => {
    const empty = {edited: [], added: [], removed: [], moved: []}
    expect(diffSegmentMaps(before, before)).toEqual(empty)
    expect(diffSegmentMaps(before, structuredClone(before))).toEqual(empty)
  })

  it('lists an edited sentence (same ID, new text) with both texts', () => {
    const after = structuredClone(before)
    after.blocks[1]!.sentences[0]!.text = 'Le Kazakhstan a compté 99.500 arrivées.'
    expect(diffSegmentMaps(before, after)).toEqual({
      edited: [{id: 's-333333', before: 'Le Kazakhstan a compté 98.000 arrivées.', after: 'Le Kazakhstan a compté 99.500 arrivées.'}],
      added: [],
      removed: [],
      moved: []
    })
  })

  it('lists added and removed sentence IDs', () => {
    const after: SegmentMap = {
      blocks: [
        before.blocks[0]!,
        {id: 'p-dddddd', sentences: [{id: 's-555555', text: 'La Mongolie aussi.'}]},
        before.blocks[2]!
      ]
    }
    expect(diffSegmentMaps(before, after)).toEqual({edited: [], added: ['s-555555'], removed: ['s-333333'], moved: []})
  })

  it('lists a sentence moved to another block, not a block moved as a whole', () => {
    const reordered: SegmentMap = {blocks: [before.blocks[2]!, before.blocks[0]!, before.blocks[1]!]}
    expect(diffSegmentMaps(before, reordered).moved).toEqual([])

    const after: SegmentMap = {
      blocks: [
        {id: 'p-aaaaaa', sentences: [before.blocks[0]!.sentences[0]!]},
        {id: 'p-bbbbbb', sentences: [...before.blocks[1]!.sentences, before.blocks[0]!.sentences[1]!]},
        before.blocks[2]!
      ]
    }
    expect(diffSegmentMaps(before, after)).toEqual({edited: [], added: [], removed: [], moved: ['s-222222']})
  })

  it('lists a sentence both edited and moved in both lists', () => {
    const after: SegmentMap = {
      blocks: [
        {id: 'p-aaaaaa', sentences: [before.blocks[0]!.sentences[0]!]},
        {id: 'p-bbbbbb', sentences: [...before.blocks[1]!.sentences, {id: 's-222222', text: 'Le ministère l\'a démenti.'}]},
        before.blocks[2]!
      ]
    }
    expect(diffSegmentMaps(before, after)).toEqual({
      edited: [{id: 's-222222', before: 'Le ministère l\'a confirmé.', after: 'Le ministère l\'a démenti.'}],
      added: [],
      removed: [],
      moved: ['s-222222']
    })
  })

  it('lists edited, added and moved in the new map\'s order and removed in the old map\'s', () => {
    const after: SegmentMap = {
      blocks: [
        {id: 'p-eeeeee', sentences: [{id: 's-666666', text: 'Nouveau.'}, {id: 's-444444', text: 'M. Tokaïev promet de les accueillir.'}]},
        {id: 'p-aaaaaa', sentences: [{id: 's-777777', text: 'Aussi nouveau.'}, {id: 's-111111', text: 'La Géorgie a enregistré 10.000 arrivées par jour.'}]}
      ]
    }
    expect(diffSegmentMaps(before, after)).toEqual({
      edited: [
        {id: 's-444444', before: 'M. Tokaïev promet de les protéger.', after: 'M. Tokaïev promet de les accueillir.'},
        {id: 's-111111', before: 'La Géorgie a enregistré près de 10.000 arrivées par jour.', after: 'La Géorgie a enregistré 10.000 arrivées par jour.'}
      ],
      added: ['s-666666', 's-777777'],
      removed: ['s-222222', 's-333333'],
      moved: ['s-444444']
    })
  })

  it('treats a missing old map as empty: everything is added', () => {
    expect(diffSegmentMaps(undefined, before)).toEqual({
      edited: [],
      added: ['s-111111', 's-222222', 's-333333', 's-444444'],
      removed: [],
      moved: []
    })
  })

  it('reports what remarkSegment did to an edited article', () => {
    const original = 'La Géorgie a enregistré près de 10.000 arrivées par jour. Le ministère l\'a confirmé.\n\nLe Kazakhstan a compté 98.000 arrivées.\n'
    const map0 = segment(original).map
    const edited = 'La Géorgie a enregistré près de 11.200 arrivées dimanche.\n\nLe Kazakhstan a compté 98.000 arrivées. Le ministère l\'a confirmé.\n\nLa Mongolie aussi.\n'
    const map1 = segment(edited, map0).map
    const [georgia, confirmed] = map0.blocks[0]!.sentences.map((sentence) => sentence.id)
    expect(diffSegmentMaps(map0, map1)).toEqual({
      edited: [{id: georgia, before: 'La Géorgie a enregistré près de 10.000 arrivées par jour.', after: 'La Géorgie a enregistré près de 11.200 arrivées dimanche.'}],
      added: [map1.blocks[2]!.sentences[0]!.id],
      removed: [],
      moved: [confirmed]
    })
  })
})
