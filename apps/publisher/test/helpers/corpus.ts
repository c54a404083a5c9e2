import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** The repository's corpus: read-only for tests, copied before anything changes. */
export const repositoryCorpus = fileURLToPath(new URL('../../../../corpus/', import.meta.url))

/** `test/fixtures/<behaviour>/corpus/` folders are laid over a corpus copy. */
export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url))

/** Git-ignored, declared as the turbo `test` output: screenshots land here. */
export const testOutputDir = fileURLToPath(new URL('../../test-output/', import.meta.url))

export const languages = ['en', 'ru'] as const
export type Language = (typeof languages)[number]

const temporary: string[] = []

/** A fresh folder in the OS temp dir, removed by `removeTempDirs`. */
export async function tempDir(label: string): Promise<string> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), `briefs-publisher-${label}-`))
  temporary.push(directory)
  return directory
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(temporary.splice(0).map((directory) => fs.rm(directory, {recursive: true, force: true})))
}

/** A copy of the repository corpus, with the named fixtures' `corpus/` folders laid over it. */
export async function copyCorpus(...fixtures: string[]): Promise<string> {
  const directory = await tempDir('corpus')
  await fs.cp(repositoryCorpus, directory, {recursive: true})
  for (const name of fixtures) await fs.cp(path.join(fixturesDir, name, 'corpus'), directory, {recursive: true})
  return directory
}

/** Article IDs of a corpus folder, sorted, read straight from `articles/`. */
export async function articleIds(corpus: string): Promise<string[]> {
  const names = await fs.readdir(path.join(corpus, 'articles'))
  return names.filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -'.md'.length)).sort()
}

export interface SegmentMapJson {
  blocks: Array<{id: string; sentences: Array<{id: string; text: string}>}>
}

/** The committed segment map: what the brief's rows and spans are checked against. */
export async function readSegmentMap(corpus: string, id: string): Promise<SegmentMapJson> {
  return JSON.parse(await fs.readFile(path.join(corpus, 'segments', `${id}.json`), 'utf8')) as SegmentMapJson
}

export function resourcePath(corpus: string, lng: Language, id: string): string {
  return path.join(corpus, 'locales', lng, `${id}.json`)
}

export async function readResource(corpus: string, lng: Language, id: string): Promise<Record<string, string>> {
  return JSON.parse(await fs.readFile(resourcePath(corpus, lng, id), 'utf8')) as Record<string, string>
}

export async function writeResource(corpus: string, lng: Language, id: string, resource: Record<string, string>): Promise<void> {
  await fs.writeFile(resourcePath(corpus, lng, id), `${JSON.stringify(resource, null, 2)}\n`)
}

/** The front matter `title`, plain or single-quoted YAML (all the corpus and fixtures use). */
export async function readTitle(corpus: string, id: string): Promise<string> {
  const text = await fs.readFile(path.join(corpus, 'articles', `${id}.md`), 'utf8')
  const value = /^title: (.*)$/m.exec(text)?.[1]
  if (value === undefined) throw new Error(`No title in ${id}`)
  return value.startsWith("'") ? value.slice(1, -1).replaceAll("''", "'") : value
}

/** The front matter `source.name`, single-quoted YAML as the hostile fixture writes it. */
export async function readSourceName(corpus: string, id: string): Promise<string> {
  const text = await fs.readFile(path.join(corpus, 'articles', `${id}.md`), 'utf8')
  const value = /^ {2}name: (.*)$/m.exec(text)?.[1]
  if (value === undefined) throw new Error(`No source name in ${id}`)
  return value.startsWith("'") ? value.slice(1, -1).replaceAll("''", "'") : value
}

/** Every file below `directory` (relative, `/`-separated, sorted) with its bytes. */
export async function snapshot(directory: string): Promise<Map<string, Buffer>> {
  const entries = await fs.readdir(directory, {recursive: true, withFileTypes: true})
  const files = new Map<string, Buffer>()
  const paths = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
  for (const file of paths) files.set(file, await fs.readFile(path.join(directory, file)))
  return files
}

/** The views of each article: one per target language, and the multilingual one when there are several. */
export function viewNames(lngs: readonly Language[] = languages): string[] {
  const names = lngs.map((lng) => `fr-${lng}`)
  return lngs.length > 1 ? [...names, ['fr', ...lngs].join('-')] : names
}

/** The files a build of `ids` into `languages` writes. */
export function expectedSiteFiles(ids: string[], lngs: readonly Language[] = languages): string[] {
  const briefs = ids.flatMap((id) => viewNames(lngs).flatMap((view) => [`${id}/${view}.html`, `${id}/${view}.md`]))
  const readers = ['fr', ...lngs]
  const indexes = readers.map((lng) => (lng === 'fr' ? 'index.html' : `index.${lng}.html`))
  const feeds = readers.map((lng) => `feed.${lng}.xml`)
  return [...briefs, ...indexes, 'index.md', ...feeds].sort()
}
