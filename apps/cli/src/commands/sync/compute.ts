// What `briefs sync` computes per article, on a worker thread or the command's own: whether its segment map is out of date.
import fs from 'node:fs'
import {articleReadOptions, checkedArticle, corpusLayout, readFileBytesSync, segmentMapOf, serializeError, serializeFiles, textFile} from '@briefs/corpus'
import type {SyncRecord, SyncSettings} from './index.js'

export function compute(id: string, data: unknown): SyncRecord {
  const {corpus, maxArticleKb} = data as SyncSettings
  const layout = corpusLayout(corpus)
  try {
    // Each file read once, as `loadArticle` reads them.
    const articleFile = textFile(readFileBytesSync(layout.articleFile(id), articleReadOptions(maxArticleKb)), layout.articleFile(id))
    const mapFile = layout.segmentMapFile(id)
    const map = fs.existsSync(mapFile) ? textFile(readFileBytesSync(mapFile), mapFile) : undefined
    const article = checkedArticle(id, articleFile, map ? segmentMapOf(map) : undefined)
    return {outdated: article.segmentMapOutdated, files: serializeFiles([article.file], layout.root)}
  } catch (error) {
    return {error: serializeError(error, layout.root)}
  }
}
