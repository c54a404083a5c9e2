import path from 'node:path'
import type {Bitext, TranslationUnit} from '@briefs/bitext'
import {sourceLanguage, titleSegmentId, Translations, type Article, type CorpusLayout, type TargetLanguage} from '@briefs/corpus'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {failure} from './failure.js'
import {articleView, translateBlock, unitsByBlock, type ArticleView} from './brief.js'
import {renderHtmlBrief, renderSourceRows, renderTargetRows, type BriefColumn} from './html.js'
import {markdownIndexRow, type IndexEntry} from './index-page.js'
import {renderColumnCells, renderMarkdownBrief, type MarkdownColumn} from './markdown.js'
import {serializeFiles, type FileMessages} from '@briefs/corpus'
import {briefPath, type BriefView} from './paths.js'
import type {Ui} from './ui.js'

/** What rendering an article needs besides the article: built once per build (or per worker). */
export interface RenderContext {
  layout: CorpusLayout
  languages: readonly TargetLanguage[]
  views: BriefView[]
  ui: Ui
  translations: Translations
  onlyReviewed: boolean
}

/** Everything a build keeps of an article: the files to write, its index entry, its messages. */
export interface ArticleOutput {
  id: string
  /** Files to write, relative to the site root; none when the article could not be rendered or `--only-reviewed` refused it. */
  outputs: Array<{path: string; content: string}>
  /** Its line in the indexes and feeds; absent when it is not published. */
  entry?: IndexEntry
  messages: FileMessages[]
  counts: {briefs: number; missing: number; draft: number; stale: number}
  /** Whether it has an error: it is then not published, and the build fails. */
  failed: boolean
  /** Left out by `onlyReviewed` (a segment missing, draft or stale); not a failure. */
  withheld?: boolean
}

/** An article's inputs as the render reads them: the article, then its bitext in each language (as `loadArticle` and `loadBitext` give them). */
export interface ArticleSource {
  article(): Article
  bitext(article: Article, lng: TargetLanguage, translations: Translations): Bitext
}

/**
 * Render every brief of one article: parsed and segmented once, the French
 * rendered once, each language looked up, reviewed and rendered once, then
 * shown in every view that has it. A pure function of the corpus files (and
 * the renderer), so its result can be cached and computed on any thread.
 */
export function renderArticle(context: RenderContext, id: string, inputs: ArticleSource): ArticleOutput {
  const {layout, languages, views, ui, translations, onlyReviewed} = context
  const files: VFile[] = []
  const output: ArticleOutput = {id, outputs: [], messages: [], counts: {briefs: 0, missing: 0, draft: 0, stale: 0}, failed: false}
  try {
    const article = inputs.article()
    files.push(article.file)
    const view = articleView(article)
    const source = renderSourceRows(view)
    const sourceCells = renderColumnCells(view, view.blocks.map((block) => block.children))
    const sentenceCount = article.segments.length
    const entry: IndexEntry = {id, date: article.meta.date, title: article.meta.title, languages: []}
    const places = positionsOf(view)

    const columns = new Map<TargetLanguage, MarkdownColumn & BriefColumn>()
    for (const lng of languages) {
      const bitext = inputs.bitext(article, lng, translations)
      if (bitext.resource) files.push(bitext.resource.file)
      if (bitext.ledger.file) files.push(bitext.ledger.file)
      const t = ui.text(lng).t
      const markers = {missing: t('marker.missing'), draft: t('marker.draft'), stale: t('marker.stale')}
      const blockUnits = unitsByBlock(bitext)
      const translated = view.blocks.map((block) => translateBlock(blockUnits.get(block.id) ?? [], markers))
      const titleUnit = blockUnits.get(titleSegmentId)![0]!
      const title = {text: titleUnit.state === 'missing' ? undefined : titleUnit.target!.value, state: titleUnit.state}
      const missing = translated.flatMap((block) => block.missing)
      if (title.text === undefined) missing.unshift(titleSegmentId)
      reportMissing(article.file, lng, missing, sentenceCount, layout.resourceFile(lng, id), places)
      if (onlyReviewed) reportUnreviewed(article.file, lng, bitext.units, places)
      const counts = {total: sentenceCount, translated: sentenceCount - missing.length, reviewed: bitext.counts.reviewed, draft: bitext.counts.draft, stale: bitext.counts.stale}
      columns.set(lng, {
        lng,
        cells: renderColumnCells(
          view,
          translated.map((block) => block.children)
        ),
        rows: renderTargetRows(view, lng, translated),
        title,
        counts
      })
      entry.languages.push({lng, title: title.text, translated: counts.translated, reviewed: counts.reviewed, total: sentenceCount})
      output.counts.missing += missing.length
      output.counts.draft += counts.draft
      output.counts.stale += counts.stale
    }

    // Any error fails the build; with `--only-reviewed` an article not wholly reviewed is left out, whole.
    output.failed = files.some((file) => file.messages.some((message) => message.fatal === true))
    output.withheld = onlyReviewed && output.counts.missing + output.counts.draft + output.counts.stale > 0
    if (!output.withheld) {
      for (const current of views) {
        const shown = current.languages.map((lng) => columns.get(lng)!)
        const text = ui.text(current.ui)
        output.outputs.push(
          {path: briefPath(id, current, 'md'), content: renderMarkdownBrief(view, sourceCells, shown, text)},
          {path: briefPath(id, current, 'html'), content: renderHtmlBrief({view, source, columns: shown, current, views}, text)}
        )
      }
      output.counts.briefs = languages.length
      output.entry = {...entry, markdownRow: markdownIndexRow(entry, views, ui.text(sourceLanguage))}
    }
  } catch (error) {
    output.failed = true
    files.push(failure(error, layout.articleFile(id)))
  }
  output.messages = serializeFiles(files, layout.root)
  return output
}

function positionsOf(view: ArticleView): Map<string, VFileMessage['place']> {
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
  places: Map<string, VFileMessage['place']>
): void {
  if (missing.length === 0) return
  const where = path.relative(path.dirname(path.dirname(path.dirname(resourcePath))), resourcePath)
  for (const id of missing) {
    file.message(`Unexpected missing \`${lng}\` translation of segment \`${id}\`, expected it in \`${where}\`; the brief shows it as missing`, {
      place: places.get(id) ?? {line: 1, column: 1},
      ruleId: 'shown-missing',
      source: 'briefs'
    })
  }
  file.info(`${missing.length} of ${total} segments have no \`${lng}\` translation`, {ruleId: 'shown-missing', source: 'briefs'})
}

function reportUnreviewed(file: VFile, lng: TargetLanguage, units: readonly TranslationUnit[], places: Map<string, VFileMessage['place']>): void {
  for (const unit of units) {
    if (unit.state === 'reviewed' || unit.state === 'missing') continue
    const first = unit.segments[0]!.id
    file.message(
      `Unexpected ${unit.state === 'draft' ? 'unreviewed' : 'outdated (stale)'} \`${lng}\` translation of segment \`${unit.key}\`, expected a reviewed translation (\`--only-reviewed\`: the article is left out)`,
      {place: places.get(first) ?? {line: 1, column: 1}, ruleId: `${unit.state}-translation`, source: 'briefs'}
    )
  }
}

