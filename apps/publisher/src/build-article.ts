import {corpusLayout, Translations, type TargetLanguage} from '@briefs/corpus'
import type {CachedArticle} from './cache.js'
import {briefViews} from './paths.js'
import {renderArticle, type RenderContext} from './render-article.js'
import {loadUi} from './ui.js'
import {writeOutputs} from './write-outputs.js'

/** The settings a render context is made from: plain data, so a worker thread can receive them. */
export interface RenderSettings {
  corpus: string
  out: string
  languages: readonly TargetLanguage[]
  onlyReviewed: boolean
}

export function createRenderContext(settings: Readonly<RenderSettings>): RenderContext {
  return {
    layout: corpusLayout(settings.corpus),
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
  const outputs = writeOutputs(out, output)
  return {...(output.entry ? {entry: output.entry} : {}), messages: output.messages, counts: output.counts, failed: output.failed, outputs}
}
