// Every folder under test/fixtures holds one `input.<ext>` read as a delivered
// translation in the language of the folder's prefix (`en-…`, `ru-…`, `fr-…`);
// `output.json` is the document read: paragraphs, sentences and messages.
// UPDATE=1 rewrites output.json from the current behaviour instead of comparing.
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {readDocument} from '../src/index.js'

const fixturesDirectory = fileURLToPath(new URL('./fixtures/', import.meta.url))
const updating = process.env.UPDATE === '1'
const names = readdirSync(fixturesDirectory).sort()

describe('fixtures', () => {
  it('has fixtures to run', () => {
    expect(names.length).toBeGreaterThan(0)
  })

  it.each(names)('%s', async (name) => {
    const folder = join(fixturesDirectory, name)
    const input = readdirSync(folder).find((file) => file.startsWith('input.'))!
    const document = await readDocument(join(folder, input), {language: name.slice(0, 2)})
    const actual = {
      format: document.format,
      paragraphs: document.paragraphs,
      sentences: document.sentences,
      messages: document.file.messages.map((message) => `${message.line}:${message.column} ${message.reason} (${message.ruleId})`)
    }
    const outputPath = join(folder, 'output.json')
    if (updating) {
      writeFileSync(outputPath, `${JSON.stringify(actual, null, 2)}\n`)
      return
    }
    expect(existsSync(outputPath), `${name}/output.json is missing; run with UPDATE=1`).toBe(true)
    expect(actual).toEqual(JSON.parse(readFileSync(outputPath, 'utf8')))
  })
})
