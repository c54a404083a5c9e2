import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {corpusLayout, listArticleIds, readCorpusConfig, readCorpusSettings, sourceLanguage, stringifyJson, type TargetLanguage} from '@briefs/corpus/files'
import {VFile} from 'vfile'
import type {ArticleJob, RenderSettings} from './build-article.js'
import {fileStats, sameStats} from '@briefs/incremental'
import {articleInputs, outputsIntact, readManifest, rendererVersion, writeManifest, type CachedArticle, type Manifest} from './cache.js'
import type {IndexEntry} from './index-page.js'
import {deserializeFiles} from '@briefs/corpus/files'
import {briefViews, feedPath, indexPath, isBriefFileName} from './paths.js'
import {buildInThreads} from './pool.js'
import {failure} from './failure.js'
import {diskProblem, isTemporaryFileName, openSite, SiteLockedError, type SiteLockOptions, type SiteTransaction} from './site.js'
import {loadUi, uiLanguageProblem} from './ui.js'
import {writeSiteFile} from './write-outputs.js'

export interface BuildOptions {
  /** The corpus folder (with `articles/`, `segments/`, `locales/`). */
  corpus: string
  /** Where the briefs land. */
  out: string
  /** Target languages to build; the corpus's (`briefs.config.json`) by default. */
  languages?: readonly TargetLanguage[]
  /**
   * Publish only articles whose every segment is translated and reviewed in
   * every language built: the others are left out of the site, the indexes
   * and the feeds (their earlier briefs removed), listed in `withheld`,
   * with a warning per segment; the build still succeeds.
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
  /** The largest article read, in KiB; default: `maxArticleKb` of `briefs.config.json`, else 512. */
  maxArticleKb?: number | undefined
  /** How a build waits for another build of the same `out` (the lock). */
  lock?: SiteLockOptions
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
  /** Whether the build failed (an article could not be built, the disk refused a file...): `out` is then left exactly as it was. */
  failed: boolean
  /** Articles left out by `onlyReviewed`: not everything in them is translated and reviewed. */
  withheld: string[]
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
  const layout = corpusLayout(options.corpus, {maxArticleKb: options.maxArticleKb})
  const onlyReviewed = options.onlyReviewed === true
  const result: BuildResult = {files: [], briefs: 0, articles: 0, missing: 0, draft: 0, stale: 0, cached: 0, failed: false, withheld: []}
  const languages = await corpusLanguages(layout, options.languages, result)
  if (!languages) return result

  const listIds = async (): Promise<string[] | undefined> => {
    try {
      const ids = await listArticleIds(layout)
      return options.shard ? ids.filter((_, position) => position % options.shard!.count === options.shard!.index - 1) : ids
    } catch (error) {
      result.failed = true
      result.files.push(failure(error, layout.articlesDir))
      return undefined
    }
  }
  // A folder that is not a corpus is refused before the site is touched at all.
  if (!(await listIds())) return result
  let maxArticleKb: number
  try {
    maxArticleKb = layout.maxArticleKb ?? (await readCorpusSettings(layout.root)).maxArticleKb
  } catch (error) {
    result.failed = true
    result.files.push(failure(error, layout.configFile))
    return result
  }

  // Everything is written into a staging copy of `out`, swapped in at the end: a failed or killed build leaves the site as it was.
  const site = await openSiteOrReport(options.out, options.lock, result)
  if (!site) return result
  try {
    // Listed again under the lock: a build that waited for another sees the corpus as it is now.
    const ids = await listIds()
    if (!ids) {
      await site.abort()
      return result
    }
    const built = await buildInto(site, ids, layout, languages, onlyReviewed, maxArticleKb, options, result)
    if (result.failed) {
      await site.abort()
      return result
    }
    await site.commit()
    // The cache describes the site as published: written after the swap, never for a failed build.
    if (options.cacheDir && built && !built.asBefore) writeManifestOrWarn(options.cacheDir, built.manifest, result)
  } catch (error) {
    await site.abort()
    reportSiteError(error, options.out, result)
  }
  return result
}

