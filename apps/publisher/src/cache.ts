import {createHash, randomBytes} from 'node:crypto'
import fsSync from 'node:fs'
import fs from 'node:fs/promises'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {CorpusLayout, TargetLanguage} from '@briefs/corpus'
import {writeLines, type FileStat} from '@briefs/incremental'
import type {IndexEntry} from './index-page.js'
import type {FileMessages} from '@briefs/corpus'
import type {ArticleOutput} from './render-article.js'
import {isTemporaryFileName} from './site.js'

/** What the cache keeps of a built article: enough to skip it and still report and index it. */
export interface CachedArticle {
  key: string
  /** Size and modification time of each input file when `key` was computed (`null`: absent). */
  inputs: FileStat[]
  entry?: IndexEntry
  messages: FileMessages[]
  counts: ArticleOutput['counts']
  failed: boolean
  /** Left out by `onlyReviewed`: not everything in it is translated and reviewed. */
  withheld?: boolean
  /** The files written, to check they are still there as written. */
  outputs: Array<{path: string; size: number; mtimeMs: number}>
}

export interface Manifest {
  /** The renderer the entries were built by: another one invalidates them all. */
  renderer: string
  /** The site folder the outputs were written to. */
  out: string
  /** The build settings the entries were built with (languages, `onlyReviewed`): others invalidate them all. */
  settings: string
  articles: Map<string, CachedArticle>
  /** The indexes and feeds written, and the hash of the index entries they list. */
  index?: {key: string; outputs: CachedArticle['outputs']}
}

/** One line per article: the manifest is written and read a line at a time, never as one string of the whole corpus. */
const manifestName = 'manifest.jsonl'
const manifestVersion = 2

/**
 * The renderer's version: a hash of the code that renders (the dist files of
 * the publisher and of the workspace packages it uses, the interface
 * locales) and of the lockfile that pins every other package. Any change
 * to them makes every cached article stale.
 */
export async function rendererVersion(): Promise<string> {
  const hash = createHash('sha256')
  const publisher = fileURLToPath(new URL('../', import.meta.url))
  const folders = [path.join(publisher, 'dist'), path.join(publisher, 'locales')]
  // Each workspace package resolved from one that depends on it (pnpm links only direct dependencies).
  const resolveFrom = (from: string, name: string) => createRequire(from).resolve(name)
  const segment = resolveFrom(import.meta.url, '@briefs/segment')
  const corpus = resolveFrom(import.meta.url, '@briefs/corpus')
  for (const entry of [corpus, resolveFrom(corpus, '@briefs/languages'), segment, resolveFrom(segment, '@briefs/sentences'), resolveFrom(import.meta.url, '@briefs/bitext')]) {
    folders.push(path.dirname(entry))
  }
  for (const folder of folders) {
    const entries = await fs.readdir(folder, {recursive: true, withFileTypes: true})
    const files = entries.filter((entry) => entry.isFile() && !entry.name.endsWith('.map')).map((entry) => path.join(entry.parentPath, entry.name))
    for (const file of files.sort()) hash.update(`${path.relative(folder, file)}\0`).update(await fs.readFile(file))
  }
  const lockfile = await findUp(publisher, 'pnpm-lock.yaml')
  if (lockfile) hash.update(await fs.readFile(lockfile))
  return hash.digest('hex')
}

async function findUp(from: string, name: string): Promise<string | undefined> {
  for (let directory = from; ; directory = path.dirname(directory)) {
    const candidate = path.join(directory, name)
    try {
      await fs.access(candidate)
      return candidate
    } catch {
      if (path.dirname(directory) === directory) return undefined
    }
  }
}

/** The files an article's briefs are made of: the French, its segment map, and per language the resource and the review ledger. */
export function articleInputs(layout: CorpusLayout, id: string, languages: readonly TargetLanguage[]): string[] {
  return [layout.articleFile(id), layout.segmentMapFile(id), ...languages.flatMap((lng) => [layout.resourceFile(lng, id), layout.reviewFile(lng, id)])]
}

/**
 * An article's cache key: the renderer, the build settings, and the bytes
 * of every input file (`undefined`: absent), as the render reads them.
 * Content-addressed: touching a file without changing it changes nothing.
 */
export function articleKey(bytes: ReadonlyArray<Uint8Array | undefined>, renderer: string, languages: readonly TargetLanguage[], onlyReviewed: boolean): string {
  const hash = createHash('sha256').update(`${renderer}\0${languages.join(',')}\0${onlyReviewed}\0`)
  for (const content of bytes) {
    if (content === undefined) hash.update('absent\0')
    else hash.update(content).update('\0')
  }
  return hash.digest('hex')
}

/** The cache's manifest, or `undefined` when there is none or it cannot be read (the build then does without). */
export function readManifest(cacheDir: string): Manifest | undefined {
  let text: string
  try {
    text = fsSync.readFileSync(path.join(cacheDir, manifestName), 'utf8')
  } catch {
    return undefined
  }
  try {
    const lines = text.split('\n')
    const header = JSON.parse(lines[0]!) as Omit<Manifest, 'articles'> & {version: number}
    if (header.version !== manifestVersion) return undefined
    const manifest: Manifest = {renderer: header.renderer, out: header.out, settings: header.settings, articles: new Map()}
    for (let index = 1; index < lines.length; index++) {
      const line = lines[index]!
      if (line === '') continue
      const record = JSON.parse(line) as {article: string; cached: CachedArticle} | {index: NonNullable<Manifest['index']>}
      if ('index' in record) manifest.index = record.index
      else manifest.articles.set(record.article, record.cached)
    }
    return manifest
  } catch {
    // A broken manifest: build without it.
    return undefined
  }
}

/** Write the manifest a line at a time into a temporary file, renamed over the old one: memory holds one article's line, not the corpus's. */
export function writeManifest(cacheDir: string, manifest: Manifest): void {
  fsSync.mkdirSync(cacheDir, {recursive: true})
  const target = path.join(cacheDir, manifestName)
  const temporary = path.join(cacheDir, `.${manifestName}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  const lines = writeLines(target, temporary)
  try {
    const {renderer, out, settings} = manifest
    lines.write(JSON.stringify({version: manifestVersion, renderer, out, settings}))
    for (const [article, cached] of manifest.articles) lines.write(JSON.stringify({article, cached}))
    if (manifest.index) lines.write(JSON.stringify({index: manifest.index}))
  } catch (error) {
    lines.abort()
    throw error
  }
  lines.commit()
  // A build killed while writing the manifest left its temporary file: the lock is held, so none is in use.
  for (const name of fsSync.readdirSync(cacheDir)) {
    if (isTemporaryFileName(name) && name !== path.basename(temporary) && name.startsWith(`.${manifestName}.`)) fsSync.rmSync(path.join(cacheDir, name), {force: true})
  }
}

/** Whether the files a cached article wrote are still there as written (not deleted, not edited). */
export function outputsIntact(out: string, outputs: CachedArticle['outputs']): boolean {
  for (const output of outputs) {
    const stat = fsSync.statSync(path.join(out, output.path), {throwIfNoEntry: false})
    if (!stat || stat.size !== output.size || stat.mtimeMs !== output.mtimeMs) return false
  }
  return true
}
