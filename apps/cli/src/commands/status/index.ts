import {describeOrigin, loadBitext, reviewedShare, type StateCounts} from '@briefs/bitext'
import {corpusLayout, loadArticle, readCorpusConfig, resolveArticleIds, Translations, type TargetLanguage} from '@briefs/corpus'
import {formatWordDiff, wordDiff} from '@briefs/review'
import type {VFile} from 'vfile'
import {languagesOption, noPositionals, parse} from '../../args.js'
import {findCorpus, type Context} from '../../context.js'
import {InputError} from '../../errors.js'
import {report} from '../../report.js'

export const usage = `Usage: briefs status [--json] [--verbose] [--article <id>...] [--lang <lng>...] [--corpus <dir>]

Review state of every article and language: how many segments are
missing (no translation), draft (never approved), reviewed, or stale (the
French or the translation changed since approval), and the share reviewed.
A translation unit over several sentences counts each of them.

  --verbose        list every translation unit that is not reviewed; for
                   stale ones, the word-level diff of the French since approval;
                   for drafts a tool wrote, where they came from (TM 87 %…)
  --json           the same as JSON
  --article <id>   only these articles
  --lang <lng>     only these languages (default: the corpus's)`

interface StatusRow {
  article: string
  lang: TargetLanguage
  counts: StateCounts
  total: number
  reviewed_share: number
  /** Segments approved over the checks' errors (`review approve --override`). */
  overridden: number
  segments?: Array<{id: string; segments?: string[]; state: string; stale?: string; origin?: string; override?: string; text: string; approved_text?: string; diff?: string}>
}

export async function status(argv: string[], context: Context): Promise<number> {
  const {values, positionals} = parse(
    argv,
    {json: {type: 'boolean'}, verbose: {type: 'boolean'}, article: {type: 'string', multiple: true}, lang: {type: 'string', multiple: true}, corpus: {type: 'string'}},
    usage
  )
  noPositionals(positionals, usage)
  const layout = corpusLayout(findCorpus(context, values.corpus))
  const languages = languagesOption(values.lang, await readCorpusConfig(layout))
  const ids = await resolveArticleIds(layout, values.article)

  const rows: StatusRow[] = []
  const files: VFile[] = []
  const translations = new Translations()
  for (const id of ids) {
    const article = await loadArticle(layout, id)
    files.push(article.file)
    for (const lng of languages) {
      const bitext = await loadBitext(layout, article, lng, {translations})
      if (bitext.ledger.file) files.push(bitext.ledger.file)
      if (bitext.origins.file) files.push(bitext.origins.file)
      const overridden = bitext.units.filter((unit) => unit.state === 'reviewed' && unit.approval?.override !== undefined)
      const row: StatusRow = {
        article: id,
        lang: lng,
        counts: bitext.counts,
        total: bitext.segments.length,
        reviewed_share: round(reviewedShare(bitext.counts)),
        overridden: overridden.reduce((sum, unit) => sum + unit.segments.length, 0)
      }
      if (values.verbose) {
        row.segments = bitext.units
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
      rows.push(row)
    }
  }

  report(context, files)
  if (values.json) {
    context.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
  } else {
    const width = Math.max(7, ...rows.map((row) => row.article.length))
    context.stdout.write(`${'article'.padEnd(width)}  lang  reviewed  draft  stale  missing  share\n`)
    for (const row of rows) {
      context.stdout.write(
        `${row.article.padEnd(width)}  ${row.lang.padEnd(4)}  ${`${row.counts.reviewed}/${row.total}`.padEnd(8)}  ${String(row.counts.draft).padEnd(5)}  ${String(row.counts.stale).padEnd(5)}  ${String(row.counts.missing).padEnd(7)}  ${Math.floor(row.reviewed_share * 100)}%${row.overridden > 0 ? ` (${row.overridden} approved over the checks' errors)` : ''}\n`
      )
      for (const segment of row.segments ?? []) {
        const state = (segment.stale ? `stale (${segment.stale === 'source' ? 'French changed' : segment.stale === 'target' ? 'translation changed' : 'French and translation changed'})` : segment.state) + (segment.origin ? `, ${segment.origin}` : '') + (segment.override ? `, over the checks' errors: ${segment.override}` : '')
        context.stdout.write(`  ${segment.id}  ${state}: ${segment.diff ?? segment.text}\n`)
      }
    }
  }
  const errors = files.flatMap((file) => file.messages).filter((message) => message.fatal === true)
  if (errors.length > 0) throw new InputError(`${errors.length} problems in review ledgers or origins: those entries are not counted`, [])
  return 0
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000
}
