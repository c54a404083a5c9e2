import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {memoryFromArticles, memoryQuery, TranslationMemory, type MemoryEntry} from '../src/index.js'
import {corpusArticles} from './corpus.js'

const georgia = '2022-09-la-georgie-et-le-kazakhstan-deux-pays'

describe('matching against the shipped corpus', () => {
  it('a new article repeating two shipped sentences and altering one word of a third: two 100 matches with the shipped translations, one fuzzy match', async () => {
    const shipped = await corpusArticles('en')
    const memory = new TranslationMemory(memoryFromArticles(shipped))
    const units = shipped.find((article) => article.id === georgia)!.units
    const unit = (key: string) => units.find((candidate) => candidate.key === key)!
    const repeated = [unit('s-4de67c'), unit('s-c88ddd')]
    const altered = unit('s-07dc6d')
    const alteredFrench = altered.sourceText.replace('protégerait', 'défendrait')
    expect(alteredFrench).not.toBe(altered.sourceText)
    // The new article: new sentences around the repeated ones, so their context differs.
    const article = ['Une phrase nouvelle ouvre cet article.', repeated[0]!.sourceText, 'Une autre phrase nouvelle suit.', repeated[1]!.sourceText, alteredFrench]
    const best = article.map((source, index) => memory.match({source, ...(index > 0 ? {previous: article[index - 1]} : {}), ...(index < article.length - 1 ? {next: article[index + 1]} : {})})[0])
    expect(best[0]).toBeUndefined()
    expect(best[2]).toBeUndefined()
    for (const [index, expected] of [[1, repeated[0]!], [3, repeated[1]!]] as const) {
      expect(best[index]).toMatchObject({score: 100, kind: 'exact', target: expected.target, entry: {article: georgia, key: expected.key}})
    }
    const fuzzy = best[4]!
    expect(fuzzy).toMatchObject({kind: 'fuzzy', target: altered.target, entry: {key: altered.key}})
    expect(fuzzy.score).toBeGreaterThanOrEqual(75)
    expect(fuzzy.score).toBeLessThanOrEqual(99)
    expect(fuzzy.scores.numbers).toBe(100)
  })

  it('the query of a shipped unit finds that unit in context (101), as the memory indexed it', async () => {
    const shipped = await corpusArticles('en')
    const memory = new TranslationMemory(memoryFromArticles(shipped))
    for (const article of shipped) {
      article.units.forEach((unit, index) => {
        const query = memoryQuery(article, index)
        expect(query.source).toBe(unit.sourceText)
        const [best] = memory.match(query)
        expect(best).toMatchObject({score: 101, kind: 'in-context', target: unit.target, entry: {article: article.id, key: unit.key}})
      })
    }
    expect(() => memoryQuery(shipped[0]!, shipped[0]!.units.length)).toThrow(RangeError)
  })
})

const entry = (source: string, target: string, extra: Partial<MemoryEntry> = {}): MemoryEntry => ({article: 'a', key: `k${source.length}`, source, target, ...extra})

describe('TranslationMemory', () => {
  it('in context: 101 when the French before and after are the same too', () => {
    const memory = new TranslationMemory([entry('Il pleut.', 'It rains.', {previous: 'Le ciel est gris.', next: 'Il vente.'})])
    expect(memory.match({source: 'Il pleut.', previous: 'Le ciel est gris.', next: 'Il vente.'})[0]).toMatchObject({score: 101, kind: 'in-context'})
    expect(memory.match({source: 'Il pleut.', previous: 'Autre chose.', next: 'Il vente.'})[0]).toMatchObject({score: 100, kind: 'exact'})
  })

  it('substitutes numbers that differ, in the translation\'s own grouping, and flags it', () => {
    const memory = new TranslationMemory([entry('Ils étaient 11.200 dimanche et 5.000 lundi.', 'There were 11,200 on Sunday and 5,000 on Monday.')])
    const [match] = memory.match({source: 'Ils étaient 12.400 dimanche et 5.000 lundi.'})
    expect(match).toMatchObject({kind: 'numbers-substituted', score: 100, target: 'There were 12,400 on Sunday and 5,000 on Monday.', substitutions: [{from: '11,200', to: '12,400'}]})
    expect(match!.scores).toEqual({words: 100, numbers: 50, tags: 100})
  })

  it('does not substitute when it is ambiguous, or when the words differ', () => {
    const memory = new TranslationMemory([
      entry('Le 21 septembre, 21 morts.', 'On September 21, 21 dead.'),
      entry('Ils étaient 300 dimanche.', 'There were three hundred on Sunday.'),
      entry('Ils étaient 2,5 millions.', 'There were 2.5 million.')
    ])
    expect(memory.match({source: 'Le 22 septembre, 21 morts.'})[0]).toMatchObject({kind: 'fuzzy', score: 99, target: 'On September 21, 21 dead.'})
    expect(memory.match({source: 'Ils étaient 400 dimanche.'})[0]).toMatchObject({kind: 'fuzzy', target: 'There were three hundred on Sunday.'})
    expect(memory.match({source: 'Ils étaient 3,5 millions.'})[0]).toMatchObject({kind: 'fuzzy'})
  })

  it('scores tags apart from words', () => {
    const memory = new TranslationMemory([entry('Le Kremlin a parlé.', 'The Kremlin spoke.', {codes: ['**\u0000**']})])
    expect(memory.match({source: 'Le Kremlin a parlé.', codes: []})[0]!.scores).toEqual({words: 100, numbers: 100, tags: 0})
  })

  const words = ['le', 'la', 'chat', 'chien', 'mange', 'dort', 'Paris', 'Moscou', 'vite', 'ici', '12', '2022']
  const sentence = fc.array(fc.constantFrom(...words), {minLength: 1, maxLength: 8}).map((list) => `${list.join(' ')}.`)

  it('finds through its index what a scan of every pair finds', () => {
    fc.assert(
      fc.property(fc.array(sentence, {minLength: 1, maxLength: 30}), sentence, fc.integer({min: 1, max: 100}), (sources, query, minScore) => {
        const entries = sources.map((source, index) => ({article: 'a', key: `k${index}`, source, target: `t${index}`}))
        const memory = new TranslationMemory(entries)
        const found = memory.match({source: query}, {minScore, limit: 1000})
        // The scan: every pair scored alone.
        const scanned = entries.flatMap((candidate) => new TranslationMemory([candidate]).match({source: query}, {minScore, limit: 1}).map((match) => `${match.entry.key}:${match.score}`))
        expect(found.map((match) => `${match.entry.key}:${match.score}`).sort()).toEqual(scanned.sort())
        for (const match of found) expect(match.score === 100 || match.score === 101 ? match.kind !== 'fuzzy' : match.score >= minScore).toBe(true)
      }),
      {numRuns: 200}
    )
  })
})