/** The languages to build, each with its interface strings; `undefined` (the reason in `result`) when the corpus says none. */
async function corpusLanguages(layout: ReturnType<typeof corpusLayout>, asked: readonly TargetLanguage[] | undefined, result: BuildResult): Promise<readonly TargetLanguage[] | undefined> {
  try {
    const languages = asked ?? (await readCorpusConfig(layout)).languages
    for (const lng of languages) {
      const problem = uiLanguageProblem(lng)
      if (problem) new VFile({path: layout.configFile}).fail(problem, {ruleId: 'ui-language', source: 'briefs'})
    }
    return languages
  } catch (error) {
    result.failed = true
    result.files.push(failure(error, layout.configFile))
    return undefined
  }
}

/** The site is published by now: a cache that cannot be written only costs the next build time, so it is a warning. */
function writeManifestOrWarn(cacheDir: string, manifest: Manifest, result: BuildResult): void {
  try {
    writeManifest(cacheDir, manifest)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (diskProblem(error, 'the cache') === undefined) throw error
    const file = new VFile({path: path.resolve(cacheDir)})
    file.message(`Unexpected ${code} writing the build cache, expected to update it: the site is published, the next build may render articles again`, {ruleId: 'disk', source: 'briefs'})
    result.files.push(file)
  }
}

/** Lock and stage `out`; `undefined` (with the reason in `result`) when another build holds it or the disk refuses. */
async function openSiteOrReport(out: string, lock: SiteLockOptions | undefined, result: BuildResult): Promise<SiteTransaction | undefined> {
  try {
    return await openSite(out, lock)
  } catch (error) {
    reportSiteError(error, out, result)
    return undefined
  }
}

