import fs from 'node:fs/promises'
import path from 'node:path'
import {corpusLayout, loadArticle, readResource, writeSegmentMap} from '@briefs/corpus'
import {describe, expect, it} from 'vitest'
import {fingerprint, loadBitext, readLedger, stringifyLedger, unitsBySegment, unitState, unknownApproval, type Ledger, type LedgerEntry} from '@briefs/bitext'
import {approveUnits, type ApprovableUnit, type Approval} from '../src/index.js'
import {copyCorpus, editJson, editText, georgia, mobilisation} from './helpers.js'

const segments = [
  {id: 's-aaaaaa', paragraph: 'p-aaaaaa', text: 'Le nombre a augmenté.'},
  {id: 's-bbbbbb', paragraph: 'p-aaaaaa', text: 'Il était de 10.000.'}
]
const approved = (text: string, translation: string): LedgerEntry => ({source: fingerprint(text), target: fingerprint(translation), reviewer: 'R', date: '2026-11-21', text})

/** Each segment its own unit, translated by `translationOf`. */
const unitsOf = (list: typeof segments, translationOf: (id: string) => string | undefined): ApprovableUnit[] =>
  list.map((segment) => {
    const value = translationOf(segment.id)
    return {key: segment.id, source: segment.text, segments: [segment], ...(value === undefined ? {} : {target: {value}})}
  })
const approveSegments = (list: typeof segments, translationOf: (id: string) => string | undefined, current: ReadonlyMap<string, LedgerEntry>, approval: Approval) => approveUnits(unitsOf(list, translationOf), current, approval)
const reviewSegments = (list: typeof segments, translationOf: (id: string) => string | undefined, ledger: Pick<Ledger, 'entries'>) =>
  list.map((segment) => unitState(segment.text, translationOf(segment.id), ledger.entries.get(segment.id)?.entry))
/** An article's bitext, with its states, as `reviewArticle` gave them: every segment's unit. */
const reviewArticle = async (layout: ReturnType<typeof corpusLayout>, article: Awaited<ReturnType<typeof loadArticle>>, lng: 'en' | 'ru') => {
  const bitext = await loadBitext(layout, article, lng)
  const units = unitsBySegment(bitext)
  return {
    ...bitext,
    reviews: bitext.segments.map((segment) => {
      const unit = units.get(segment.id)!
      return {segment, state: unit.state, staleReason: unit.staleReason, translation: unit.target?.value, approval: unit.approval}
    })
  }
}

describe('segment states', () => {
  const translations: Record<string, string> = {'s-aaaaaa': 'The number rose.', 's-bbbbbb': 'It was 10,000.'}

  it('tells missing, draft, reviewed and stale apart, and why stale', () => {
    const states = (ledger: Record<string, LedgerEntry>, values = translations) =>
      reviewSegments(segments, (id) => values[id], {entries: new Map(Object.entries(ledger).map(([id, entry]) => [id, {entry}]))}).map((review) => [review.state, review.staleReason])
    expect(states({})).toEqual([['draft', undefined], ['draft', undefined]])
    expect(states({}, {'s-aaaaaa': 'The number rose.', 's-bbbbbb': '  '})).toEqual([['draft', undefined], ['missing', undefined]])
    expect(states({'s-aaaaaa': approved('Le nombre a augmenté.', 'The number rose.')})).toEqual([['reviewed', undefined], ['draft', undefined]])
    expect(states({'s-aaaaaa': approved('Le nombre a diminué.', 'The number rose.')})[0]).toEqual(['stale', 'source'])
    expect(states({'s-aaaaaa': approved('Le nombre a augmenté.', 'The number fell.')})[0]).toEqual(['stale', 'target'])
    expect(states({'s-aaaaaa': approved('Le nombre a diminué.', 'The number fell.')})[0]).toEqual(['stale', 'both'])
  })
})

describe('approving', () => {
  it('records the current texts, refuses missing translations and keeps what it was not asked to touch', () => {
    const other = approved('Autre.', 'Other.')
    const current = new Map([['s-zzzzzz', other]])
    const refused = approveSegments(segments, (id) => (id === 's-aaaaaa' ? 'The number rose.' : undefined), current, {reviewer: 'Ana', date: '2026-11-21'})
    expect(refused).toEqual({ok: false, missing: ['s-bbbbbb'], unknown: []})
    const done = approveSegments(segments, () => 'T.', current, {segmentIds: ['s-aaaaaa'], reviewer: 'Ana', date: '2026-11-21'})
    expect(done.ok && [...done.entries.keys()]).toEqual(['s-zzzzzz', 's-aaaaaa'])
    expect(done.ok && done.entries.get('s-zzzzzz')).toBe(other)
    expect(done.ok && done.entries.get('s-aaaaaa')).toEqual({source: fingerprint('Le nombre a augmenté.'), target: fingerprint('T.'), reviewer: 'Ana', date: '2026-11-21', text: 'Le nombre a augmenté.'})
    expect(approveSegments(segments, () => 'T.', current, {segmentIds: ['s-nope'], reviewer: 'Ana', date: '2026-11-21'})).toEqual({ok: false, missing: [], unknown: ['s-nope']})
  })

  it('keeps the first approval of unchanged texts', () => {
    const first = approved('Le nombre a augmenté.', 'T.')
    const again = approveSegments(segments, () => 'T.', new Map([['s-aaaaaa', first]]), {reviewer: 'Bo', date: '2026-12-01'})
    expect(again.ok && again.unchanged).toEqual(['s-aaaaaa'])
    expect(again.ok && again.entries.get('s-aaaaaa')).toBe(first)
  })

  it('writes approvals in document order, then the entries it could not read, as they were', () => {
    const text = stringifyLedger(new Map([['s-bbbbbb', approved('b', 'B')], ['s-aaaaaa', approved('a', 'A')]]), ['s-aaaaaa', 's-bbbbbb'], new Map([['__proto__', {odd: true}]]))
    expect(Object.keys(JSON.parse(text))).toEqual(['s-aaaaaa', 's-bbbbbb', '__proto__'])
    expect(text.endsWith('}\n')).toBe(true)
    expect(text).toContain('\n  "s-aaaaaa": {\n    "source": ')
  })
})

