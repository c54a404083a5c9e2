import type {ResourceEntry} from '@briefs/corpus'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {resolveUnits, unitKey, type FrenchSegment} from '../src/index.js'

/** Segments of blocks: `[['a', 'b'], ['c']]` is a block of two sentences and one of one, after the title. */
function segmentsOf(blocks: string[][]): FrenchSegment[] {
  const segment = (id: string, block: string): FrenchSegment => ({id, block, text: `Phrase ${id}.`, nodes: [{type: 'text', value: `Phrase ${id}.`}], plainText: `Phrase ${id}.`, start: {line: 1, column: 1}})
  return [segment('title', 'title'), ...blocks.flatMap((ids, index) => ids.map((id) => segment(`s-${id.repeat(6)}`, `p-${index}`)))]
}

function entries(...keys: string[]): Map<string, ResourceEntry> {
  return new Map(keys.map((key) => [key, {value: `Translation of ${key}.`, keyNode: undefined as never, valueNode: undefined as never}]))
}

const s = (id: string) => `s-${id.repeat(6)}`
const keysOf = (result: ReturnType<typeof resolveUnits>, segments: FrenchSegment[]) => result.units.map((unit) => [unit.key, segments.slice(unit.first, unit.last + 1).map((segment) => segment.id), unit.entry !== undefined])

describe('translation units', () => {
  const segments = segmentsOf([['a', 'b', 'c'], ['d']])

  it('cover one segment, or consecutive sentences of one block under one key; a segment with no key is a missing unit', () => {
    const result = resolveUnits(segments, entries('title', `${s('a')}+${s('b')}`, s('d')))
    expect(keysOf(result, segments)).toEqual([
      ['title', ['title'], true],
      [`${s('a')}+${s('b')}`, [s('a'), s('b')], true],
      [s('c'), [s('c')], false],
      [s('d'), [s('d')], true]
    ])
    expect(result.problems).toEqual([])
  })

  it('stay on the sentences left when one is deleted, and cover a sentence inserted inside them', () => {
    const lost = resolveUnits(segments, entries(`${s('a')}+${s('x')}`))
    expect(keysOf(lost, segments)[1]).toEqual([`${s('a')}+${s('x')}`, [s('a')], true])
    expect(lost.problems.map((problem) => [problem.kind, problem.segments])).toEqual([['lost-segments', [s('x')]]])
    const absorbed = resolveUnits(segments, entries(`${s('a')}+${s('c')}`))
    expect(keysOf(absorbed, segments)[1]).toEqual([`${s('a')}+${s('c')}`, [s('a'), s('b'), s('c')], true])
    expect(absorbed.problems.map((problem) => [problem.kind, problem.segments])).toEqual([['absorbed-segments', [s('b')]]])
  })

  it('attach nothing for an orphan, a malformed key, a unit across blocks, and the smaller of two overlapping units', () => {
    const result = resolveUnits(segments, entries(s('z'), `${s('a')}+`, `${s('c')}+${s('d')}`, s('b'), `${s('a')}+${s('b')}`))
    expect(result.problems.map((problem) => [problem.kind, problem.key, problem.with])).toEqual([
      ['orphan', s('z'), undefined],
      ['invalid-key', `${s('a')}+`, undefined],
      ['across-blocks', `${s('c')}+${s('d')}`, undefined],
      ['overlap', s('b'), `${s('a')}+${s('b')}`]
    ])
    expect(keysOf(result, segments).map(([key, , attached]) => [key, attached])).toEqual([
      ['title', false],
      [`${s('a')}+${s('b')}`, true],
      [s('c'), false],
      [s('d'), false]
    ])
  })

  it('cover every segment exactly once, in document order, whatever the resource holds (property)', () => {
    const ids = 'abcdefgh'.split('')
    const blocksArbitrary = fc.array(fc.integer({min: 1, max: 3}), {minLength: 1, maxLength: 4}).map((sizes) => {
      let next = 0
      return sizes.map((size) => ids.slice(next, (next += size))).filter((block) => block.length > 0)
    })
    const keyArbitrary = fc.array(fc.constantFrom(...ids, 'x', 'title'), {minLength: 1, maxLength: 3}).map((parts) => unitKey(parts.map((id) => (id === 'title' ? id : s(id)))))
    fc.assert(
      fc.property(blocksArbitrary, fc.array(keyArbitrary, {maxLength: 8}), (blocks, keys) => {
        const all = segmentsOf(blocks)
        const {units, problems} = resolveUnits(all, entries(...keys))
        const covered = units.flatMap((unit) => all.slice(unit.first, unit.last + 1).map((segment) => segment.id))
        expect(covered).toEqual(all.map((segment) => segment.id))
        for (const unit of units) expect(new Set(all.slice(unit.first, unit.last + 1).map((segment) => segment.block)).size).toBe(1)
        // Every key is attached, or said not to be; none both.
        const attached = new Set(units.flatMap((unit) => (unit.entry ? [unit.key] : [])))
        const detached = new Set(problems.filter((problem) => problem.kind !== 'lost-segments' && problem.kind !== 'absorbed-segments').map((problem) => problem.key))
        for (const key of new Set(keys)) expect(attached.has(key) !== detached.has(key), key).toBe(true)
      }),
      {numRuns: 2000}
    )
  })
})
