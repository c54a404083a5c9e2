import fs from 'node:fs/promises'
import path from 'node:path'
import {
  corpusLayout,
  listArticleIds,
  loadArticle,
  targetLanguages,
  titleSegmentId,
  Translations,
  writeFileAtomic,
  type TargetLanguage
} from '@briefs/corpus'
import {reviewArticle, type SegmentReview} from '@briefs/review'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {articleView, translateBlock, translatedTitle} from './brief.js'
import {renderAtomFeed} from './feed.js'
import {renderHtmlBrief, renderSourceBlocks, renderTargetBlocks, type BriefColumn} from './html.js'
import {readerLanguages, renderHtmlIndex, renderMarkdownIndex, type IndexEntry} from './index-page.js'
import {renderMarkdownBrief, type MarkdownColumn} from './markdown.js'
import {briefPath, briefViews, feedPath, indexPath, isBriefFileName} from './paths.js'
import {loadUi} from './ui.js'

export interface BuildOptions {
  /** The corpus folder (with `articles/`, `segments/`, `locales/`). */
  corpus: string
  /** Where the briefs land. */
  out: string
  /** Target languages to build; all by default. */
  languages?: readonly TargetLanguage[]
  /**
   * Refuse to publish anything not reviewed: a missing, draft or stale
   * segment is an error, and that article's briefs are not written.
   */
  onlyReviewed?: boolean
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
  /** Whether an article could not be built; the indexes and feeds are then left as they were. */
  failed: boolean
}

/**
 * Build every brief of the corpus: for each article (parsed and segmented
 * once) and each target language, a Markdown and an HTML brief, plus the
 * multilingual view (all target languages); then the Markdown index, and
 * per reader language an HTML index and an Atom feed. Articles are
 * streamed: one is in memory at a time, and the index and the feeds keep a
 * small summary of each.
 */
export async function buildBriefs(options: Readonly<BuildOptions>): Promise<BuildResult> {
  const layout = corpusLayout(options.corpus)
  const languages = options.languages ?? targetLanguages
  const views = briefViews(languages)
  const readers = readerLanguages(languages)
  const ui = loadUi()
  const translations = new Translations()
  const entries: IndexEntry[] = []
  const result: BuildResult = {files: [], briefs: 0, articles: 0, missing: 0, draft: 0, stale: 0, failed: false}

  let ids: string[]
  try {
    ids = await listArticleIds(layout)
  } catch (error) {
    return fail(result, error, layout.articlesDir)
  }

  for (const id of ids) {
    const files: VFile[] = []
    try {
      const article = await loadArticle(layout, id)
      files.push(article.file)
      const view = articleView(article)
      const source = renderSourceBlocks(view)
      const sentenceCount = article.segments.length
      const entry: IndexEntry = {id, date: article.meta.date, title: article.meta.title, languages: []}
      const places = positionsOf(view)

      // Each language is looked up, reviewed and rendered once, then shown in every view that has it.
      const columns = new Map<TargetLanguage, MarkdownColumn & BriefColumn>()
      for (const lng of languages) {
        const review = await reviewArticle(layout, article, lng)
        if (review.resource) {
          files.push(review.resource.file)
          translations.load(review.resource)
        }
        if (review.ledger.file) files.push(review.ledger.file)
        const states = new Map(review.reviews.map((entry) => [entry.segment.id, entry.state]))
        const stateOf = (segmentId: string) => states.get(segmentId) ?? 'missing'
        const t = ui.text(lng).t
        const markers = {missing: t('marker.missing'), draft: t('marker.draft'), stale: t('marker.stale')}
        const translated = view.blocks.map((block) => translateBlock(view, block, lng, translations, stateOf, markers))
        const title = {text: translatedTitle(view, lng, translations), state: stateOf(titleSegmentId)}
        translations.unload(lng, id)
        const missing = translated.flatMap((block) => block.missing)
        if (title.text === undefined) missing.unshift(titleSegmentId)
        reportMissing(article.file, lng, missing, sentenceCount, layout.resourceFile(lng, id), places, options.onlyReviewed === true)
        if (options.onlyReviewed) reportUnreviewed(article.file, lng, review.reviews, places)
        const counts = {
          total: sentenceCount,
          translated: sentenceCount - missing.length,
          reviewed: review.counts.reviewed,
          draft: review.counts.draft,
          stale: review.counts.stale
        }
        columns.set(lng, {lng, translated, blocks: renderTargetBlocks(view, lng, translated), title, counts})
        entry.languages.push({lng, title: title.text, translated: counts.translated, reviewed: counts.reviewed, total: sentenceCount})
        result.missing += missing.length
        result.draft += counts.draft
        result.stale += counts.stale
      }
      // An article is published whole or not at all.
      if (options.onlyReviewed && files.some((file) => file.messages.some((message) => message.fatal === true))) {
        result.failed = true
        result.files.push(...files.filter((file) => file.messages.length > 0))
        continue
      }
      for (const current of views) {
        const shown = current.languages.map((lng) => columns.get(lng)!)
        const text = ui.text(current.ui)
        await writeFileAtomic(path.join(options.out, briefPath(id, current, 'md')), renderMarkdownBrief(view, shown, text))
        await writeFileAtomic(path.join(options.out, briefPath(id, current, 'html')), renderHtmlBrief({view, source, columns: shown, current, views}, text))
      }
      result.briefs += languages.length
      entries.push(entry)
      result.articles++
    } catch (error) {
      fail(result, error, layout.articleFile(id))
    }
    // Errors that did not stop the article (a malformed review ledger entry) still fail the build.
    if (files.some((file) => file.messages.some((message) => message.fatal === true))) result.failed = true
    result.files.push(...files.filter((file) => file.messages.length > 0))
  }

  if (!result.failed) {
    await writeFileAtomic(path.join(options.out, 'index.md'), renderMarkdownIndex(entries, views, ui.text('fr')))
    for (const reader of readers) {
      await writeFileAtomic(path.join(options.out, indexPath(reader)), renderHtmlIndex(entries, views, readers, ui.text(reader)))
      await writeFileAtomic(path.join(options.out, feedPath(reader)), renderAtomFeed(entries, views, ui.text(reader)))
    }
    await removeStaleBriefs(options.out, new Set(ids))
  }
  return result
}

