import {spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {schemaFiles} from '@briefs/exchange'
import {describe, expect, it} from 'vitest'
import {briefs, workspace} from './helpers.js'

const georgia = '2022-09-la-georgie-et-le-kazakhstan-deux-pays'
const versions = ['1.2', '2.0'] as const
const schemaOf = {'1.2': schemaFiles.xliff12, '2.0': schemaFiles.xliff20} as const

// Debian's tools (CI installs them: .ci/run). Missing in CI is a failure, not a skip.
const xmllintPath = '/usr/bin/xmllint'
const python = '/usr/bin/python3'
const hasXmllint = existsSync(xmllintPath)
const hasTranslateToolkit = existsSync(python) && spawnSync(python, ['-c', 'import translate.storage.factory'], {stdio: 'ignore'}).status === 0
for (const [name, present, install] of [
  ['xmllint (libxml2-utils)', hasXmllint, 'apt-get install libxml2-utils'],
  ['translate-toolkit (python3-translate)', hasTranslateToolkit, 'apt-get install python3-translate']
] as const) {
  describe.runIf(!present && Boolean(process.env.CI))(`${name} in CI`, () => {
    it('is installed', () => {
      expect.fail(`${name} is missing: CI must install it (${install}), or the CAT tests are skipped`)
    })
  })
}

/** xmllint against a vendored schema or DTD of @briefs/exchange, offline; the problems, or `''`. */
function xmllint(file: string, schema: string): string {
  const kind = schema.endsWith('.dtd') ? '--dtdvalid' : '--schema'
  const result = spawnSync(xmllintPath, ['--nonet', '--noout', kind, schema, file], {encoding: 'utf8', cwd: schemaFiles.directory, env: {...process.env, XML_CATALOG_FILES: schemaFiles.catalog}})
  return result.status === 0 ? '' : `${result.stderr}${result.stdout}`
}

// translate-toolkit's own XLIFF reader, through Debian's python.
const readWithTranslateToolkit = `
import json, sys
from translate.storage import factory
store = factory.getobject(sys.argv[1])
print(json.dumps([{"id": u.getid(), "source": u.source, "target": u.target, "approved": u.isapproved()} for u in store.units if not u.isheader()], ensure_ascii=False))
`

/** Every file of the corpus, as bytes: what an import must leave alone. */
async function corpusBytes(cwd: string): Promise<Record<string, Buffer>> {
  const root = path.join(cwd, 'corpus')
  const files: Record<string, Buffer> = {}
  for (const entry of await fs.readdir(root, {recursive: true, withFileTypes: true})) {
    if (entry.isFile()) files[path.relative(root, path.join(entry.parentPath, entry.name))] = await fs.readFile(path.join(entry.parentPath, entry.name))
  }
  return files
}

/** The files that differ between two snapshots. */
function changedFiles(before: Record<string, Buffer>, after: Record<string, Buffer>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((name) => !before[name] || !after[name] || !before[name]!.equals(after[name]!)).sort()
}

async function readJson<T = Record<string, string>>(cwd: string, file: string): Promise<T> {
  return JSON.parse(await fs.readFile(path.join(cwd, file), 'utf8')) as T
}

interface StatusRow {
  article: string
  counts: Record<string, number>
  segments: Array<{id: string; state: string; stale?: string; origin?: string}>
}

async function status(cwd: string, ...args: string[]): Promise<StatusRow[]> {
  const result = await briefs(cwd, 'status', '--json', '--verbose', ...args)
  expect(result.code).toBe(0)
  return JSON.parse(result.stdout) as StatusRow[]
}

/** Replace one target of an XLIFF file as a CAT tool would: the text inside `<target …>` of the unit holding `before`. */
function editTarget(xml: string, before: string, after: string): string {
  const edited = xml.replace(new RegExp(`(<target[^>]*>)${before.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(</target>)`), `$1${after}$2`)
  expect(edited).not.toBe(xml)
  return edited
}

describe('briefs xliff export', () => {
  it('writes a real article as XLIFF 1.2 and 2.0, valid against the OASIS schemas, deterministic; translate-toolkit reads the 1.2 file', async () => {
    const cwd = await workspace()
    const resource = await readJson(cwd, `corpus/locales/en/${georgia}.json`)
    for (const version of versions) {
      const result = await briefs(cwd, 'xliff', 'export', '--lang', 'en', '--article', georgia, '--xliff', version, '--out', `georgia-${version}.xlf`)
      expect(result).toEqual({code: 0, stderr: '', stdout: `georgia-${version}.xlf: XLIFF ${version}, fr → en, 1 article, 19 units (0 missing, 0 draft, 0 stale, 19 reviewed)\n`})
      const file = path.join(cwd, `georgia-${version}.xlf`)
      if (hasXmllint) expect(xmllint(file, schemaOf[version])).toBe('')
      const first = await fs.readFile(file)
      await briefs(cwd, 'xliff', 'export', '--lang', 'en', '--article', georgia, '--xliff', version, '--out', `georgia-${version}.xlf`)
      expect((await fs.readFile(file)).equals(first)).toBe(true)
    }
    if (hasTranslateToolkit) {
      const read = spawnSync(python, ['-c', readWithTranslateToolkit, path.join(cwd, 'georgia-1.2.xlf')], {encoding: 'utf8'})
      expect(read.stderr).toBe('')
      const units = JSON.parse(read.stdout) as Array<{id: string; source: string; target: string; approved: boolean}>
      expect(units.map((unit) => [unit.id, unit.target, unit.approved])).toEqual(Object.entries(resource).map(([key, value]) => [`${georgia}\u0004${key}`, value, true]))
      expect(units[0]!.source).toBe('La Géorgie et le Kazakhstan voient affluer les Russes fuyant la mobilisation')
    }
  })

  it('refuses a wrong command line with exit 2', async () => {
    const cwd = await workspace()
    expect((await briefs(cwd, 'xliff', 'export', '--lang', 'en')).stderr).toContain('Missing --out <file>')
    expect((await briefs(cwd, 'xliff', 'export', '--lang', 'de', '--out', 'x.xlf')).stderr).toBe('briefs: Unexpected language "de", expected one of `en`, `ru`\n')
    expect((await briefs(cwd, 'xliff', 'export', '--lang', 'en', '--xliff', '2.1', '--out', 'x.xlf')).code).toBe(2)
    // An article ID is checked as every command checks it: refused as input (exit 1), with the reason.
    expect((await briefs(cwd, 'xliff', 'export', '--lang', 'en', '--article', '../outside', '--out', 'x.xlf')).code).toBe(1)
    expect((await briefs(cwd, 'xliff', 'export', '--lang', 'en', '--article', 'nope', '--out', 'x.xlf')).stderr).toContain('Unexpected article `nope`')
    expect((await briefs(cwd, 'xliff', 'send')).code).toBe(2)
    expect((await briefs(cwd, 'xliff', 'import')).code).toBe(2)
    expect((await briefs(cwd, 'tm', 'export', '--out', 'x.tmx')).stderr).toContain('Missing --lang')
    expect((await briefs(cwd, 'pretranslate', '--lang', 'en', '--article', georgia, '--min', '102')).code).toBe(2)
    expect(existsSync(path.join(cwd, 'x.xlf'))).toBe(false)
    expect((await briefs(cwd, 'xliff', '--help')).code).toBe(0)
  })
})

describe('briefs xliff import', () => {
  for (const version of versions) {
    it(`XLIFF ${version}: an unchanged file changes no byte; an edited unit becomes the one unit to review, only its key changes, its origin is recorded`, async () => {
      const cwd = await workspace()
      const before = await corpusBytes(cwd)
      expect((await briefs(cwd, 'xliff', 'export', '--lang', 'en', '--xliff', version, '--out', 'desk.xlf')).code).toBe(0)
      const untouched = await briefs(cwd, 'xliff', 'import', 'desk.xlf')
      expect(untouched).toEqual({code: 0, stderr: '', stdout: `desk.xlf: XLIFF ${version}, fr → en, 2 articles, 36 units: 0 changed, 36 unchanged, 0 refused\n`})
      expect(changedFiles(before, await corpusBytes(cwd))).toEqual([])

      const resource = await readJson(cwd, `corpus/locales/en/${georgia}.json`)
      const edited = 'It did not, however, compare this with *the week before*.'
      const xml = await fs.readFile(path.join(cwd, 'desk.xlf'), 'utf8')
      await fs.writeFile(path.join(cwd, 'back.xlf'), editTarget(xml, resource['s-4de67c']!, edited.replace('*the week before*', 'the week before')))

      // --dry-run says what would change and writes nothing.
      const dry = await briefs(cwd, 'xliff', 'import', 'back.xlf', '--dry-run')
      expect(dry.code).toBe(0)
      expect(dry.stdout).toContain(`corpus/locales/en/${georgia}.json: 1 translation would be written as a draft`)
      expect(dry.stdout).toContain('Nothing written (--dry-run).')
      expect(changedFiles(before, await corpusBytes(cwd))).toEqual([])

      const result = await briefs(cwd, 'xliff', 'import', 'back.xlf')
      expect(result.code).toBe(0)
      expect(result.stdout).toBe(
        `back.xlf: XLIFF ${version}, fr → en, 2 articles, 36 units: 1 changed, 35 unchanged, 0 refused\n` +
          `  corpus/locales/en/${georgia}.json: 1 translation written as a draft\n` +
          'Needs action:\n' +
          '  review 1 draft: pnpm briefs status --verbose --lang en, then pnpm briefs review approve\n'
      )
      const after = await corpusBytes(cwd)
      expect(changedFiles(before, after)).toEqual([`locales/en/${georgia}.json`, `origins/en/${georgia}.json`])
      // Only that key changed, in its place, 2-space JSON.
      const text = after[`locales/en/${georgia}.json`]!.toString('utf8')
      expect(text).toBe(`${JSON.stringify({...resource, 's-4de67c': 'It did not, however, compare this with the week before.'}, null, 2)}\n`)
      expect(Object.keys(JSON.parse(text))).toEqual(Object.keys(resource))
      const origins = await readJson<Record<string, {via: string; from: string; target: string; date: string}>>(cwd, `corpus/origins/en/${georgia}.json`)
      expect(Object.keys(origins)).toEqual(['s-4de67c'])
      expect(origins['s-4de67c']).toMatchObject({via: 'xliff', from: 'back.xlf', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)})

      // Not approved any more: the one unit to review, its origin shown (the ledger keeps the old approval: stale, translation changed).
      const rows = await status(cwd, '--lang', 'en')
      expect(rows.flatMap((row) => row.segments)).toEqual([expect.objectContaining({id: 's-4de67c', state: 'stale', stale: 'target', origin: 'CAT tool from back.xlf'})])
      const text2 = await briefs(cwd, 'status', '--verbose', '--lang', 'en', '--article', georgia)
      expect(text2.stdout).toContain('  s-4de67c  stale (translation changed), CAT tool from back.xlf: ')

      // The same file again: nothing changes.
      const again = await corpusBytes(cwd)
      expect((await briefs(cwd, 'xliff', 'import', 'back.xlf')).stdout).toContain('0 changed, 36 unchanged, 0 refused')
      expect(changedFiles(again, await corpusBytes(cwd))).toEqual([])
    })
  }

  it('refuses by name a unit whose French was edited (and synced) after the export, and imports the rest', async () => {
    const cwd = await workspace()
    expect((await briefs(cwd, 'xliff', 'export', '--lang', 'en', '--out', 'desk.xlf')).code).toBe(0)
    const resource = await readJson(cwd, `corpus/locales/en/${georgia}.json`)
    let xml = await fs.readFile(path.join(cwd, 'desk.xlf'), 'utf8')
    xml = editTarget(xml, resource['s-4de67c']!, 'It did not compare this with the week before.')
    xml = editTarget(xml, resource['s-802e70']!, 'Kazakhstan said 98,000 Russians had arrived since September 21.')
    await fs.writeFile(path.join(cwd, 'back.xlf'), xml)
    // Meanwhile an editor changes the French of s-802e70, and records it.
    const articleFile = path.join(cwd, 'corpus/articles', `${georgia}.md`)
    const french = await fs.readFile(articleFile, 'utf8')
    await fs.writeFile(articleFile, french.replace('a indiqué que 98.000 citoyens Russes', 'a annoncé que 98.000 citoyens Russes'))
    expect((await briefs(cwd, 'sync')).code).toBe(0)

    const before = await corpusBytes(cwd)
    const result = await briefs(cwd, 'xliff', 'import', 'back.xlf')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('1 changed, 34 unchanged, 1 refused')
    expect(result.stdout).toContain(`  refused s-802e70 (${georgia}): its French changed since the export; export the article again and translate the unit there\n`)
    expect(result.stderr).toMatch(/back\.xlf\n\s*\d+:\d+\s+warning\s+Unexpected French in unit `s-802e70`, changed since the export/)
    expect(changedFiles(before, await corpusBytes(cwd))).toEqual([`locales/en/${georgia}.json`, `origins/en/${georgia}.json`])
    const after = await readJson(cwd, `corpus/locales/en/${georgia}.json`)
    expect(after['s-4de67c']).toBe('It did not compare this with the week before.')
    expect(after['s-802e70']).toBe(resource['s-802e70'])
  })

  it.each([
    ['malformed XML', (xml: string) => xml.replace('</source>', '</sorce>'), /back\.xlf\n\s*\d+:\d+\s+error\s+Unexpected malformed XML/, 'Nothing imported from back.xlf'],
    ['a language the corpus does not have', (xml: string) => xml.replaceAll('target-language="en"', 'target-language="de"'), /back\.xlf\n\s*3:3\s+error\s+Unexpected target language `de`, expected one of the corpus's \(`en`, `ru`\)/, 'Nothing imported from back.xlf'],
    ['an unknown article', (xml: string) => xml.replace(`original="${georgia}"`, 'original="2022-09-inconnu"'), /back\.xlf\n\s*3:3\s+error\s+Unexpected article `2022-09-inconnu`, expected one of the corpus/, 'Nothing imported: 1 error in back.xlf'],
    ['an unknown unit', (xml: string) => xml.replace('resname="s-4de67c"', 'resname="s-000000"'), /back\.xlf\n\s*\d+:\d+\s+error\s+Unexpected unit `s-000000` in article/, 'Nothing imported: 1 error in back.xlf']
  ])('refuses %s with file:line:column and exit 1, and writes nothing, even the units it could read', async (_, spoil, message, summary) => {
    const cwd = await workspace()
    await briefs(cwd, 'xliff', 'export', '--lang', 'en', '--out', 'desk.xlf')
    const resource = await readJson(cwd, `corpus/locales/en/${georgia}.json`)
    // A good edit in the same file: nothing is imported all the same.
    const xml = editTarget(await fs.readFile(path.join(cwd, 'desk.xlf'), 'utf8'), resource['s-802e70']!, 'An edited translation.')
    await fs.writeFile(path.join(cwd, 'back.xlf'), spoil(xml))
    const before = await corpusBytes(cwd)
    const result = await briefs(cwd, 'xliff', 'import', 'back.xlf')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(message)
    expect(result.stderr).toContain(`briefs: ${summary}\n`)
    expect(result.stdout).toBe('')
    expect(changedFiles(before, await corpusBytes(cwd))).toEqual([])
  })

  it('refuses a file in another corpus language than --lang, a missing file, and a file that is not XLIFF', async () => {
    const cwd = await workspace()
    await briefs(cwd, 'xliff', 'export', '--lang', 'ru', '--xliff', '2.0', '--out', 'ru.xlf')
    await fs.writeFile(path.join(cwd, 'memory.xml'), '<?xml version="1.0"?>\n<tmx version="1.4"/>\n')
    const before = await corpusBytes(cwd)
    const wrong = await briefs(cwd, 'xliff', 'import', 'ru.xlf', '--lang', 'en')
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toMatch(/ru\.xlf\n\s*2:1\s+error\s+Unexpected target language `ru` \(`trgLang`\), expected `en`/)
    expect((await briefs(cwd, 'xliff', 'import', 'gone.xlf')).stderr).toMatch(/gone\.xlf\n\s*error\s+Unexpected missing file, expected an XLIFF file/)
    expect((await briefs(cwd, 'xliff', 'import', 'memory.xml')).stderr).toMatch(/memory\.xml\n\s*2:1\s+error\s+Unexpected root element `tmx`, expected `xliff`/)
    expect(changedFiles(before, await corpusBytes(cwd))).toEqual([])
  })
})

describe('inline Markdown through a CAT tool', () => {
  it('comes back as the same Markdown; a tag the tool made up imports nothing, at its place', async () => {
    const cwd = await workspace()
    const resourceFile = path.join(cwd, `corpus/locales/en/${georgia}.json`)
    const shipped = await readJson(cwd, `corpus/locales/en/${georgia}.json`)
    await fs.writeFile(resourceFile, `${JSON.stringify({...shipped, 's-4de67c': 'However, it gave *no figures* for comparison with the previous week.'}, null, 2)}\n`)
    await briefs(cwd, 'xliff', 'export', '--lang', 'en', '--article', georgia, '--out', 'desk.xlf')
    const xml = await fs.readFile(path.join(cwd, 'desk.xlf'), 'utf8')
    const tagged = /<target[^>]*>However, it gave (<g [^>]*>)no figures<\/g> for comparison with the previous week\.<\/target>/.exec(xml)!
    expect(tagged).not.toBeNull()
    // The translator moves the tagged words: the tag comes back as the same emphasis.
    const moved = xml.replace(tagged[0], tagged[0].replace(/However, it gave (<g [^>]*>)no figures<\/g> for comparison with the previous week\./, 'However, it gave no figures for comparison with $1the previous week</g>.'))
    await fs.writeFile(path.join(cwd, 'back.xlf'), moved)
    expect((await briefs(cwd, 'xliff', 'import', 'back.xlf')).code).toBe(0)
    expect((await readJson(cwd, `corpus/locales/en/${georgia}.json`))['s-4de67c']).toBe('However, it gave no figures for comparison with *the previous week*.')
    // A tool that makes up a tag: nothing is imported.
    const madeUp = xml.replace(tagged[0], tagged[0].replace(tagged[1]!, tagged[1]!.replace(/id="\d+"/, 'id="9"')).replace('the previous week', 'last week'))
    expect(madeUp).not.toBe(xml)
    await fs.writeFile(path.join(cwd, 'bad.xlf'), madeUp)
    const before = await corpusBytes(cwd)
    const result = await briefs(cwd, 'xliff', 'import', 'bad.xlf')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/bad\.xlf\n\s*\d+:\d+\s+error\s+Unexpected `<g id="9">` without original Markdown/)
    expect(changedFiles(before, await corpusBytes(cwd))).toEqual([])
  })
})

