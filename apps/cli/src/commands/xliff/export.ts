import path from 'node:path'
import {writeFileAtomic} from '@briefs/corpus'
import {toXliff, type ExchangeState, type XliffVersion} from '@briefs/exchange'
import {noPositionals, parse} from '../../args.js'
import {exportSubject} from '../../bitexts.js'
import {plural} from '../../plural.js'
import type {Context} from '../../context.js'
import {UsageError} from '../../errors.js'

export const exportUsage = `Usage: briefs xliff export --lang <lng> --out <file> [--article <id>...] [--xliff 1.2|2.0] [--copy-source] [--corpus <dir>]

Write the translations of one language as one XLIFF document for a CAT tool
(memoQ, Trados, Phrase, OmegaT, translate-toolkit): one <file> per article,
one unit per translation unit with its review state, the French as source,
the translation as target, inline Markdown as codes, notes for context,
approval and what changed in stale units.

  --lang <lng>      the target language (one of the corpus's)
  --out <file>      where to write it (replaced whole)
  --article <id>    only these articles (default: all)
  --xliff 1.2|2.0   the XLIFF version (default 1.2, which every tool tested reads)
  --copy-source     give untranslated units a copy of the French as target
                    (OmegaT's own XLIFF filter translates the text of <target>)`

const versions: readonly XliffVersion[] = ['1.2', '2.0']

export async function xliffExport(argv: string[], context: Context): Promise<number> {
  const {values, positionals} = parse(
    argv,
    {lang: {type: 'string'}, out: {type: 'string'}, article: {type: 'string', multiple: true}, xliff: {type: 'string'}, 'copy-source': {type: 'boolean'}, corpus: {type: 'string'}},
    exportUsage
  )
  noPositionals(positionals, exportUsage)
  const version = (values.xliff ?? '1.2') as XliffVersion
  if (!versions.includes(version)) throw new UsageError(`Unexpected --xliff ${JSON.stringify(values.xliff)}, expected \`1.2\` or \`2.0\``)
  const {lng, exchange, out} = await exportSubject(values, exportUsage, context)
  await writeFileAtomic(out, toXliff(exchange, {version, missingTargets: values['copy-source'] ? 'source' : 'empty'}))

  const units = exchange.flatMap((article) => article.units)
  const states: ExchangeState[] = ['missing', 'draft', 'stale', 'reviewed']
  const counts = states.map((state) => `${units.filter((unit) => unit.state === state).length} ${state}`).join(', ')
  context.stdout.write(`${path.relative(context.cwd, out)}: XLIFF ${version}, fr → ${lng}, ${plural(exchange.length, 'article')}, ${plural(units.length, 'unit')} (${counts})\n`)
  return 0
}