/** A lock held by another build or a refusal of the machine, as a fatal message on `out`; anything else is a bug and goes on up. */
function reportSiteError(error: unknown, out: string, result: BuildResult): void {
  const found = error instanceof SiteLockedError ? error.message : diskProblem(error, `\`${out}\``)
  if (found === undefined) throw error
  // A file of the staging copy is named as the site's file it was to become.
  const reason = found.replace(/([\\/])\.([^\\/]+)\.briefs-staging-\d+-[0-9a-f]{8}(?=[\\/`])/g, '$1$2')
  const file = new VFile({path: path.resolve(out)})
  const message = file.message(reason, {ruleId: error instanceof SiteLockedError ? 'site-lock' : 'disk', source: 'briefs'})
  message.fatal = true
  result.failed = true
  result.files.push(file)
}

async function buildInto(
  site: SiteTransaction,
  ids: string[],
  layout: ReturnType<typeof corpusLayout>,
  languages: readonly TargetLanguage[],
  onlyReviewed: boolean,
  maxArticleKb: number,
  options: Readonly<BuildOptions>,
  result: BuildResult
): Promise<{manifest: Manifest; asBefore: boolean} | undefined> {
  // What the cache already holds, still valid for these inputs and this renderer.
  const renderer = options.cacheDir ? await rendererVersion() : ''
  const previous = options.cacheDir ? readManifest(options.cacheDir) : undefined
  const buildSettings = JSON.stringify({languages, onlyReviewed, maxArticleKb: layout.maxArticleKb})
  const usable = previous && previous.renderer === renderer && previous.settings === buildSettings && previous.out === site.out ? previous.articles : new Map<string, CachedArticle>()
  // An article whose input files kept their size and modification time, and whose briefs are in the site as written, is not even read.
  const done = new Map<string, CachedArticle>()
  const stats = new Map<string, CachedArticle['inputs']>()
  const jobs: ArticleJob[] = []
  for (const id of ids) {
    const cached = usable.get(id)
    const inputs = options.cacheDir ? fileStats(articleInputs(layout, id, languages)) : []
    stats.set(id, inputs)
    if (cached && sameStats(cached.inputs, inputs) && outputsIntact(site.out, cached.outputs)) done.set(id, cached)
    else jobs.push({id, cached: cached ? {key: cached.key, outputs: cached.outputs} : undefined})
  }

  const settings: RenderSettings = {corpus: layout.root, out: site.out, staging: site.staging, languages, onlyReviewed, maxArticleKb, renderer}
  // A thread costs a fresh copy of every module: worth it for a corpus, not for the few articles of a day's fix.
  const threads = options.workers ?? (jobs.length < minimumForThreads ? 1 : availableParallelism())
  result.cached = done.size
  if (jobs.length > 0) {
    // The renderers are loaded when there is something to render: a build that finds nothing changed starts the sooner.
    const {buildArticle, createRenderContext} = await import('./build-article.js')
    const context = createRenderContext(settings)
    for (const [id, built] of await buildInThreads(jobs, threads, settings, (job) => buildArticle(context, job))) {
      // Read again, the same bytes as before: the cached article stands (its input stats are the new ones).
      if (built.unchanged) {
        done.set(id, {...usable.get(id)!, inputs: stats.get(id)!})
        result.cached++
      } else {
        done.set(id, {...built.built, inputs: stats.get(id)!})
        if (built.written) site.put(id)
      }
    }
  }

  const entries: IndexEntry[] = []
  const manifest: Manifest = {renderer, out: site.out, settings: buildSettings, articles: new Map()}
  const published: string[] = []
  for (const id of ids) {
    const article = done.get(id)!
    result.files.push(...deserializeFiles(article.messages, layout.root))
    result.failed ||= article.failed
    if (article.entry) {
      // Counted as published: an article left out shows nothing.
      result.missing += article.counts.missing
      result.draft += article.counts.draft
      result.stale += article.counts.stale
      entries.push(article.entry)
      published.push(id)
      result.briefs += article.counts.briefs
      result.articles++
    }
    if (article.withheld) result.withheld.push(id)
    // A failure is not cached: it may come from the machine (a full disk), not from the inputs.
    if (options.cacheDir && !article.failed) manifest.articles.set(id, article)
  }
  if (result.failed) return undefined
  if (options.shard) {
    // `ids` of the part: the articles published, so the index step removes the others' earlier briefs.
    const name = shardPath(options.shard)
    if (writeSiteFile(site, name, stringifyJson({ids: published, entries, languages} satisfies ShardPart)).written) site.put(name)
  } else {
    // The indexes list every article published: rendered again only when an entry changed (or a file of them did).
    const indexKey = createHash('sha256').update(`${renderer}\0${buildSettings}\0`).update(JSON.stringify(entries)).digest('hex')
    const cachedIndex = usable === previous?.articles ? previous?.index : undefined
    const indexIntact = options.cacheDir !== undefined && cachedIndex?.key === indexKey && outputsIntact(site.out, cachedIndex.outputs)
    manifest.index = indexIntact ? cachedIndex : {key: indexKey, outputs: await writeIndexes(site, entries, languages)}
    for (const folder of await staleBriefFolders(site.out, new Set(published))) site.remove(folder)
  }
  // Nothing rendered, the same articles and indexes: the manifest would be written again byte for byte.
  const asBefore = previous !== undefined && usable === previous.articles && jobs.length === 0 && manifest.index === previous.index && sameKeys(manifest.articles, previous.articles)
  return {manifest, asBefore}
}

/** The same keys in the same order. */
function sameKeys(a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): boolean {
  if (a.size !== b.size) return false
  const others = b.keys()
  for (const key of a.keys()) if (others.next().value !== key) return false
  return true
}

/**
 * Write the indexes and feeds of the shards built into `out` (each
 * `briefs build --shard k/n`) once, from their parts in `out/.shards/`;
 * a missing shard fails the step and leaves `out` as it was.
 */
export async function buildIndex(options: Readonly<Pick<BuildOptions, 'out' | 'languages' | 'lock'>> & {shards: number}): Promise<{articles: number; files: VFile[]; failed: boolean}> {
  let languages = options.languages
  const result: BuildResult = {files: [], briefs: 0, articles: 0, missing: 0, draft: 0, stale: 0, cached: 0, failed: false, withheld: []}
  const site = await openSiteOrReport(options.out, options.lock, result)
  if (!site) return {articles: 0, files: result.files, failed: true}
  try {
    const ids: string[] = []
    const entries: IndexEntry[] = []
    for (let index = 1; index <= options.shards; index++) {
      const relative = shardPath({index, count: options.shards})
      let part: ShardPart
      try {
        part = JSON.parse(await fs.readFile(path.join(site.out, relative), 'utf8')) as ShardPart
      } catch {
        const file = new VFile({path: path.join(site.out, relative)})
        const message = file.message(`Unexpected missing shard ${index} of ${options.shards}, expected every shard built before the index`, {ruleId: 'shard', source: 'briefs'})
        message.fatal = true
        await site.abort()
        return {articles: 0, files: [file], failed: true}
      }
      // Every shard was built in the languages of the first (or those asked for): the indexes list those.
      languages ??= part.languages
      if (part.languages.join() !== languages.join()) {
        const file = new VFile({path: path.join(site.out, relative)})
        const message = file.message(`Unexpected shard ${index} built in ${part.languages.join(', ')}, expected ${languages.join(', ')} as the others`, {ruleId: 'shard', source: 'briefs'})
        message.fatal = true
        await site.abort()
        return {articles: 0, files: [file], failed: true}
      }
      ids.push(...part.ids)
      entries.push(...part.entries)
    }
    await writeIndexes(site, entries, languages ?? [])
    for (const folder of await staleBriefFolders(site.out, new Set(ids))) site.remove(folder)
    await site.commit()
    return {articles: entries.length, files: [], failed: false}
  } catch (error) {
    await site.abort()
    reportSiteError(error, options.out, result)
    return {articles: 0, files: result.files, failed: true}
  }
}

/** What a shard leaves for the index step. */
interface ShardPart {
  /** The articles it published. */
  ids: string[]
  entries: IndexEntry[]
  languages: readonly TargetLanguage[]
}

function shardPath(shard: {index: number; count: number}): string {
  return path.join('.shards', `${shard.index}-of-${shard.count}.json`)
}

/** Write the indexes and feeds that changed into the staging folder; returns every one's stat as it will be in the site. */
async function writeIndexes(site: SiteTransaction, entries: IndexEntry[], languages: readonly TargetLanguage[]): Promise<CachedArticle['outputs']> {
  // Loaded when the indexes changed (see `buildArticle`).
  const [{readerLanguages, renderHtmlIndex, renderMarkdownIndex}, {renderAtomFeed}] = await Promise.all([import('./index-page.js'), import('./feed.js')])
  const views = briefViews(languages)
  const readers = readerLanguages(languages)
  const ui = loadUi()
  const files = [
    {path: 'index.md', render: () => renderMarkdownIndex(entries, views, ui.text(sourceLanguage))},
    ...readers.flatMap((reader) => [
      {path: indexPath(reader), render: () => renderHtmlIndex(entries, views, readers, ui.text(reader))},
      {path: feedPath(reader), render: () => renderAtomFeed(entries, views, ui.text(reader))}
    ])
  ]
  // One at a time: a large corpus's index is a few megabytes, held only while it is written.
  return files.map((file) => {
    const {output, written} = writeSiteFile(site, file.path, file.render())
    if (written) site.put(file.path)
    return output
  })
}

/** The folders of `out` (names) that hold only briefs (a build's own files) of articles not in `ids`. */
async function staleBriefFolders(out: string, ids: Set<string>): Promise<string[]> {
  let names: string[]
  try {
    names = await fs.readdir(out)
  } catch {
    return []
  }
  const folders: string[] = []
  for (const name of names) {
    if (ids.has(name)) continue
    const folder = path.join(out, name)
    const stat = await fs.lstat(folder)
    if (!stat.isDirectory()) continue
    const inside = await fs.readdir(folder)
    // Temporary files of a killed writer do not keep a folder.
    if (inside.filter((each) => !isTemporaryFileName(each)).every(isBriefFileName)) folders.push(name)
  }
  return folders
}
