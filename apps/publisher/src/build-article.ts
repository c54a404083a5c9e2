import {corpusLayout, Translations, type TargetLanguage} from '@briefs/corpus'
import type {CachedArticle} from './cache.js'
import {briefViews} from './paths.js'
import {renderArticle, type RenderContext} from './render-article.js'
import {loadUi} from './ui.js'
import {serializeFiles} from './messages.js'
import {diskProblem} from './site.js'
import {writeOutputs} from './write-outputs.js'
import {VFile} from 'vfile'

/** The settings a render context is made from: plain data, so a worker thread can receive them. */
export interface RenderSettings {
  corpus: string
  out: string
  languages: readonly TargetLanguage[]
  onlyReviewed: boolean
  maxArticleKb?: number | undefined
}

export function createRenderContext(settings: Readonly<RenderSettings>): RenderContext {
  return {
    layout: corpusLayout(settings.corpus, {maxArticleKb: settings.maxArticleKb}),
    languages: settings.languages,
    views: briefViews(settings.languages),
    ui: loadUi(),
    translations: new Translations(),
    onlyReviewed: settings.onlyReviewed
  }
}

/** An article built: everything the cache keeps of it but its key. */
export type BuiltArticle = Omit<CachedArticle, 'key' | 'inputs'>

/** Render an article and write its briefs: the unit of work of a build, on the main thread or a worker. */
export async function buildArticle(context: RenderContext, out: string, id: string): Promise<BuiltArticle> {
  const output = await renderArticle(context, id)
  let outputs: BuiltArticle['outputs']
  try {
    outputs = writeOutputs(out, output)
  } catch (error) {
    // A full disk or a read-only folder: this article fails, so the build does and publishes nothing.
    const reason = diskProblem(error, 'the site')
    if (reason === undefined) throw error
    const file = new VFile({path: context.layout.articleFile(id)})
    const message = file.message(reason, {ruleId: 'disk', source: 'briefs'})
    message.fatal = true
    return {messages: [...output.messages, ...serializeFiles([file], context.layout.root)], counts: output.counts, failed: true, outputs: []}
  }
  return {
    ...(output.entry ? {entry: output.entry} : {}),
    ...(output.withheld ? {withheld: true} : {}),
    messages: output.messages,
    counts: output.counts,
    failed: output.failed,
    outputs
  }
}
