import path from 'node:path'
import {writeFileAtomic} from '@briefs/corpus'
import {toTmx} from '@briefs/exchange'
import {noPositionals, parse} from '../../args.js'
import {exportSubject} from '../../bitexts.js'
import {plural} from '../../plural.js'
import type {Context} from '../../context.js'
import {HelpRequested, UsageError} from '../../errors.js'

export const usage = `Usage: briefs tm export --lang <lng> --out <file> [--article <id>...] [--corpus <dir>]

Write the reviewed translation units of the corpus as a TMX 1.4b
translation memory, for a CAT tool (OmegaT's tm/, memoQ, Trados): French
and translation, dated by the approval, with the reviewer, the article, the
unit key and the neighbouring French as <prop>s. Drafts, stale and missing
translations are left out.

  --lang <lng>     the target language (one of the corpus's)
  --out <file>     where to write it (replaced whole)
  --article <id>   only these articles (default: all)`

/** `briefs tm export`: the reviewed units as TMX. */
export async function tm(argv: string[], context: Context): Promise<number> {
  const [action, ...rest] = argv
  if (action === '--help' || action === '-h') throw new HelpRequested(usage)
  if (action !== 'export') throw new UsageError(`Unexpected \`tm ${action ?? ''}\`, expected \`tm export\`\n\n${usage}`)
  const {values, positionals} = parse(rest, {lang: {type: 'string'}, out: {type: 'string'}, article: {type: 'string', multiple: true}, corpus: {type: 'string'}}, usage)
  noPositionals(positionals, usage)
  const {lng, exchange, out} = await exportSubject(values, usage, context)
  await writeFileAtomic(out, toTmx(exchange))
  const units = exchange.flatMap((article) => article.units)
  const reviewed = units.filter((unit) => unit.state === 'reviewed' && unit.target !== undefined && unit.target.trim() !== '').length
  context.stdout.write(`${path.relative(context.cwd, out)}: TMX 1.4b, fr → ${lng}, ${plural(reviewed, 'reviewed unit')} of ${plural(exchange.length, 'article')} (${units.length - reviewed} not reviewed, left out)\n`)
  return 0
}
