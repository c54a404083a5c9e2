// What `briefs status` computes per article, on a worker thread or the command's own: imported only when a result is not kept.
import fs from 'node:fs'
import {bitextFromFiles, describeOrigin, reviewedShare, type Bitext} from '@briefs/bitext'
import {articleReadOptions, checkedArticle, corpusLayout, readFileBytesSync, segmentMapOf, serializeError, serializeFiles, textFile, Translations, type Article, type TargetLanguage} from '@briefs/corpus'
import {formatWordDiff, wordDiff} from '@briefs/review'
import type {VFile} from 'vfile'
import type {StatusRecord, StatusRow, StatusSettings} from './index.js'

const translations = new Translations()

export function compute(id: string, data: unknown): StatusRecord {
  const {corpus, languages, maxArticleKb} = data as StatusSettings
  const layout = corpusLayout(corpus)
  // Each file read once, and as `loadArticle` and `loadBitext` read them: a missing optional file is none.
  const optional = (filePath: string): VFile | undefined => (fs.existsSync(filePath) ? textFile(readFileBytesSync(filePath), filePath) : undefined)
  let article: Article
  try {
    const articleFile = textFile(readFileBytesSync(layout.articleFile(id), articleReadOptions(maxArticleKb)), layout.articleFile(id))
    const map = optional(layout.segmentMapFile(id))
    article = checkedArticle(id, articleFile, map ? segmentMapOf(map) : undefined)
  } catch (error) {
    // A file that cannot be read stops the command, as it stops `loadArticle`: the first such article says why.
    return {error: serializeError(error, layout.root)}
  }
  const rows = languages.map((lng): NonNullable<StatusRecord['rows']>[number] => {
    let bitext: Bitext
    try {
      bitext = bitextFromFiles(article, lng, {resource: optional(layout.resourceFile(lng, id)), ledger: optional(layout.reviewFile(lng, id)), origins: optional(layout.originsFile(lng, id))}, {translations})
    } catch (error) {
      return {error: serializeError(error, layout.root)}
    }
    const files = [bitext.ledger.file, bitext.origins.file].filter((file): file is VFile => file !== undefined)
    return {row: statusRow(bitext, lng), files: serializeFiles(files, layout.root)}
  })
  return {rows, files: serializeFiles([article.file], layout.root)}
}

/** An article in one language, with every unit not reviewed (or approved over the checks' errors) for `--verbose`. */
function statusRow(bitext: Bitext, lng: TargetLanguage): StatusRow {
  const overridden = bitext.units.filter((unit) => unit.state === 'reviewed' && unit.approval?.override !== undefined)
  return {
    article: bitext.article.id,
    lang: lng,
    counts: bitext.counts,
    total: bitext.segments.length,
    reviewed_share: round(reviewedShare(bitext.counts)),
    overridden: overridden.reduce((sum, unit) => sum + unit.segments.length, 0),
    segments: bitext.units
      .filter((unit) => unit.state !== 'reviewed' || overridden.includes(unit))
      .map((unit) => ({
        id: unit.key,
        ...(unit.segments.length > 1 ? {segments: unit.segments.map((segment) => segment.id)} : {}),
        state: unit.state,
        ...(unit.staleReason ? {stale: unit.staleReason} : {}),
        ...(unit.origin ? {origin: describeOrigin(unit.origin)} : {}),
        ...(unit.state === 'reviewed' && unit.approval?.override !== undefined ? {override: unit.approval.override} : {}),
        text: unit.source,
        ...(unit.state === 'stale' && unit.approval && unit.approval.text !== unit.source ? {approved_text: unit.approval.text, diff: formatWordDiff(wordDiff(unit.approval.text, unit.source))} : {})
      }))
  }
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000
}
