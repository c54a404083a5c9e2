import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {briefs} from './helpers.js'

/**
 * A corpus configured for English, Russian and German (`briefs.config.json`):
 * adding German took its profile (`packages/languages/src/profiles/de.ts`,
 * registered in `registry.ts`), its interface strings
 * (`apps/publisher/locales/de/ui.json`) and the configuration.
 */
const fixture = fileURLToPath(new URL('./fixtures/german/corpus/', import.meta.url))
const id = '2022-09-la-georgie-et-le-kazakhstan'

async function germanCorpus(): Promise<string> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'briefs-german-'))
  await fs.cp(fixture, path.join(directory, 'corpus'), {recursive: true})
  return directory
}

async function editGerman(cwd: string, key: string, from: string, to: string) {
  const file = path.join(cwd, 'corpus/locales/de', `${id}.json`)
  const entries = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, string>
  expect(entries[key]).toContain(from)
  entries[key] = entries[key]!.replace(from, to)
  await fs.writeFile(file, `${JSON.stringify(entries, null, 2)}\n`)
}

describe('a corpus translated into German too', () => {
  it('passes the checks with German conventions: `10.000`, `21. September`, `„…“`', async () => {
    const cwd = await germanCorpus()
    const result = await briefs(cwd, 'check')
    expect(result).toMatchObject({code: 0, stdout: 'Checked: 0 errors, 0 warnings in 15 translations of 15 segments\n'})
  })

  it('holds German to them: a decimal comma where a group dot belongs, English quotation marks', async () => {
    const cwd = await germanCorpus()
    await editGerman(cwd, 's-54420e', 'knapp 10.000', 'knapp 10,000')
    await editGerman(cwd, 's-8db492', '„5.000 bis 6.000“', '“5.000 bis 6.000”')
    const rows = JSON.parse((await briefs(cwd, 'check', '--format', 'json', '--lang', 'de')).stdout) as Array<{ruleId: string; segment: string; message: string}>
    expect(rows.map((row) => [row.ruleId, row.segment])).toEqual([
      ['number-mismatch', 's-54420e'],
      ['quote-style', 's-8db492']
    ])
    expect(rows[0]!.message).toMatch(/^Unexpected `10,000` in the translation, expected 10\.000 \(`10\.000` in the French\)/)
    expect(rows[1]!.message).toMatch(/^Unexpected `”` in the German translation, expected „ “ \(‚ ‘ inside\)/)
  })

  it('counts German in the status', async () => {
    const cwd = await germanCorpus()
    const rows = JSON.parse((await briefs(cwd, 'status', '--json')).stdout) as Array<{lang: string; counts: Record<string, number>; total: number}>
    expect(rows.map((row) => [row.lang, row.counts.draft, row.total])).toEqual([
      ['en', 5, 5],
      ['ru', 5, 5],
      ['de', 5, 5]
    ])
  })

  it('builds French | German briefs in German, and a four-column view', async () => {
    const cwd = await germanCorpus()
    const result = await briefs(cwd, 'build', '--no-cache')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Built 3 briefs (1 articles × en, ru, de)')
    const site = path.join(cwd, 'site')
    expect((await fs.readdir(path.join(site, id))).sort()).toEqual(['fr-de.html', 'fr-de.md', 'fr-en-ru-de.html', 'fr-en-ru-de.md', 'fr-en.html', 'fr-en.md', 'fr-ru.html', 'fr-ru.md'])
    const german = await fs.readFile(path.join(site, id, 'fr-de.html'), 'utf8')
    expect(german).toMatch(/^<!doctype html><html lang="de">/)
    expect(german).toContain('Zum Text springen')
    expect(german).toContain('0 von 5 Sätzen geprüft')
    expect(german).toContain('<div class="target" lang="de" data-label="Deutsch">')
    expect(german).toContain('„Die Zahl ist auf etwa 10.000 pro Tag gestiegen.')
    const all = await fs.readFile(path.join(site, id, 'fr-en-ru-de.html'), 'utf8')
    expect(all).toContain('class="brief columns-4"')
    // Three paragraphs, each beside three translations.
    expect(all.match(/<div class="target" lang="(en|ru|de)"/g)?.length).toBe(3 * 3)
    expect(await fs.readFile(path.join(site, 'index.de.html'), 'utf8')).toContain('Zweisprachige Kurzmeldungen')
    expect(await fs.readFile(path.join(site, 'feed.de.xml'), 'utf8')).toContain('<title>Zweisprachige Kurzmeldungen: Französisch | Deutsch</title>')
  })
})
