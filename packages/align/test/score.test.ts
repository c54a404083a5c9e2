import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import {describe, expect, it} from 'vitest'
import {formatUnits, loadDictionary, parseUnits, readDictd, scoreAlignment} from '../src/index.js'

describe('scoreAlignment', () => {
  it('counts strict and lax matches as Vecalign’s score.py does', () => {
    const gold = parseUnits('[0]:[0]\n[1, 2]:[1]\n[]:[2]\n[3]:[3]\n')
    const test = parseUnits('[0]:[0]\n[1]:[1]\n[2]:[]\n[]:[2]\n[3]:[3]\n')
    const scores = scoreAlignment(gold, test)
    // Precision over the 5 test units: 3 strict, 4 lax ([2]:[] overlaps no gold target).
    expect(scores.strict.precision).toBeCloseTo(3 / 5)
    expect(scores.lax.precision).toBeCloseTo(4 / 5)
    // Recall over the gold units with both sides: 2 of 3 strict, 3 lax.
    expect(scores.strict.recall).toBeCloseTo(2 / 3)
    expect(scores.lax.recall).toBe(1)
    expect(scores.strict.f1).toBeCloseTo((2 * 0.6 * (2 / 3)) / (0.6 + 2 / 3))
    expect(scoreAlignment(gold, gold).strict).toEqual({precision: 1, recall: 1, f1: 1})
  })
})

describe('unit format', () => {
  it('writes and reads back Vecalign units', () => {
    const units = [{source: [0], target: [0, 1]}, {source: [3, 4], target: [5]}, {source: [], target: [7]}, {source: [8], target: []}]
    expect(formatUnits(units)).toBe('[0]:[0, 1]\n[3, 4]:[5]\n[]:[7]\n[8]:[]\n')
    expect(parseUnits(formatUnits(units))).toEqual(units)
  })

  it('names the line of a malformed unit', () => {
    expect(() => parseUnits('[0]:[0]\n[1:[2]\n')).toThrow('Unexpected `[1:[2]` on line 2, expected a unit such as `[0]:[0, 1]`')
  })
})

/** A dictd database as dictfmt writes it: entries in a gzip-compressed data file, base-64 offsets in the index. */
async function writeDictd(directory: string, name: string, entries: Array<[string, string]>) {
  const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  const encode = (value: number) => {
    let text = ''
    do {
      text = base64[value % 64] + text
      value = Math.floor(value / 64)
    } while (value > 0)
    return text
  }
  let data = Buffer.alloc(0)
  let index = `00databaseutf8\tA\tB\n`
  for (const [headword, body] of entries) {
    const bytes = Buffer.from(body, 'utf8')
    index += `${headword.toLowerCase()}\t${encode(data.length)}\t${encode(bytes.length)}\n`
    data = Buffer.concat([data, bytes])
  }
  await fs.writeFile(path.join(directory, `${name}.index`), index)
  await fs.writeFile(path.join(directory, `${name}.dict.dz`), zlib.gzipSync(data))
}

describe('FreeDict dictionaries', () => {
  it('reads single-word entries, numbered senses and glosses, and turns the reverse database around', async () => {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'briefs-dictd-'))
    await writeDictd(directory, 'freedict-fra-rus', [
      ['passer', 'passer /pa.se/ <v>\n1. забегать\nAller d’un lieu à un autre\n2. провести, проводить\nConsumer, employer\n'],
      ['frontière', 'frontière /fʁɔ̃.tjɛʁ/ <n, fem>\nграница (государственная)\n'],
      ['asie du sud-est', 'Asie du Sud-Est /azi/ <n>\nЮго-Восточная Азия\n']
    ])
    await writeDictd(directory, 'freedict-rus-fra', [['мобилизация', 'мобилизация <n>\nmobilisation\nпризыв в армию\n'], ['суд', 'суд <n>\ntribunal de grande instance\n']])
    expect(await readDictd(path.join(directory, 'freedict-fra-rus'))).toEqual([
      {headword: 'passer', translations: [['забегать'], ['провести'], ['проводить']]},
      {headword: 'frontière', translations: [['граница']]}
    ])
    const dictionary = await loadDictionary({source: 'fr', target: 'ru', directory})
    expect(dictionary?.pairs).toEqual([
      ['passer', 'забегать'],
      ['passer', 'провести'],
      ['passer', 'проводить'],
      ['frontière', 'граница'],
      // Turned around, a phrase is not taken word by word.
      ['mobilisation', 'мобилизация']
    ])
    expect(await loadDictionary({source: 'fr', target: 'de', directory})).toBeUndefined()
    expect(await loadDictionary({source: 'fr', target: 'zz', directory})).toBeUndefined()
  })
})
