import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {corpusLayout, listArticleIds, readCorpusConfig, sourceLanguage, stringifyJson, writeFileAtomic, writeFileAtomicSync, type TargetLanguage} from '@briefs/corpus'
import {VFile} from 'vfile'
import {buildArticle, createRenderContext, type BuiltArticle, type RenderSettings} from './build-article.js'
import {articleInputs, currentKey, outputsIntact, readManifest, rendererVersion, writeManifest, type CachedArticle, type Manifest} from './cache.js'
import {renderAtomFeed} from './feed.js'
import {readerLanguages, renderHtmlIndex, renderMarkdownIndex, type IndexEntry} from './index-page.js'
import {deserializeFiles} from './messages.js'
import {briefViews, feedPath, indexPath, isBriefFileName} from './paths.js'
import {buildInThreads} from './pool.js'
import {failure} from './render-article.js'
import {loadUi, uiLanguageProblem} from './ui.js'

export interface BuildOptions {
  /** The corpus folder (with `articles/`, `segments/`, `locales/`). */
  corpus: string
  /** Where the briefs land. */
  out: string
  /** Target languages to build; the corpus's (`briefs.config.json`) by default. */
  languages?: readonly TargetLanguage[]
  /**
   * Refuse to publish anything not reviewed: a missing, draft or stale
   * segment is an error, and that article's briefs are not written.
   */
  onlyReviewed?: boolean
  /**
   * Folder of the content-addressed build cache: an article whose files and
   * renderer are unchanged, and whose briefs are still in `out` as written,
   * is not rebuilt. No cache when absent.
   */
  cacheDir?: string
  /** Threads rendering articles: the main thread and `workers - 1` worker threads. Default: one per core, or the main thread alone for a handful of articles. */
  workers?: number
  /**
   * Build one slice of the corpus (articles `index`, `index + count`, ... of
   * the sorted list, 1-based) and record its part of the index in
   * `out/.shards/`; `buildIndex` then writes the indexes and feeds once.
   */
  shard?: {index: number; count: number}
}

export interface BuildResult {
  /** One file per article (and resource) that has messages: warnings, and fatal errors that stopped it. */
  files: VFile[]
  /** How many bilingual briefs were written (articles × languages); each article also gets its multilingual view. */
  briefs: number
  articles: number
  /** Segments shown as missing, over all briefs. */
  missing: number
  /** Translations published with a flag: never approved (`draft`) or approved for other texts (`stale`). */
  draft: number
  stale: number
  /** Articles taken from the cache, not rendered again. */
  cached: number
  /** Whether an article could not be built; the indexes and feeds are then left as they were. */
  failed: boolean
}

/** Unless told how many threads to use, fewer articles than this are rendered on the main thread. */
const minimumForThreads = 16

/**
 * Build every brief of the corpus: for each article (parsed and segmented
 * once) and each target language, a Markdown and an HTML brief, plus the
 * multilingual view (all target languages); then the Markdown index, and
 * per reader language an HTML index and an Atom feed.
 *
 * Articles are rendered on worker threads, one at a time per thread, so
 * memory stays flat whatever the corpus size; an article whose inputs and
 * renderer did not change is taken from the cache. The output is the same
 * byte for byte with or without cache, on one thread or several.
 */
export async function buildBriefs(options: Readonly<BuildOptions>): Promise<BuildResult> {
  const layout = corpusLayout(options.corpus)
  const onlyReviewed = options.onlyReviewed === true
  const result: BuildResult = {files: [], briefs: 0, articles: 0, missing: 0, draft: 0, stale: 0, cached: 0, failed: false}

  let ids: string[]
  let languages: readonly TargetLanguage[]
  try {
    languages = options.languages ?? (await readCorpusConfig(layout)).languages
    for (const lng of languages) {
      const problem = uiLanguageProblem(lng)
      if (problem) new VFile({path: layout.configFile}).fail(problem, {ruleId: 'ui-language', source: 'briefs'})
    }
    ids = await listArticleIds(layout)
  } catch (error) {
    result.failed = true
    result.files.push(failure(error, layout.configFile))
    return result
  }
  if (options.shard) ids = ids.filter((_, position) => position % options.shard!.count === options.shard!.index - 1)

  // What the cache already holds, still valid for these inputs and this renderer.
  const renderer = options.cacheDir ? await rendererVersion() : ''
  const previous = options.cacheDir ? await readManifest(options.cacheDir) : undefined
  const buildSettings = JSON.stringify({languages, onlyReviewed})
  const usable = previous && previous.renderer === renderer && previous.settings === buildSettings && previous.out === path.resolve(options.out) ? previous.articles : {}
  const built = new Map<string, BuiltArticle>()
  const keys = new Map<string, Pick<CachedArticle, 'key' | 'inputs'>>()
  const stale: string[] = []
  if (options.cacheDir) {
    await mapLimited(ids, 64, async (id) => {
      const cached = Object.hasOwn(usable, id) ? usable[id] : undefined
      const current = await currentKey(articleInputs(layout, id, languages), cached, renderer, languages, onlyReviewed)
      keys.set(id, current)
      if (cached && cached.key === current.key && (await outputsIntact(options.out, cached.outputs))) built.set(id, cached)
      else stale.push(id)
    })
  } else {
    stale.push(...ids)
  }
  result.cached = built.size
  stale.sort()

  const settings: RenderSettings = {corpus: layout.root, out: path.resolve(options.out), languages, onlyReviewed}
  // A thread costs a fresh copy of every module: worth it for a corpus, not for the few articles of a day's fix.
  const threads = options.workers ?? (stale.length < minimumForThreads ? 1 : availableParallelism())
  if (stale.length > 0) {
    const context = createRenderContext(settings)
    const here = (id: string) => buildArticle(context, settings.out, id)
    for (const [id, article] of await buildInThreads(stale, threads, settings, here)) built.set(id, article)
  }

  const entries: IndexEntry[] = []
  const manifest: Manifest = {renderer, out: settings.out, settings: buildSettings, articles: {}}
  for (const id of ids) {
    const article = built.get(id)!
    result.files.push(...deserializeFiles(article.messages, layout.root))
    result.failed ||= article.failed
    result.missing += article.counts.missing
    result.draft += article.counts.draft
    result.stale += article.counts.stale
    if (article.entry) {
      entries.push(article.entry)
      result.briefs += article.counts.briefs
      result.articles++
    }
    // A failure is not cached: it may come from the machine (a full disk), not from the inputs.
    if (options.cacheDir && !article.failed) manifest.articles[id] = {...article, ...keys.get(id)!}
  }
  if (!result.failed && options.shard) {
    await writeFileAtomic(path.join(options.out, shardPath(options.shard)), stringifyJson({ids, entries, languages} satisfies ShardPart), {durable: false})
  } else if (!result.failed) {
    // The indexes list every article: rendered again only when an entry changed (or a file of them did).
    const indexKey = createHash('sha256').update(`${renderer}\0${buildSettings}\0`).update(JSON.stringify(entries)).digest('hex')
    const cachedIndex = usable === previous?.articles ? previous?.index : undefined
    manifest.index =
      options.cacheDir && cachedIndex?.key === indexKey && (await outputsIntact(options.out, cachedIndex.outputs))
        ? cachedIndex
        : {key: indexKey, outputs: writeIndexes(options.out, entries, languages)}
    await removeStaleBriefs(options.out, new Set(ids))
  }
  if (options.cacheDir) await writeManifest(options.cacheDir, manifest)
  return result
}

