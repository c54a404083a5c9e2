import path from 'node:path'
import {codeVersion} from '@briefs/incremental'

/** Where a command keeps its results between runs: `node_modules/.cache/briefs/<name>.jsonl` beside the corpus, as the build's cache. */
export function cacheFile(corpus: string, name: string): string {
  return path.join(path.dirname(corpus), 'node_modules', '.cache', 'briefs', `${name}.jsonl`)
}

/** The workspace packages a command's results are computed with; their builds make the version of its kept results. */
const packages = ['@briefs/bitext', '@briefs/corpus', '@briefs/languages', '@briefs/qa', '@briefs/review', '@briefs/segment']

/**
 * The version of a command's kept results: its compute module's folder,
 * the workspace packages (and `@briefs/sentences`, which the segmenter
 * uses), the lockfile, and the settings the results depend on.
 */
export function resultsVersion(compute: URL, settings: unknown): string {
  const from = new URL('./', import.meta.url)
  return codeVersion([compute, ...packages.map((name) => ({name, from})), {name: '@briefs/sentences', from: new URL('../../../packages/segment/', import.meta.url)}], JSON.stringify(settings))
}
