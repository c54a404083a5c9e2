import fs from 'node:fs/promises'
import {writeFileAtomic} from '@briefs/corpus'
import {GitError, reviewReport} from '@briefs/review'
import {noPositionals, parse} from '../../args.js'
import {findCorpus, userPath, type Context} from '../../context.js'
import {InputError, UsageError} from '../../errors.js'
import {report} from '../../report.js'

export const usage = `Usage: briefs review-report --base <git-rev> [--head <git-rev>] [--out <file>] [--corpus <dir>]

Markdown for a pull-request comment: reviewed coverage per article and
language (base → head), then one row per segment whose French, translation
or review changed, with the changed words marked. Unchanged segments are
counted, not listed. Written to --out (default: stdout), and appended to
$GITHUB_STEP_SUMMARY when it is set.`

export async function reviewReportCommand(argv: string[], context: Context): Promise<number> {
  const {values, positionals} = parse(argv, {base: {type: 'string'}, head: {type: 'string'}, out: {type: 'string'}, corpus: {type: 'string'}}, usage)
  noPositionals(positionals, usage)
  if (!values.base) throw new UsageError(`Missing --base\n\n${usage}`)
  let result
  try {
    result = await reviewReport({corpus: findCorpus(context, values.corpus), base: values.base, head: values.head})
  } catch (error) {
    if (error instanceof GitError) throw new InputError(error.message, [])
    throw error
  }
  report(context, result.files)
  if (values.out) await writeFileAtomic(userPath(context, values.out), result.markdown)
  else context.stdout.write(result.markdown)
  const summary = process.env.GITHUB_STEP_SUMMARY
  if (summary) await fs.appendFile(summary, `${result.markdown}\n`)
  if (values.out) context.stdout.write(`${values.out}: ${result.changed} changed segments, ${result.unchanged} unchanged\n`)
  return 0
}
