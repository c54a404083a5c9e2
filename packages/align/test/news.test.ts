import {readGlossary} from '@briefs/qa'
import {beforeAll, describe, expect, it} from 'vitest'
import {align, dictdDirectory, formatUnit, loadDictionary, scoreAlignment, type BilingualDictionary, type GlossaryPair} from '../src/index.js'
import {corpusRoot, newsCases, type NewsCase} from './news.js'

const seeds = [1, 2, 3, 4, 5, 6]
let cases: NewsCase[] = []
const glossaries: Record<string, GlossaryPair[]> = {}
const dictionaries: Record<string, BilingualDictionary | undefined> = {}

// CI installs the FreeDict dictionaries (.ci/run): there, a missing one is a failure, not a skip.
const dictionariesRequired = Boolean(process.env.CI)

beforeAll(async () => {
  cases = await newsCases(seeds)
  const {terms} = await readGlossary(corpusRoot, ['en', 'ru'])
  for (const language of ['en', 'ru'] as const) {
    glossaries[language] = terms.map((term) => ({source: term.fr, target: term.forms.get(language)!}))
    dictionaries[language] = await loadDictionary({source: 'fr', target: language})
  }
})

function check(testCase: NewsCase, options: Parameters<typeof align>[2]) {
  const alignment = align(testCase.french, testCase.target, options)
  const produced = alignment.units.map(formatUnit)
  const expected = testCase.gold.map(formatUnit)
  expect(produced, `${testCase.name}: ${testCase.edits.join(', ')}`).toEqual(expected)
  return alignment
}

describe('news dev set', () => {
  it('builds documents with every kind of edit', () => {
    expect(cases.length).toBe(2 * 2 * seeds.length)
    const edits = cases.flatMap((testCase) => testCase.edits.map((edit) => edit.split(' ')[0]))
    for (const kind of ['merged', 'split', 'left', 'added', 'moved']) expect(edits).toContain(kind)
    for (const testCase of cases) {
      const shapes = testCase.gold.map((unit) => `${Math.min(unit.source.length, 2)}-${Math.min(unit.target.length, 2)}`)
      expect(shapes, testCase.name).toContain('0-1')
    }
  })

  it('aligns every unit right with lengths, numbers, names, cognates and the glossary', () => {
    for (const testCase of cases) check(testCase, {targetLanguage: testCase.language, glossary: glossaries[testCase.language]})
  })

  it('aligns every unit right with the FreeDict dictionaries too', () => {
    const missing = (['en', 'ru'] as const).filter((language) => !dictionaries[language])
    if (missing.length > 0) {
      expect(dictionariesRequired, `FreeDict fra-${missing.join('/fra-')} missing from ${dictdDirectory}: apt-get install dict-freedict-fra-eng dict-freedict-fra-rus`).toBe(false)
      return
    }
    for (const testCase of cases) {
      check(testCase, {targetLanguage: testCase.language, glossary: glossaries[testCase.language], dictionary: dictionaries[testCase.language]})
    }
  })

  // With no language named, no glossary nor dictionary: lengths, digits, names and cognates only.
  // A translator's note as long as its neighbour can then take its place: nearly every unit, not every one.
  it('aligns nearly every unit with no knowledge of the target language, far better than Gale–Church', () => {
    let blind = 0
    let baseline = 0
    for (const testCase of cases) {
      blind += scoreAlignment(testCase.gold, align(testCase.french, testCase.target).units).strict.f1
      baseline += scoreAlignment(testCase.gold, align(testCase.french, testCase.target, {method: 'length'}).units).strict.f1
    }
    expect(blind / cases.length).toBeGreaterThanOrEqual(0.97)
    expect(baseline / cases.length).toBeLessThan(0.9)
  })
})
