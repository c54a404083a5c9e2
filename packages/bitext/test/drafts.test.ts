import fs from 'node:fs/promises'
import {fileURLToPath} from 'node:url'
import {corpusLayout, loadArticle, parseJson, resourceEntries, type Article} from '@briefs/corpus'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {buildBitext, fingerprint, originEntries, parseLedger, stringifyEntries, withDrafts, type Bitext, type Draft} from '../src/index.js'

const shipped = fileURLToPath(new URL('../../../corpus/', import.meta.url))
const georgia = '2022-09-la-georgie-et-le-kazakhstan-deux-pays'
const layout = corpusLayout(shipped)
const article = await loadArticle(layout, georgia)
const shippedResource = JSON.parse(await fs.readFile(layout.resourceFile('en', georgia), 'utf8')) as Record<string, string>

/** The bitext of the Georgia article with this resource text (and origins text, when given). */
function bitextOf(resourceText: string | undefined, originsText?: string, of: Article = article): Bitext {
  const file = resourceText === undefined ? undefined : new VFile({path: 'en.json', value: resourceText})
  const originsFile = originsText === undefined ? undefined : new VFile({path: 'origins.json', value: originsText})
  return buildBitext({
    article: of,
    lng: 'en',
    resource: file ? {lng: 'en', namespace: of.id, file, entries: resourceEntries(file, parseJson(file))} : undefined,
    ledger: () => parseLedger(undefined, () => undefined),
    origins: originsFile ? {file: originsFile, entries: originEntries(originsFile, parseJson(originsFile))} : undefined
  })
}

const text = (entries: Array<[string, string]>) => `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`

describe('drafts written into a resource', () => {
  it('replace values in place and put new keys in document order', () => {
    const without = Object.entries(shippedResource).filter(([key]) => key !== 's-4de67c' && key !== 's-802e70' && key !== 's-b2196b')
    const bitext = bitextOf(text(without))
    const drafts: Draft[] = [
      {key: 's-b2196b', target: 'Last.', origin: {via: 'memory', date: '2026-12-01', score: 100, from: 'x#s-1'}},
      {key: 's-4de67c', target: 'New *second*.'},
      {key: 's-802e70', target: 'New first.'},
      {key: 's-315253', target: 'Replaced.'}
    ]
    const files = withDrafts(bitext, drafts)
    const result = JSON.parse(files.resource) as Record<string, string>
    expect(Object.keys(result)).toEqual(Object.keys(shippedResource))
    expect(result).toEqual({...shippedResource, 's-802e70': 'New first.', 's-4de67c': 'New *second*.', 's-b2196b': 'Last.', 's-315253': 'Replaced.'})
    expect(files.resource).toBe(text(Object.entries(result)))
    // Only the draft with an origin is in the origins, fingerprinted.
    expect(JSON.parse(files.origins!)).toEqual({'s-b2196b': {via: 'memory', target: fingerprint('Last.'), date: '2026-12-01', score: 100, from: 'x#s-1'}})
    // Nothing drafted, nothing changed.
    expect(withDrafts(bitext, [])).toEqual({resource: text(without), origins: undefined})
  })

  it('start a resource, and keep what the article does not use where it is', () => {
    expect(withDrafts(bitextOf(undefined), [{key: 's-d9457a', target: 'B'}, {key: 'title', target: 'T'}]).resource).toBe('{\n  "title": "T",\n  "s-d9457a": "B"\n}\n')
    const odd = withDrafts(bitextOf(stringifyEntries([['s-zzzzzz', 'orphan'], ['s-d9457a', 'B'], ['10', 'number-like key']])), [{key: 'title', target: 'T'}, {key: 's-54420e', target: 'C'}])
    expect(odd.resource).toBe('{\n  "title": "T",\n  "s-zzzzzz": "orphan",\n  "s-d9457a": "B",\n  "s-54420e": "C",\n  "10": "number-like key"\n}\n')
  })

  it('keep the origins of other units, and refuse to write origins over entries it could not read', () => {
    const other = {via: 'xliff', target: fingerprint(shippedResource['s-d9457a']!), date: '2026-11-30', from: 'back.xlf'}
    const files = withDrafts(bitextOf(text(Object.entries(shippedResource)), JSON.stringify({'s-d9457a': other})), [{key: 'title', target: 'T', origin: {via: 'xliff', date: '2026-12-01'}}])
    expect(Object.keys(JSON.parse(files.origins!))).toEqual(['title', 's-d9457a'])
    const broken = bitextOf(text(Object.entries(shippedResource)), '{"s-d9457a": {"via": "fax"}}')
    expect(() => withDrafts(broken, [{key: 'title', target: 'T', origin: {via: 'xliff', date: '2026-12-01'}}])).toThrow(/invalid entries in origins/)
  })

  it('refuse a key that is no unit', () => {
    expect(() => withDrafts(bitextOf(undefined), [{key: 's-zzzzzz', target: 'x'}])).toThrow(/expected a translation unit/)
  })

  it('keep every key and value it does not change, in order; a resource in document order stays so (property)', () => {
    const units = bitextOf(undefined).units.map((unit) => unit.key)
    const keyedValue = fc.string({maxLength: 12})
    fc.assert(
      fc.property(
        fc.subarray(units),
        fc.boolean(),
        fc.array(fc.constantFrom('s-zzzzzz', '7', 'note'), {maxLength: 2}),
        fc.subarray(units),
        keyedValue,
        (kept, shuffle, extra, drafted, value) => {
          const present = shuffle ? [...kept].reverse() : kept
          const before: Array<[string, string]> = [...present, ...new Set(extra)].map((key) => [key, `v ${key}`])
          const bitext = bitextOf(stringifyEntries(before))
          const files = withDrafts(
            bitext,
            drafted.map((key) => ({key, target: `${value} ${key}`}))
          )
          // Keys as written (JSON.parse would move the number-like one to the front).
          const afterKeys = [...files.resource.matchAll(/^ {2}("(?:[^"\\]|\\.)*"):/gm)].map((match) => JSON.parse(match[1]!) as string)
          const after = Object.entries(JSON.parse(files.resource) as Record<string, string>)
          expect(afterKeys).toHaveLength(after.length)
          // The keys that were there keep their order; new ones are the drafted ones.
          expect(afterKeys.filter((key) => before.some(([old]) => old === key))).toEqual(before.map(([key]) => key))
          expect(new Set(afterKeys)).toEqual(new Set([...before.map(([key]) => key), ...drafted]))
          const values = new Map(after)
          for (const [key, old] of before) expect(values.get(key)).toBe(drafted.includes(key) ? `${value} ${key}` : old)
          if (!shuffle && extra.length === 0) expect(afterKeys).toEqual(units.filter((key) => afterKeys.includes(key)))
        }
      )
    )
  })
})
