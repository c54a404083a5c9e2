import fs from 'node:fs'
import {bitextFromFiles} from '@briefs/bitext'
import {articleReadOptions, checkedArticle, corpusLayout, readFileBytesSync, segmentMapOf, serializeFiles, textFile, Translations, type TargetLanguage} from '@briefs/corpus'
import {VFile} from 'vfile'
import {articleInputs, articleKey, outputsIntact, type CachedArticle} from './cache.js'
import {briefViews} from './paths.js'
import {renderArticle, type ArticleSource, type RenderContext} from './render-article.js'
import {diskProblem} from './site.js'
import {loadUi} from './ui.js'
import {writeArticleFolder} from './write-outputs.js'

/** The settings a render context is made from: plain data, so a worker thread can receive them. */
export interface RenderSettings {
  corpus: string
  /** The site as it is, and the staging folder the build writes in. */
  out: string
  staging: string
  languages: readonly TargetLanguage[]
  onlyReviewed: boolean
  /** The size limit of an article, resolved once for the build. */
  maxArticleKb: number
  /** The renderer's version (`rendererVersion`), for cache keys; empty without cache. */
  renderer: string
}

export interface BuildContext extends RenderContext {
  settings: Readonly<RenderSettings>
}

export function createRenderContext(settings: Readonly<RenderSettings>): BuildContext {
  return {
    settings,
    layout: corpusLayout(settings.corpus, {maxArticleKb: settings.maxArticleKb}),
    languages: settings.languages,
    views: briefViews(settings.languages),
    ui: loadUi(),
    translations: new Translations(),
    onlyReviewed: settings.onlyReviewed
  }
}

/** An article built: everything the cache keeps of it but its input stats. */
export type BuiltArticle = Omit<CachedArticle, 'inputs'>

/** What a thread is asked: an article, and what the cache holds of it when its inputs changed (it may still be the same). */
export interface ArticleJob {
  id: string
  cached?: Pick<CachedArticle, 'key' | 'outputs'> | undefined
}

export type ArticleResult =
  /** Its inputs hash to the cached key and its briefs are in the site as written: the cached article stands. */
  | {id: string; unchanged: true}
  /** Rendered; `written` when its folder was staged (else the site has every brief already). */
  | {id: string; unchanged?: undefined; built: BuiltArticle; written: boolean}

/** A file read once: its bytes, `undefined` when there is none, or why it could not be read (thrown where the render reads it). */
type Read = {bytes: Buffer | undefined; error?: undefined} | {bytes?: undefined; error: unknown}

function readOptional(filePath: string): Read {
  try {
    // As `fs.access` does for the async readers: a file that does not exist (or a dangling link) is absent.
    return {bytes: fs.existsSync(filePath) ? readFileBytesSync(filePath) : undefined}
  } catch (error) {
    return {error}
  }
}

/**
 * Build an article: read each of its input files once, hash those bytes
 * for its cache key, and unless the cache holds it, render it from the same
 * bytes and stage its folder. The unit of work of a build, on the main
 * thread or a worker.
 */
export function buildArticle(context: BuildContext, job: ArticleJob): ArticleResult {
  const {settings, layout, languages} = context
  const {id} = job
  const paths = articleInputs(layout, id, languages)
  let french: Read
  try {
    french = {bytes: readFileBytesSync(paths[0]!, articleReadOptions(settings.maxArticleKb))}
  } catch (error) {
    french = {error}
  }
  const reads = [french, ...paths.slice(1).map(readOptional)]
  const origins = languages.map((lng) => readOptional(layout.originsFile(lng, id)))
  const key = settings.renderer && reads.every((read) => read.error === undefined) ? articleKey(reads.map((read) => read.bytes), settings.renderer, languages, settings.onlyReviewed) : ''
  if (job.cached && key !== '' && key === job.cached.key && outputsIntact(settings.out, job.cached.outputs)) return {id, unchanged: true}

  const file = (read: Read, filePath: string): VFile | undefined => {
    if (read.error !== undefined) throw read.error
    return read.bytes === undefined ? undefined : textFile(read.bytes, filePath)
  }
  const source: ArticleSource = {
    article: () => {
      const articleFile = file(reads[0]!, paths[0]!)!
      const map = file(reads[1]!, paths[1]!)
      return checkedArticle(id, articleFile, map ? segmentMapOf(map) : undefined)
    },
    bitext: (article, lng, translations) => {
      const at = 2 + 2 * languages.indexOf(lng)
      return bitextFromFiles(article, lng, {resource: file(reads[at]!, paths[at]!), ledger: file(reads[at + 1]!, paths[at + 1]!), origins: file(origins[languages.indexOf(lng)]!, layout.originsFile(lng, id))}, {translations})
    }
  }
  const output = renderArticle(context, id, source)
  let outputs: CachedArticle['outputs'] = []
  let written = false
  try {
    if (output.outputs.length > 0) ({outputs, written} = writeArticleFolder(settings, id, output.outputs))
  } catch (error) {
    // A full disk or a read-only folder: this article fails, so the build does and publishes nothing.
    const reason = diskProblem(error, 'the site')
    if (reason === undefined) throw error
    const failed = new VFile({path: layout.articleFile(id)})
    const message = failed.message(reason, {ruleId: 'disk', source: 'briefs'})
    message.fatal = true
    return {id, built: {key, messages: [...output.messages, ...serializeFiles([failed], layout.root)], counts: output.counts, failed: true, outputs: []}, written: false}
  }
  return {
    id,
    built: {
      key,
      ...(output.entry ? {entry: output.entry} : {}),
      ...(output.withheld ? {withheld: true} : {}),
      messages: output.messages,
      counts: output.counts,
      failed: output.failed,
      outputs
    },
    written
  }
}