describe('a translation unit over two French sentences in the CAT exchange', () => {
  const mergedKey = 's-54420e+s-8db492'

  for (const version of versions) {
    it(`XLIFF ${version}: is one unit out and one unit back, under its key`, async () => {
      const cwd = await workspace()
      const resourceFile = path.join(cwd, `corpus/locales/en/${georgia}.json`)
      const shipped = await readJson(cwd, `corpus/locales/en/${georgia}.json`)
      const merged = `${shipped['s-54420e']} ${shipped['s-8db492']}`
      const entries = Object.entries(shipped).flatMap(([key, value]): Array<[string, string]> => (key === 's-54420e' ? [[mergedKey, merged]] : key === 's-8db492' ? [] : [[key, value]]))
      await fs.writeFile(resourceFile, `${JSON.stringify(Object.fromEntries(entries), null, 2)}\n`)

      const exported = await briefs(cwd, 'xliff', 'export', '--lang', 'en', '--article', georgia, '--xliff', version, '--out', 'desk.xlf')
      expect(exported.stdout).toContain('18 units (0 missing, 1 draft, 0 stale, 17 reviewed)')
      const xml = await fs.readFile(path.join(cwd, 'desk.xlf'), 'utf8')
      if (hasXmllint) expect(xmllint(path.join(cwd, 'desk.xlf'), schemaOf[version])).toBe('')
      expect(xml).toContain(version === '2.0' ? `name="${mergedKey}"` : `resname="${mergedKey}"`)
      expect(xml).not.toMatch(/(?:name|resname|id)="s-54420e"/)
      expect(xml).not.toMatch(/(?:name|resname|id)="s-8db492"/)

      const rewritten = 'Arrivals of Russians in Georgia nearly doubled after the announcement, to close to 10,000 a day: 11,200 on Sunday against “5,000 to 6,000” before September 21.'
      await fs.writeFile(path.join(cwd, 'back.xlf'), editTarget(xml, merged, rewritten))
      const result = await briefs(cwd, 'xliff', 'import', 'back.xlf')
      expect(result.stdout).toContain('1 changed, 17 unchanged, 0 refused')
      const after = JSON.parse(await fs.readFile(resourceFile, 'utf8')) as Record<string, string>
      expect(Object.keys(after)).toEqual(entries.map(([key]) => key))
      expect(after[mergedKey]).toBe(rewritten)
      const [row] = await status(cwd, '--lang', 'en', '--article', georgia)
      expect(row!.segments).toEqual([expect.objectContaining({id: mergedKey, state: 'draft', origin: 'CAT tool from back.xlf'})])
      expect(row!.counts).toEqual({missing: 0, draft: 2, reviewed: 17, stale: 0})
    })
  }
})

