import {corpusLayout, dateProblem, languageProblem, loadArticle, readResource, resolveArticleIds, type TargetLanguage} from '@briefs/corpus'
import {approveSegments, readLedger, writeLedger} from '@briefs/review'
import path from 'node:path'
import {noPositionals, parse} from '../../args.js'
import {findCorpus, type Context} from '../../context.js'
import {HelpRequested, InputError, UsageError} from '../../errors.js'
import {report} from '../../report.js'

export const usage = `Usage: briefs review approve --article <id> --lang <lng> --reviewer <name> [--segment <id>...] [--date YYYY-MM-DD] [--corpus <dir>]

Record in corpus/reviews/<lng>/<id>.json that <name> approved the current
French and translation of the segments given (all of the article's when
none). Refuses, changing nothing, when one has no translation. Entries not
asked for are left as they are. Commit the ledger with the translation.`

export async function review(argv: string[], context: Context): Promise<number> {
  const [action, ...rest] = argv
  if (action === '--help' || action === '-h') throw new HelpRequested(usage)
  if (action !== 'approve') throw new UsageError(`Unexpected \`review ${action ?? ''}\`, expected \`review approve\`\n\n${usage}`)
  const {values, positionals} = parse(
    rest,
    {
      article: {type: 'string'},
      lang: {type: 'string'},
      reviewer: {type: 'string'},
      segment: {type: 'string', multiple: true},
      date: {type: 'string'},
      corpus: {type: 'string'}
    },
    usage
  )
  noPositionals(positionals, usage)
  if (!values.article || !values.lang || !values.reviewer?.trim()) throw new UsageError(`Missing --article, --lang or --reviewer\n\n${usage}`)
  const problem = languageProblem(values.lang)
  if (problem) throw new UsageError(problem)
  const date = values.date ?? new Date().toISOString().slice(0, 10)
  const dateIssue = /^\d{4}-\d\d-\d\d$/.test(date) ? dateProblem(date) : `Unexpected date ${JSON.stringify(date)}, expected YYYY-MM-DD`
  if (dateIssue) throw new UsageError(dateIssue)
  const lng = values.lang as TargetLanguage

  const layout = corpusLayout(findCorpus(context, values.corpus))
  const [id] = await resolveArticleIds(layout, [values.article])
  const article = await loadArticle(layout, id!)
  const resource = await readResource(layout, lng, article.id)
  const ledgerPath = layout.reviewFile(lng, article.id)
  const ledger = await readLedger(ledgerPath, new Set(article.segments.map((segment) => segment.id)))
  if (ledger.file) report(context, [ledger.file])

  const current = new Map([...ledger.entries].map(([id, {entry}]) => [id, entry]))
  const result = approveSegments(article.segments, (id) => resource?.entries.get(id)?.value, current, {segmentIds: values.segment, reviewer: values.reviewer.trim(), date})
  if (!result.ok) {
    const lines = [
      ...result.unknown.map((id) => `Unexpected segment \`${id}\`, expected a segment of \`${article.id}\` (see \`pnpm briefs segments\`)`),
      ...result.missing.map((id) => `Unexpected approval of \`${id}\`, which has no \`${lng}\` translation, expected a translated segment`)
    ]
    throw new InputError(`Nothing approved:\n  ${lines.join('\n  ')}`, [])
  }
  await writeLedger(ledgerPath, result.entries, article.segments.map((segment) => segment.id), ledger.others)
  context.stdout.write(
    `${path.relative(context.cwd, ledgerPath)}: approved ${result.approved.length} segments as ${values.reviewer.trim()}` +
      (result.unchanged.length > 0 ? ` (${result.unchanged.length} already approved as they are)` : '') +
      '\n'
  )
  return 0
}
