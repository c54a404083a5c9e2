import {corpusLayout, loadArticle, resolveArticleIds, targetLanguages, type TargetLanguage} from '@briefs/corpus'
import {formatWordDiff, reviewArticle, reviewedShare, wordDiff, type StateCounts} from '@briefs/review'
import type {VFile} from 'vfile'
import {languagesOption, noPositionals, parse} from '../../args.js'
import {findCorpus, type Context} from '../../context.js'
import {InputError, UsageError} from '../../errors.js'
import {report} from '../../report.js'

export const usage = `Usage: briefs status [--json] [--verbose] [--article <id>...] [--lang <lng>...] [--corpus <dir>]

Review state of every article and language: how many segments are
missing (no translation), draft (never approved), reviewed, or stale (the
French or the translation changed since approval), and the share reviewed.

  --verbose        list every segment that is not reviewed; for stale ones,
                   the word-level diff of the French since approval
  --json           the same as JSON
  --article <id>   only these articles
  --lang <lng>     only these languages (${targetLanguages.join(', ')})`

interface StatusRow {
  article: string
  lang: TargetLanguage
  counts: StateCounts
  total: number
  reviewed_share: number
  segments?: Array<{id: string; state: string; stale?: string; text: string; approved_text?: string; diff?: string}>
}

export async function status(argv: string[], context: Context): Promise<number> {
  const {values, positionals} = parse(
    argv,
    {json: {type: 'boolean'}, verbose: {type: 'boolean'}, article: {type: 'string', multiple: true}, lang: {type: 'string', multiple: true}, corpus: {type: 'string'}},
    usage
  )
  noPositionals(positionals, usage)
  const languages = languagesOption(values.lang)
  const layout = corpusLayout(findCorpus(context, values.corpus))
  const ids = await resolveArticleIds(layout, values.article)

  const rows: StatusRow[] = []
  const files: VFile[] = []
  for (const id of ids) {
    const article = await loadArticle(layout, id)
    files.push(article.file)
    for (const lng of languages) {
      const review = await reviewArticle(layout, article, lng)
      if (review.ledger.file) files.push(review.ledger.file)
      const row: StatusRow = {article: id, lang: lng, counts: review.counts, total: review.reviews.length, reviewed_share: round(reviewedShare(review.counts))}
      if (values.verbose) {
        row.segments = review.reviews
          .filter((entry) => entry.state !== 'reviewed')
          .map((entry) => ({
            id: entry.segment.id,
            state: entry.state,
            ...(entry.staleReason ? {stale: entry.staleReason} : {}),
            text: entry.segment.text,
            ...(entry.state === 'stale' && entry.approval && entry.approval.text !== entry.segment.text
              ? {approved_text: entry.approval.text, diff: formatWordDiff(wordDiff(entry.approval.text, entry.segment.text))}
              : {})
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
        `${row.article.padEnd(width)}  ${row.lang.padEnd(4)}  ${`${row.counts.reviewed}/${row.total}`.padEnd(8)}  ${String(row.counts.draft).padEnd(5)}  ${String(row.counts.stale).padEnd(5)}  ${String(row.counts.missing).padEnd(7)}  ${Math.floor(row.reviewed_share * 100)}%\n`
      )
      for (const segment of row.segments ?? []) {
        const state = segment.stale ? `stale (${segment.stale === 'source' ? 'French changed' : segment.stale === 'target' ? 'translation changed' : 'French and translation changed'})` : segment.state
        context.stdout.write(`  ${segment.id}  ${state}: ${segment.diff ?? segment.text}\n`)
      }
    }
  }
  const errors = files.flatMap((file) => file.messages).filter((message) => message.fatal === true)
  if (errors.length > 0) throw new InputError(`${errors.length} problems in review ledgers: those approvals are not counted`, [])
  return 0
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000
}
