import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {corpusLayout, loadArticle} from '@briefs/corpus'
import {describe, expect, it} from 'vitest'
import {describeOrigin, fingerprint, loadBitext, readOrigins, stringifyOrigins, writeOrigins, type UnitOrigin} from '../src/index.js'

const shipped = fileURLToPath(new URL('../../../corpus/', import.meta.url))
const georgia = '2022-09-la-georgie-et-le-kazakhstan-deux-pays'

async function copy(): Promise<string> {
  const corpus = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'briefs-bitext-')), 'corpus')
  await fs.cp(shipped, corpus, {recursive: true})
  return corpus
}

describe('origins of drafts', () => {
  it('tell the reviewer where a draft came from, while its text is the one the tool wrote', async () => {
    const corpus = await copy()
    const layout = corpusLayout(corpus)
    const resource = JSON.parse(await fs.readFile(layout.resourceFile('en', georgia), 'utf8')) as Record<string, string>
    const origin: UnitOrigin = {via: 'memory', target: fingerprint(resource['s-4de67c']!), date: '2026-11-30', score: 87, from: '2022-10-plus-de-200-000-citoyens-russes-ont-ete#s-01366c'}
    await fs.mkdir(path.dirname(layout.originsFile('en', georgia)), {recursive: true})
    await writeOrigins(layout.originsFile('en', georgia), new Map([['s-4de67c', origin], ['s-802e70', {...origin, target: fingerprint('another text')}]]), ['s-802e70', 's-4de67c'])
    const bitext = await loadBitext(layout, await loadArticle(layout, georgia), 'en')
    const units = new Map(bitext.units.map((unit) => [unit.key, unit]))
    expect(units.get('s-4de67c')!.origin).toEqual(origin)
    // Edited since: the origin no longer speaks of the text.
    expect(units.get('s-802e70')!.origin).toBeUndefined()
    expect(describeOrigin(origin)).toBe('TM 87 % from 2022-10-plus-de-200-000-citoyens-russes-ont-ete#s-01366c')
    expect(describeOrigin({via: 'alignment', target: origin.target, date: origin.date, score: 0.6234, from: 'delivery.docx'})).toBe('aligned from delivery.docx, confidence 0.62')
    expect(Object.keys(JSON.parse(await fs.readFile(layout.originsFile('en', georgia), 'utf8')))).toEqual(['s-802e70', 's-4de67c'])
  })

  it('are written in document order, 2-space JSON, and a malformed entry is refused at its place', async () => {
    const text = stringifyOrigins(new Map([['b', {via: 'xliff', target: '0123456789abcdef', date: '2026-11-30'}], ['a', {via: 'alignment', target: '0123456789abcdef', date: '2026-11-30', score: 1}]]), ['a', 'b'])
    expect(text).toBe('{\n  "a": {\n    "via": "alignment",\n    "target": "0123456789abcdef",\n    "date": "2026-11-30",\n    "score": 1\n  },\n  "b": {\n    "via": "xliff",\n    "target": "0123456789abcdef",\n    "date": "2026-11-30"\n  }\n}\n')
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'briefs-origins-')), 'o.json')
    await fs.writeFile(file, '{\n  "s-1": {"via": "fax", "target": "0123456789abcdef", "date": "2026-11-30"}\n}\n')
    const origins = await readOrigins(file)
    expect(origins.entries.size).toBe(0)
    expect(origins.file!.messages.map((message) => [message.line, message.column, message.ruleId])).toEqual([[2, 10, 'invalid-origins']])
  })
})