describe('the shipped corpus', () => {
  it('is fully reviewed in every language', async () => {
    const layout = corpusLayout(await copyCorpus())
    for (const id of [georgia, mobilisation]) {
      const article = await loadArticle(layout, id)
      for (const lng of ['en', 'ru'] as const) {
        const review = await reviewArticle(layout, article, lng)
        expect(review.counts, `${id} ${lng}`).toEqual({missing: 0, draft: 0, stale: 0, reviewed: article.segments.length})
        expect(review.ledger.file?.messages).toEqual([])
      }
    }
  })

  it('makes an edited French sentence stale in every language, keeps its translation, and nothing else changes', async () => {
    const corpus = await copyCorpus()
    const layout = corpusLayout(corpus)
    const before = await loadArticle(layout, georgia)
    await editText(layout.articleFile(georgia), 'a indiqué que 98.000 citoyens Russes', 'a indiqué que 99.000 citoyens russes')
    const after = await loadArticle(layout, georgia)
    await writeSegmentMap(layout.segmentMapFile(georgia), after.segmentMap)
    expect(after.segments.map((segment) => segment.id)).toEqual(before.segments.map((segment) => segment.id))
    for (const lng of ['en', 'ru'] as const) {
      const review = await reviewArticle(layout, await loadArticle(layout, georgia), lng)
      const stale = review.reviews.filter((entry) => entry.state !== 'reviewed')
      expect(stale.map((entry) => [entry.segment.id, entry.state, entry.staleReason])).toEqual([['s-802e70', 'stale', 'source']])
      expect(stale[0]!.translation).toBe((await readResource(layout, lng, georgia))!.entries.get('s-802e70')!.value)
      expect(stale[0]!.approval!.text).toContain('98.000 citoyens Russes')
      expect(review.counts.reviewed).toBe(before.segments.length - 1)
    }
  })
})

describe('a corrupt or hand-edited ledger', () => {
  async function ledgerWith(edit: (value: Record<string, any>) => void) {
    const corpus = await copyCorpus()
    const layout = corpusLayout(corpus)
    const file = layout.reviewFile('en', georgia)
    await editJson(file, edit)
    const article = await loadArticle(layout, georgia)
    return {layout, article, file}
  }

  it('reports invalid JSON at its line and column, never as reviewed', async () => {
    const corpus = await copyCorpus()
    const layout = corpusLayout(corpus)
    const file = layout.reviewFile('en', georgia)
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('"reviewer": "briefs desk",', '"reviewer": "briefs desk"'))
    const article = await loadArticle(layout, georgia)
    await expect(reviewArticle(layout, article, 'en')).rejects.toMatchObject({line: 6, column: 5, reason: expect.stringMatching(/^Unexpected "\\"date\\"" in JSON, expected `,`/)})
  })

  it('does not count an approval of an unknown segment, and says where it is', async () => {
    const {layout, article} = await ledgerWith((value) => {
      value['s-123456'] = value['s-315253']
    })
    const review = await reviewArticle(layout, article, 'en')
    expect(review.counts.reviewed).toBe(article.segments.length)
    expect(review.ledger.file!.messages.map((message) => [message.line, message.ruleId, message.reason])).toEqual([
      [expect.any(Number), 'orphan-approval', 'Unexpected approval of `s-123456`, a segment the article does not have, expected approvals of its segments (not counted)']
    ])
  })

  it('does not count an approval whose fingerprint matches nothing', async () => {
    const {layout, article} = await ledgerWith((value) => {
      value['s-315253'].source = '0123456789abcdef'
    })
    const review = await reviewArticle(layout, article, 'en')
    expect(review.reviews.find((entry) => entry.segment.id === 's-315253')!.state).toBe('draft')
    const [message] = review.ledger.file!.messages
    expect([message!.line, message!.column, message!.ruleId]).toEqual([10, 15, 'invalid-ledger'])
    expect(message!.reason).toMatch(/^Unexpected `source` fingerprint of `s-315253` that does not match its approved `text`/)
  })

  it('does not count an approval with a bad date or a missing field', async () => {
    const {layout, article} = await ledgerWith((value) => {
      value['s-315253'].date = 'yesterday'
      delete value['s-d9457a'].reviewer
    })
    const review = await reviewArticle(layout, article, 'en')
    expect(review.counts.draft).toBe(2)
    expect(review.ledger.file!.messages.map((message) => message.reason)).toEqual([
      'Unexpected date "yesterday" in approval of `s-315253`, expected `YYYY-MM-DD`',
      'Unexpected missing `reviewer` in approval of `s-d9457a`, expected a non-empty string'
    ])
  })

  it('keeps what it could not read when approving something else', async () => {
    const {layout, article, file} = await ledgerWith((value) => {
      value['s-d9457a'].reviewer = ''
    })
    const ledger = await readLedger(file, unknownApproval(article, new Set(article.segments.map((segment) => segment.id))))
    expect(ledger.others.get('s-d9457a')).toMatchObject({reviewer: ''})
    expect(path.basename(file)).toBe(`${georgia}.json`)
    expect(layout.reviewFile('en', georgia)).toBe(file)
  })
})
