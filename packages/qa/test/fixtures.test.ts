import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import {corpusLayout, readCorpusConfig, stringifyJson, type TargetLanguage} from '@briefs/corpus'
import {describe, expect, it} from 'vitest'
import {checkCorpus, glossaryFileNames} from '../src/index.js'
import {copyCorpus, writeArticle} from './helpers.js'

/**
 * Each fixture is `test/fixtures/<rule>/<behaviour>/`: `input.json` lists
 * segments (the first is the title) with their French (inline Markdown, one
 * paragraph each) and translations, plus orphan keys; an optional
 * `glossary.json` or `glossary.yaml` replaces the shipped glossary.
 * `output.json` is every message the checks give about that article, in a
 * copy of the shipped corpus (so the glossary and the length statistics
 * are the real ones). `UPDATE=1` rewrites the outputs.
 */
interface FixtureInput {
  segments: Array<{fr: string} & Partial<Record<TargetLanguage, string>>>
  orphans?: Partial<Record<TargetLanguage, Record<string, string>>>
}

const fixtures = new URL('./fixtures/', import.meta.url)
const id = '2099-01-fixture'
const update = process.env.UPDATE === '1'

async function runFixture(directory: string) {
  const input = JSON.parse(await fsp.readFile(path.join(directory, 'input.json'), 'utf8')) as FixtureInput
  const corpus = await copyCorpus()
  const layout = corpusLayout(corpus)
  for (const name of glossaryFileNames) {
    if (!fs.existsSync(path.join(directory, name))) continue
    await fsp.rm(path.join(corpus, 'glossary.json'), {force: true})
    await fsp.copyFile(path.join(directory, name), path.join(corpus, name))
  }
  const [title, ...body] = input.segments
  const markdown = `---\nid: ${id}\ndate: 2099-01\nlang: fr\ntitle: ${JSON.stringify(title!.fr)}\n---\n\n${body.map((segment) => segment.fr).join('\n\n')}\n`
  const ids = await writeArticle(corpus, id, markdown)
  if (ids.length !== input.segments.length) throw new Error(`The fixture's French makes ${ids.length} segments, expected ${input.segments.length}: one sentence per paragraph`)
  for (const lng of (await readCorpusConfig(layout)).languages) {
    const entries = new Map<string, string>()
    input.segments.forEach((segment, index) => {
      const value = segment[lng]
      if (value !== undefined) entries.set(ids[index]!, value)
    })
    for (const [key, value] of Object.entries(input.orphans?.[lng] ?? {})) entries.set(key, value)
    if (entries.size > 0) await fsp.writeFile(layout.resourceFile(lng, id), stringifyJson(Object.fromEntries(entries)))
  }
  const result = await checkCorpus({corpus, articles: [id]})
  return result.files.flatMap((file) =>
    file.messages.map((message) => ({
      rule: message.ruleId,
      severity: message.fatal ? 'error' : 'warning',
      file: path.relative(corpus, file.path),
      place: message.place && 'start' in message.place ? `${message.place.start.line}:${message.place.start.column}-${message.place.end.line}:${message.place.end.column}` : `${message.line ?? ''}:${message.column ?? ''}`,
      ...(message.data ? {segment: ids.indexOf(message.data.segment) === -1 ? message.data.segment : ids.indexOf(message.data.segment)} : {}),
      reason: message.reason
    }))
  )
}

for (const rule of fs.readdirSync(fixtures).sort()) {
  describe(rule, () => {
    for (const behaviour of fs.readdirSync(new URL(`${rule}/`, fixtures)).sort()) {
      it(behaviour.replaceAll('-', ' '), async () => {
        const directory = path.join(fixtures.pathname, rule, behaviour)
        const actual = await runFixture(directory)
        const expectedFile = path.join(directory, 'output.json')
        if (update) await fsp.writeFile(expectedFile, `${JSON.stringify(actual, null, 2)}\n`)
        expect(actual).toEqual(JSON.parse(await fsp.readFile(expectedFile, 'utf8')))
        // A fixture says in its name whether the rule fires: `fires-…` or a near miss, `near-miss-…`.
        const fired = actual.filter((row) => row.rule === rule)
        if (behaviour.startsWith('fires')) expect(fired.length).toBeGreaterThan(0)
        else expect(fired).toEqual([])
      })
    }
  })
}