/**
 * The indexes and feeds of a sharded build, once every shard is built:
 * from the parts the shards left in `out/.shards/`.
 */
export async function buildIndex(options: Readonly<Pick<BuildOptions, 'out' | 'languages'>> & {shards: number}): Promise<{articles: number}> {
  let languages = options.languages
  const ids: string[] = []
  const entries: IndexEntry[] = []
  for (let index = 1; index <= options.shards; index++) {
    const file = path.join(options.out, shardPath({index, count: options.shards}))
    let part: ShardPart
    try {
      part = JSON.parse(await fs.readFile(file, 'utf8')) as ShardPart
    } catch {
      throw new Error(`Unexpected missing shard ${index} of ${options.shards} (${file}), expected every shard built before the index`)
    }
    // Every shard was built in the languages of the first (or those asked for): the indexes list those.
    languages ??= part.languages
    if (part.languages.join() !== languages.join()) throw new Error(`Unexpected shard ${index} built in ${part.languages.join(', ')}, expected ${languages.join(', ')} as the others`)
    ids.push(...part.ids)
    entries.push(...part.entries)
  }
  writeIndexes(options.out, entries, languages ?? [])
  await removeStaleBriefs(options.out, new Set(ids))
  return {articles: entries.length}
}

/** What a shard leaves for the index step. */
interface ShardPart {
  ids: string[]
  entries: IndexEntry[]
  languages: readonly TargetLanguage[]
}

function shardPath(shard: {index: number; count: number}): string {
  return path.join('.shards', `${shard.index}-of-${shard.count}.json`)
}

function writeIndexes(out: string, entries: IndexEntry[], languages: readonly TargetLanguage[]): CachedArticle['outputs'] {
  const views = briefViews(languages)
  const readers = readerLanguages(languages)
  const ui = loadUi()
  const files = [
    {path: 'index.md', content: renderMarkdownIndex(entries, views, ui.text(sourceLanguage))},
    ...readers.flatMap((reader) => [
      {path: indexPath(reader), content: renderHtmlIndex(entries, views, readers, ui.text(reader))},
      {path: feedPath(reader), content: renderAtomFeed(entries, views, ui.text(reader))}
    ])
  ]
  return files.map((file) => {
    const stat = writeFileAtomicSync(path.join(out, file.path), file.content, {durable: false})
    return {path: file.path, size: stat.size, mtimeMs: stat.mtimeMs}
  })
}

/** `Promise.all` over `items`, at most `limit` at a time (file reads over thousands of articles). */
async function mapLimited<T, R>(items: readonly T[], limit: number, map: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = Array.from({length: items.length})
  let next = 0
  await Promise.all(
    Array.from({length: Math.min(limit, items.length)}, async () => {
      while (next < items.length) {
        const index = next++
        results[index] = await map(items[index]!, index)
      }
    })
  )
  return results
}

/** Drop the briefs of articles that left the corpus, so the site matches it. */
async function removeStaleBriefs(out: string, ids: Set<string>): Promise<void> {
  let names: string[]
  try {
    names = await fs.readdir(out)
  } catch {
    return
  }
  for (const name of names) {
    if (ids.has(name)) continue
    const folder = path.join(out, name)
    const stat = await fs.stat(folder)
    if (!stat.isDirectory()) continue
    const inside = await fs.readdir(folder)
    if (inside.every(isBriefFileName)) await fs.rm(folder, {recursive: true})
  }
}
