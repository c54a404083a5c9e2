import {loadBitext, writeLedger} from '@briefs/bitext'
import {corpusLayout, dateProblem, languageProblem, loadArticle, readCorpusConfig, resolveArticleIds, type TargetLanguage} from '@briefs/corpus'
import {checkCorpus} from '@briefs/qa'
import {approveUnits} from '@briefs/review'
import path from 'node:path'
import {noPositionals, parse} from '../../args.js'
import {findCorpus, type Context} from '../../context.js'
import {HelpRequested, InputError, UsageError} from '../../errors.js'
import {report} from '../../report.js'

export const usage = `Usage: briefs review approve --article <id> --lang <lng> --reviewer <name> [--segment <id>...] [--override <reason>] [--date YYYY-MM-DD] [--corpus <dir>]

Record in corpus/reviews/<lng>/<id>.json that <name> approved the current
French and translation of the segments given (all of the article's when
none). A segment approves its translation unit as a whole (a unit over two
sentences covers both); --segment also takes a unit key (s-1a2b3c+s-4d5e6f).
Refuses, changing nothing, when one has no translation, or when the checks
(\`briefs check\`) report an error in it: fix it, or approve it anyway with
--override "<reason>", which the ledger keeps beside the approval and
\`briefs status\` and the review report show. Entries not asked for are left
as they are. Commit the ledger with the translation.`

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
      override: {type: 'string'},
      corpus: {type: 'string'}
    },
    usage
  )
  if (values.override !== undefined && values.override.trim() === '') throw new UsageError('Unexpected empty --override, expected the reason the errors are accepted')
  noPositionals(positionals, usage)
  if (!values.article || !values.lang || !values.reviewer?.trim()) throw new UsageError(`Missing --article, --lang or --reviewer\n\n${usage}`)
  const layout = corpusLayout(findCorpus(context, values.corpus))
  const problem = languageProblem(await readCorpusConfig(layout), values.lang)
  if (problem) throw new UsageError(problem)
  const date = values.date ?? new Date().toISOString().slice(0, 10)
  const dateIssue = /^\d{4}-\d\d-\d\d$/.test(date) ? dateProblem(date) : `Unexpected date ${JSON.stringify(date)}, expected YYYY-MM-DD`
  if (dateIssue) throw new UsageError(dateIssue)
  const lng = values.lang as TargetLanguage

  const [id] = await resolveArticleIds(layout, [values.article])
  const article = await loadArticle(layout, id!)
  const bitext = await loadBitext(layout, article, lng)
  const {ledger} = bitext
  const ledgerPath = layout.reviewFile(lng, article.id)
  if (ledger.file) report(context, [ledger.file])

  // Counted in segments, as `status` counts: a unit over two sentences approves two.
  const sizes = new Map(bitext.units.map((unit) => [unit.key, unit.segments.length]))
  const segmentsOf = (keys: readonly string[]) => keys.reduce((sum, key) => sum + sizes.get(key)!, 0)
  const current = new Map([...ledger.entries].map(([id, {entry}]) => [id, entry]))
  const errors = await unitErrors(layout.root, article.id, lng)
  // What is asked for and translated: an untranslated unit is refused as such below.
  const asked = new Set(
    bitext.units
      .filter((unit) => unit.state !== 'missing' && (values.segment === undefined || values.segment.some((name) => name === unit.key || unit.segments.some((segment) => segment.id === name))))
      .map((unit) => unit.key)
  )
  const blocked = [...errors].filter(([key]) => asked.has(key))
  if (blocked.length > 0 && values.override === undefined) {
    const lines = blocked.flatMap(([key, messages]) => messages.map((message) => `\`${key}\`: ${message}`))
    throw new InputError(`Nothing approved: the checks report ${lines.length === 1 ? 'an error' : 'errors'} in what you approve; fix ${blocked.length === 1 ? 'it' : 'them'}, or approve anyway with --override "<reason>":\n  ${lines.join('\n  ')}`, [])
  }
  const overrides = new Map(blocked.map(([key]) => [key, values.override!.trim()]))
  const result = approveUnits(bitext.units, current, {segmentIds: values.segment, reviewer: values.reviewer.trim(), date, overrides})
  if (!result.ok) {
    const lines = [
      ...result.unknown.map((id) => `Unexpected segment \`${id}\`, expected a segment of \`${article.id}\` (see \`pnpm briefs segments\`)`),
      ...result.missing.map((id) => `Unexpected approval of \`${id}\`, which has no \`${lng}\` translation, expected a translated segment`)
    ]
    throw new InputError(`Nothing approved:\n  ${lines.join('\n  ')}`, [])
  }
  await writeLedger(ledgerPath, result.entries, bitext.units.map((unit) => unit.key), ledger.others)
  context.stdout.write(
    `${path.relative(context.cwd, ledgerPath)}: approved ${segmentsOf(result.approved)} segments as ${values.reviewer.trim()}` +
      (result.unchanged.length > 0 ? ` (${segmentsOf(result.unchanged)} already approved as they are)` : '') +
      (overrides.size > 0 ? `; ${segmentsOf([...overrides.keys()])} over the checks' errors: ${values.override!.trim()}` : '') +
      '\n'
  )
  return 0
}

/** The errors the checks find in each translation unit of an article (its own rules: no corpus-wide comparison). */
async function unitErrors(corpus: string, article: string, lng: TargetLanguage): Promise<Map<string, string[]>> {
  const result = await checkCorpus({corpus, articles: [article], languages: [lng], corpusWide: false})
  const errors = new Map<string, string[]>()
  for (const file of result.files) {
    for (const message of file.messages) {
      if (message.fatal !== true || !message.data?.segments.length) continue
      errors.set(message.data.segment, [...(errors.get(message.data.segment) ?? []), `${message.ruleId}: ${message.reason.replace(/ \(French: [^)]*\)$/, '')}`])
    }
  }
  return errors
}
