import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {stringifyJson, writeFileAtomic, type CorpusLayout, type TargetLanguage} from '@briefs/corpus'
import type {IndexEntry} from './index-page.js'
import type {FileMessages} from './messages.js'
import type {ArticleOutput} from './render-article.js'
import {isTemporaryFileName} from './site.js'

/** What the cache keeps of a built article: enough to skip it and still report and index it. */
export interface CachedArticle {
  key: string
  /** Size and modification time of each input file when `key` was computed (`null`: absent). */
  inputs: Array<[number, number] | null>
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
  articles: Record<string, CachedArticle>
  /** The indexes and feeds written, and the hash of the index entries they list. */
  index?: {key: string; outputs: CachedArticle['outputs']}
}

const manifestName = 'manifest.json'

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

export async function inputStats(files: readonly string[]): Promise<CachedArticle['inputs']> {
  return Promise.all(
    files.map(async (file) => {
      try {
        const stat = await fs.stat(file)
        return [stat.size, stat.mtimeMs] as [number, number]
      } catch {
        return null
      }
    })
  )
}

/**
 * An article's cache key: the renderer, the build settings, and the bytes
 * of every input file. Content-addressed: touching a file without changing
 * it changes nothing.
 */
export async function articleKey(files: readonly string[], renderer: string, languages: readonly TargetLanguage[], onlyReviewed: boolean): Promise<string> {
  const hash = createHash('sha256').update(`${renderer}\0${languages.join(',')}\0${onlyReviewed}\0`)
  for (const file of files) {
    try {
      hash.update(await fs.readFile(file)).update('\0')
    } catch {
      hash.update('absent\0')
    }
  }
  return hash.digest('hex')
}

/**
 * The key of an article, read from the cache when none of its input files
 * changed size or modification time since (as git's index does), computed
 * from their bytes otherwise.
 */
export async function currentKey(
  files: readonly string[],
  cached: CachedArticle | undefined,
  renderer: string,
  languages: readonly TargetLanguage[],
  onlyReviewed: boolean
): Promise<{key: string; inputs: CachedArticle['inputs']}> {
  const inputs = await inputStats(files)
  const unchanged = cached !== undefined && cached.inputs.length === inputs.length && inputs.every((stat, index) => sameStat(stat, cached.inputs[index]))
  return {key: unchanged ? cached.key : await articleKey(files, renderer, languages, onlyReviewed), inputs}
}

function sameStat(a: [number, number] | null | undefined, b: [number, number] | null | undefined): boolean {
  return a === null || b === null || a === undefined || b === undefined ? a === b : a[0] === b[0] && a[1] === b[1]
}

export async function readManifest(cacheDir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await fs.readFile(path.join(cacheDir, manifestName), 'utf8')) as Manifest
  } catch {
    // No cache yet, or a broken one: build without it.
    return undefined
  }
}

export async function writeManifest(cacheDir: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(path.join(cacheDir, manifestName), stringifyJson(manifest), {durable: false})
  // A build killed while writing the manifest left its temporary file: the lock is held, so none is in use.
  for (const name of await fs.readdir(cacheDir)) {
    if (isTemporaryFileName(name) && name.startsWith(`.${manifestName}.`)) await fs.rm(path.join(cacheDir, name), {force: true})
  }
}

/** Whether the files a cached article wrote are still there as written (not deleted, not edited). */
export async function outputsIntact(out: string, outputs: CachedArticle['outputs']): Promise<boolean> {
  for (const output of outputs) {
    try {
      const stat = await fs.stat(path.join(out, output.path))
      if (stat.size !== output.size || stat.mtimeMs !== output.mtimeMs) return false
    } catch {
      return false
    }
  }
  return true
}
