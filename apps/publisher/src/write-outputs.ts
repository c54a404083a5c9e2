import path from 'node:path'
import {writeFileAtomicSync} from '@briefs/corpus'
import type {CachedArticle} from './cache.js'
import type {ArticleOutput} from './render-article.js'

/**
 * Write an article's briefs under `out`, each atomically. Synchronous: a
 * build thread has nothing else to do meanwhile, and thousands of small
 * files would otherwise queue on libuv's shared pool. No fsync: the site is
 * rebuilt from the corpus at will, and the rename alone keeps readers from
 * half-written pages. Returns what the cache checks later.
 */
export function writeOutputs(out: string, output: ArticleOutput): CachedArticle['outputs'] {
  return output.outputs.map((file) => {
    let stat
    try {
      stat = writeFileAtomicSync(path.join(out, file.path), file.content, {durable: false})
    } catch (error) {
      // Name the page in the site (not the staging folder, nor no file at all for a failed `write`).
      if (error instanceof Error && 'code' in error) Object.assign(error, {path: file.path})
      throw error
    }
    return {path: file.path, size: stat.size, mtimeMs: stat.mtimeMs}
  })
}