describe('briefs tm export', () => {
  it('writes the reviewed units as TMX 1.4b, valid against the DTD, with dates, reviewer and article props', async () => {
    const cwd = await workspace()
    // One unit no longer reviewed: left out.
    const resourceFile = path.join(cwd, `corpus/locales/ru/${georgia}.json`)
    const resource = await readJson(cwd, `corpus/locales/ru/${georgia}.json`)
    await fs.writeFile(resourceFile, `${JSON.stringify({...resource, 's-4de67c': 'Правка.'}, null, 2)}\n`)
    const result = await briefs(cwd, 'tm', 'export', '--lang', 'ru', '--out', 'desk.tmx')
    expect(result).toEqual({code: 0, stderr: '', stdout: 'desk.tmx: TMX 1.4b, fr → ru, 35 reviewed units of 2 articles (1 not reviewed, left out)\n'})
    const tmx = await fs.readFile(path.join(cwd, 'desk.tmx'), 'utf8')
    if (hasXmllint) expect(xmllint(path.join(cwd, 'desk.tmx'), schemaFiles.tmx14)).toBe('')
    expect(tmx.match(/<tu /g)).toHaveLength(35)
    expect(tmx).not.toContain(`tuid="${georgia}:s-4de67c"`)
    expect(tmx).toContain(`<tu tuid="${georgia}:s-802e70" creationdate="20261121T000000Z" creationid="briefs desk" changedate="20261121T000000Z" changeid="briefs desk">`)
    expect(tmx).toContain(`<prop type="x-article">${georgia}</prop>`)
    expect(tmx).toContain('<prop type="x-reviewer">briefs desk</prop>')
  })
})