function positionsOf(view: ReturnType<typeof articleView>): Map<string, VFileMessage['place']> {
  const places = new Map<string, VFileMessage['place']>()
  for (const block of view.blocks) {
    for (const child of block.children) {
      if (child.type === 'sentence' && child.position) places.set(child.data.segmentId, child.position)
    }
  }
  return places
}

function reportMissing(
  file: VFile,
  lng: TargetLanguage,
  missing: string[],
  total: number,
  resourcePath: string,
  places: Map<string, VFileMessage['place']>,
  asErrors: boolean
): void {
  if (missing.length === 0) return
  const where = path.relative(path.dirname(path.dirname(path.dirname(resourcePath))), resourcePath)
  for (const id of missing) {
    const message = file.message(`Unexpected missing \`${lng}\` translation of segment \`${id}\`, expected it in \`${where}\`; the brief shows it as missing`, {
      place: places.get(id) ?? {line: 1, column: 1},
      ruleId: 'missing-translation',
      source: 'briefs'
    })
    if (asErrors) message.fatal = true
  }
  file.info(`${missing.length} of ${total} segments have no \`${lng}\` translation`, {ruleId: 'missing-translation', source: 'briefs'})
}

function reportUnreviewed(file: VFile, lng: TargetLanguage, reviews: SegmentReview[], places: Map<string, VFileMessage['place']>): void {
  for (const review of reviews) {
    if (review.state === 'reviewed' || review.state === 'missing') continue
    const message = file.message(
      `Unexpected ${review.state === 'draft' ? 'unreviewed' : 'outdated (stale)'} \`${lng}\` translation of segment \`${review.segment.id}\`, expected a reviewed translation (\`--only-reviewed\`)`,
      {place: places.get(review.segment.id) ?? {line: 1, column: 1}, ruleId: `${review.state}-translation`, source: 'briefs'}
    )
    message.fatal = true
  }
}

function fail(result: BuildResult, error: unknown, filePath: string): BuildResult {
  result.failed = true
  if (error instanceof VFileMessage && error.file) {
    const file = new VFile({path: error.file})
    file.messages.push(error)
    result.files.push(file)
  } else {
    const file = new VFile({path: filePath})
    const message = file.message(error instanceof Error ? error.message : String(error), {ruleId: 'build', source: 'briefs'})
    message.fatal = true
    result.files.push(file)
  }
  return result
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
