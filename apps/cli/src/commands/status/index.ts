import {corpusLayout, deserializeError, deserializeFiles, listArticleIds, readCorpusConfig, resolveArticleIds, type FileMessages, type ErrorData, type TargetLanguage} from '@briefs/corpus/files'
import type {StateCounts} from '@briefs/bitext'
import {builtModule, runIncremental} from '@briefs/incremental'
import type {VFile} from 'vfile'
import {languagesOption, noPositionals, parse} from '../../args.js'
import {findCorpus, type Context} from '../../context.js'
import {InputError} from '../../errors.js'
import {cacheFile, resultsVersion} from '../../incremental.js'
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

/** An article in one language, as `briefs status` shows it (`segments`: every unit not reviewed, or approved over the checks' errors, for `--verbose`). */
export interface StatusRow {
  article: string
  lang: TargetLanguage
  counts: StateCounts
  total: number
  reviewed_share: number
  /** Segments approved over the checks' errors (`review approve --override`). */
  overridden: number
  segments?: Array<{id: string; segments?: string[]; state: string; stale?: string; origin?: string; override?: string; text: string; approved_text?: string; diff?: string}>
}

/** What `compute` is given. */
export interface StatusSettings {
  corpus: string
  languages: TargetLanguage[]
  maxArticleKb: number
}

/**
 * An article's status in every language of the corpus with the messages of
 * the files read (ledger, origins), or why a language's files could not be
 * read; or why the article could not be.
 */
export type StatusRecord =
  | {rows: Array<{row: StatusRow; files: FileMessages[]; error?: undefined} | {error: ErrorData; row?: undefined}>; files: FileMessages[]; error?: undefined}
  | {error: ErrorData; rows?: undefined}

const computeModule = builtModule('./compute.js', import.meta.url)

export async function status(argv: string[], context: Context): Promise<number> {
  const {values, positionals} = parse(
    argv,
    {json: {type: 'boolean'}, verbose: {type: 'boolean'}, article: {type: 'string', multiple: true}, lang: {type: 'string', multiple: true}, corpus: {type: 'string'}},
    usage
  )
  noPositionals(positionals, usage)
  const layout = corpusLayout(findCorpus(context, values.corpus))
  const config = await readCorpusConfig(layout)
  const languages = languagesOption(values.lang, config)
  const ids = await resolveArticleIds(layout, values.article)

  // Each article computed once (in every language of the corpus) and kept between runs: while its files keep their size and time, it is not read again.
  const settings: StatusSettings = {corpus: layout.root, languages: [...config.languages], maxArticleKb: config.maxArticleKb}
  const records = new Map<string, StatusRecord>()
  const run = await runIncremental<StatusRecord>({
    ids,
    // Asked about some articles: the others' kept results stay.
    others: values.article ? new Set(await listArticleIds(layout)) : undefined,
    inputs: (id) => [layout.articleFile(id), layout.segmentMapFile(id), ...settings.languages.flatMap((lng) => [layout.resourceFile(lng, id), layout.reviewFile(lng, id), layout.originsFile(lng, id)])],
    version: resultsVersion(computeModule, settings),
    cacheFile: cacheFile(layout.root, 'status'),
    module: computeModule,
    data: settings,
    // A file that could not be read is read again next time.
    keep: (record) => record.error === undefined && record.rows.every((row) => row.error === undefined),
    onResult: (id, record) => records.set(id, record)
  })
  run.close()

  const rows: StatusRow[] = []
  const files: VFile[] = []
  for (const id of ids) {
    const record = records.get(id)!
    if (record.error) throw deserializeError(record.error, layout.root)
    files.push(...deserializeFiles(record.files, layout.root))
    for (const lng of languages) {
      const language = record.rows[settings.languages.indexOf(lng)]!
      if (language.error) throw deserializeError(language.error, layout.root)
      files.push(...deserializeFiles(language.files, layout.root))
      const {segments, ...row} = language.row
      rows.push(values.verbose ? {...row, segments} : row)
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

