import fs from 'node:fs/promises'
import path from 'node:path'
import {writeFileAtomic} from '@briefs/corpus'
import type {CachedArticle} from './cache.js'
import type {ArticleOutput} from './render-article.js'

/**
 * Write an article's briefs under `out`, each atomically. The site is
 * rebuilt from the corpus at will, so no fsync: the rename alone keeps
 * readers from half-written pages. Returns what the cache checks later.
 */
export async function writeOutputs(out: string, output: ArticleOutput): Promise<CachedArticle['outputs']> {
  // The files of one article are independent: let the disk work on them together.
  return Promise.all(
    output.outputs.map(async (file) => {
      const target = path.join(out, file.path)
      await writeFileAtomic(target, file.content, {durable: false})
      const stat = await fs.stat(target)
      return {path: file.path, size: stat.size, mtimeMs: stat.mtimeMs}
    })
  )
}