describe('briefs pretranslate', () => {
  /** The shipped corpus and a new article repeating two sentences of the Georgia article, and one with a word changed. */
  async function corpusWithNewArticle() {
    const cwd = await workspace()
    const segments = new Map((JSON.parse((await briefs(cwd, 'segments', `corpus/articles/${georgia}.md`, '--json')).stdout) as Array<{id: string; text: string}>).map((segment) => [segment.id, segment.text]))
    const altered = segments.get('s-07dc6d')!.replace('protégerait', 'défendrait')
    const wire = ` date 2022-11 Le Kazakhstan compte les arrivées depuis trois semaines. ${segments.get('s-4de67c')}\n\nLes autorités de la région restent prudentes. ${segments.get('s-c88ddd')}\n\n${altered}\n`
    await fs.writeFile(path.join(cwd, 'new.txt'), wire)
    expect((await briefs(cwd, 'ingest', 'new.txt', '--id', '2022-11-kazakhstan', '--title', 'Le Kazakhstan compte les arrivées')).code).toBe(0)
    const ids = (JSON.parse((await briefs(cwd, 'segments', 'corpus/articles/2022-11-kazakhstan.md', '--json')).stdout) as Array<{id: string; text: string}>).map((segment) => segment.id)
    const shipped = await readJson(cwd, `corpus/locales/en/${georgia}.json`)
    return {cwd, ids, shipped}
  }

  it('fills a new article from the corpus: two matches of 100 with the shipped translations, one fuzzy; drafts with origins that status shows', async () => {
    const {cwd, ids, shipped} = await corpusWithNewArticle()
    // ids: title, new sentence, repeated, new sentence, repeated, altered.
    expect(ids).toHaveLength(6)
    const before = await corpusBytes(cwd)
    const dry = await briefs(cwd, 'pretranslate', '--article', '2022-11-kazakhstan', '--lang', 'en', '--json', '--dry-run')
    expect(changedFiles(before, await corpusBytes(cwd))).toEqual([])
    const {matches} = JSON.parse(dry.stdout) as {matches: Array<{segment: string; score: number; kind: string; target: string; from: {article: string; segment: string}}>}
    expect(matches.map(({segment, score, target, from}) => ({segment, score: score === 100 ? 100 : 'fuzzy', target, from}))).toEqual([
      {segment: ids[2], score: 100, target: shipped['s-4de67c'], from: {article: georgia, segment: 's-4de67c'}},
      {segment: ids[4], score: 100, target: shipped['s-c88ddd'], from: {article: georgia, segment: 's-c88ddd'}},
      {segment: ids[5], score: 'fuzzy', target: shipped['s-07dc6d'], from: {article: georgia, segment: 's-07dc6d'}}
    ])
    const fuzzy = matches[2]!.score
    expect(fuzzy).toBeGreaterThanOrEqual(75)
    expect(fuzzy).toBeLessThanOrEqual(99)

    // Above the fuzzy score, the fuzzy match is not taken.
    const strict = await briefs(cwd, 'pretranslate', '--article', '2022-11-kazakhstan', '--lang', 'en', '--min', String(fuzzy + 1), '--json', '--dry-run')
    expect((JSON.parse(strict.stdout) as {matches: unknown[]}).matches).toHaveLength(2)

    const result = await briefs(cwd, 'pretranslate', '--article', '2022-11-kazakhstan', '--lang', 'en')
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(
      'corpus/locales/en/2022-11-kazakhstan.json: 3 matches of 75 or more for 6 units without translation, written as drafts; 3 left without translation\n' +
        `  ${ids[2]}  TM 100 % from ${georgia}#s-4de67c\n` +
        `  ${ids[4]}  TM 100 % from ${georgia}#s-c88ddd\n` +
        `  ${ids[5]}  TM ${fuzzy} % from ${georgia}#s-07dc6d\n` +
        'Needs action:\n' +
        '  review 3 drafts: pnpm briefs status --verbose --article 2022-11-kazakhstan --lang en\n'
    )
    expect(changedFiles(before, await corpusBytes(cwd))).toEqual(['locales/en/2022-11-kazakhstan.json', 'origins/en/2022-11-kazakhstan.json'])
    expect(await fs.readFile(path.join(cwd, 'corpus/locales/en/2022-11-kazakhstan.json'), 'utf8')).toBe(
      `${JSON.stringify({[ids[2]!]: shipped['s-4de67c'], [ids[4]!]: shipped['s-c88ddd'], [ids[5]!]: shipped['s-07dc6d']}, null, 2)}\n`
    )
    const origins = await readJson<Record<string, {via: string; score: number; from: string}>>(cwd, 'corpus/origins/en/2022-11-kazakhstan.json')
    expect(Object.values(origins).map(({via, score, from}) => [via, score, from])).toEqual([
      ['memory', 100, `${georgia}#s-4de67c`],
      ['memory', 100, `${georgia}#s-c88ddd`],
      ['memory', fuzzy, `${georgia}#s-07dc6d`]
    ])
    const [row] = await status(cwd, '--article', '2022-11-kazakhstan', '--lang', 'en')
    expect(row!.counts).toEqual({missing: 3, draft: 3, reviewed: 0, stale: 0})
    expect(row!.segments.filter((segment) => segment.state === 'draft').map((segment) => [segment.id, segment.origin])).toEqual([
      [ids[2], `TM 100 % from ${georgia}#s-4de67c`],
      [ids[4], `TM 100 % from ${georgia}#s-c88ddd`],
      [ids[5], `TM ${fuzzy} % from ${georgia}#s-07dc6d`]
    ])
    const text = await briefs(cwd, 'status', '--verbose', '--article', '2022-11-kazakhstan', '--lang', 'en')
    expect(text.stdout).toContain(`  ${ids[2]}  draft, TM 100 % from ${georgia}#s-4de67c: `)

    // Run again: nothing without translation matches any more, nothing is written.
    const again = await corpusBytes(cwd)
    expect((await briefs(cwd, 'pretranslate', '--article', '2022-11-kazakhstan', '--lang', 'en')).stdout).toBe('corpus/locales/en/2022-11-kazakhstan.json: no match of 75 or more for 3 units without translation; nothing written\n')
    expect(changedFiles(again, await corpusBytes(cwd))).toEqual([])
  })

  it('substitutes numbers that changed in the French, and says so in the origin', async () => {
    const cwd = await workspace()
    const segments = new Map((JSON.parse((await briefs(cwd, 'segments', `corpus/articles/${georgia}.md`, '--json')).stdout) as Array<{id: string; text: string}>).map((segment) => [segment.id, segment.text]))
    const french = segments.get('s-802e70')!.replace('98.000', '120.000')
    expect(french).not.toBe(segments.get('s-802e70'))
    await fs.writeFile(path.join(cwd, 'new.txt'), ` date 2022-11 ${french}\n`)
    expect((await briefs(cwd, 'ingest', 'new.txt', '--id', '2022-11-chiffres', '--title', 'Nouveaux chiffres')).code).toBe(0)
    const shipped = await readJson(cwd, `corpus/locales/en/${georgia}.json`)
    const result = await briefs(cwd, 'pretranslate', '--article', '2022-11-chiffres', '--lang', 'en', '--json')
    const {matches} = JSON.parse(result.stdout) as {matches: Array<{segment: string; score: number; kind: string; target: string}>}
    expect(matches).toEqual([expect.objectContaining({score: 100, kind: 'numbers-substituted', target: shipped['s-802e70']!.replace('98,000', '120,000')})])
    const [row] = await status(cwd, '--article', '2022-11-chiffres', '--lang', 'en')
    expect(row!.segments.find((segment) => segment.state === 'draft')!.origin).toBe(`TM 100 % from ${georgia}#s-802e70 (numbers substituted)`)
  })

  it('never writes over a translation, and names a TMX file as the source of its matches', async () => {
    const cwd = await workspace()
    expect((await briefs(cwd, 'tm', 'export', '--lang', 'en', '--out', 'desk.tmx')).code).toBe(0)
    // The Georgia article loses two translations, and the translator retypes one of them by hand.
    const resourceFile = path.join(cwd, `corpus/locales/en/${georgia}.json`)
    const shipped = await readJson(cwd, `corpus/locales/en/${georgia}.json`)
    const {'s-4de67c': _gone, 's-802e70': _retyped, ...rest} = shipped
    await fs.writeFile(resourceFile, `${JSON.stringify({...rest, 's-802e70': 'Typed by hand.'}, null, 2)}\n`)
    // The article itself is not its own memory: without the TMX nothing matches.
    expect(JSON.parse((await briefs(cwd, 'pretranslate', '--article', georgia, '--lang', 'en', '--json')).stdout)).toEqual({matches: []})
    const result = await briefs(cwd, 'pretranslate', '--article', georgia, '--lang', 'en', '--tmx', 'desk.tmx', '--json')
    expect(JSON.parse(result.stdout)).toEqual({matches: [{segment: 's-4de67c', score: 101, kind: 'in-context', target: shipped['s-4de67c'], from: {file: 'desk.tmx', article: georgia, segment: 's-4de67c'}}]})
    const after = await readJson(cwd, `corpus/locales/en/${georgia}.json`)
    expect(after['s-802e70']).toBe('Typed by hand.')
    expect(Object.keys(after)).toEqual([...Object.keys(rest), 's-802e70', 's-4de67c'])
    expect(after['s-4de67c']).toBe(shipped['s-4de67c'])
    expect((await readJson<Record<string, {from: string}>>(cwd, `corpus/origins/en/${georgia}.json`))['s-4de67c']!.from).toBe('desk.tmx')
  })

  it('refuses an unreadable TMX with file:line:column and exit 1, and writes nothing', async () => {
    const cwd = await workspace()
    await fs.writeFile(path.join(cwd, 'bad.tmx'), '<?xml version="1.0"?>\n<tmx version="1.4">\n  <body>\n</tmx>\n')
    const resourceFile = path.join(cwd, `corpus/locales/en/${georgia}.json`)
    const {'s-4de67c': _gone, ...rest} = await readJson(cwd, `corpus/locales/en/${georgia}.json`)
    await fs.writeFile(resourceFile, `${JSON.stringify(rest, null, 2)}\n`)
    const before = await corpusBytes(cwd)
    const result = await briefs(cwd, 'pretranslate', '--article', georgia, '--lang', 'en', '--tmx', 'bad.tmx')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/bad\.tmx\n\s*4:\d+\s+error\s+Unexpected malformed XML/)
    expect(changedFiles(before, await corpusBytes(cwd))).toEqual([])
  })
})
