import {corpusLayout, deserializeError, deserializeFiles, listArticleIds, readCorpusConfig, resolveArticleIds, type ErrorData, type FileMessages} from '@briefs/corpus/files'
import {builtModule, runIncremental} from '@briefs/incremental'
import type {VFile} from 'vfile'
import {maxArticleKbOption, parse} from '../../args.js'
import {findCorpus, type Context} from '../../context.js'
import {InputError} from '../../errors.js'
import {cacheFile, resultsVersion} from '../../incremental.js'
import {report} from '../../report.js'

export const usage = `Usage: briefs sync [<article-id>...] [--check] [--max-article-kb <n>] [--corpus <dir>]

After editing French articles, record their segment IDs: match every
sentence against the committed segment map (unchanged text keeps its ID,
an edited sentence keeps the ID of the sentence it was) and write
corpus/segments/<id>.json. Commit it with the edit.

A translation unit over several sentences keeps its translation when one of
them is edited (it becomes stale). When one of its sentences is deleted,
the unit stays on the others; when a sentence is inserted or split off
inside it, the unit covers the new one too: either way its translation
says something else than the French, and sync lists it to be fixed.

  --check          change nothing; exit 1 if a segment map is out of date (for CI)
  --max-article-kb <n>  refuse articles larger than n KiB (default: corpus/briefs.config.json, else 512)
  --corpus <dir>   corpus folder (default: the nearest ./corpus)`

/** What `compute` is given. */
export interface SyncSettings {
  corpus: string
  maxArticleKb: number
}

/** Whether an article's segment map is out of date, with its file's messages; or why it could not be read. */
export type SyncRecord = {outdated: boolean; files: FileMessages[]; error?: undefined} | {error: ErrorData; outdated?: undefined}

const computeModule = builtModule('./compute.js', import.meta.url)

export async function sync(argv: string[], context: Context): Promise<number> {
  const {values, positionals} = parse(argv, {check: {type: 'boolean'}, 'max-article-kb': {type: 'string'}, corpus: {type: 'string'}}, usage)
  const layout = corpusLayout(findCorpus(context, values.corpus), {maxArticleKb: maxArticleKbOption(values['max-article-kb'])})
  const config = await readCorpusConfig(layout)
  const ids = await resolveArticleIds(layout, positionals)
  // Whether each map is out of date, kept between runs: an article whose files keep their size and time is not read again.
  const settings: SyncSettings = {corpus: layout.root, maxArticleKb: layout.maxArticleKb ?? config.maxArticleKb}
  const records = new Map<string, SyncRecord>()
  const run = await runIncremental<SyncRecord>({
    ids,
    others: positionals.length > 0 ? new Set(await listArticleIds(layout)) : undefined,
    inputs: (id) => [layout.articleFile(id), layout.segmentMapFile(id)],
    version: resultsVersion(computeModule, settings),
    cacheFile: cacheFile(layout.root, 'sync'),
    module: computeModule,
    data: settings,
    keep: (record) => record.error === undefined,
    onResult: (id, record) => records.set(id, record)
  })
  run.close()
  const outdated: VFile[] = []
  for (const id of ids) {
    const record = records.get(id)!
    if (record.error) throw deserializeError(record.error, layout.root)
    // What the briefs will not show as written (inline HTML) is said when the article is recorded, not first at build.
    const warnings = deserializeFiles(record.files, layout.root)
    for (const file of warnings) file.messages = file.messages.filter((message) => message.ruleId !== 'segment-map')
    report(context, warnings)
    if (!record.outdated) continue
    const {syncArticle} = await import('./outdated.js')
    outdated.push(await syncArticle(layout, id, config.languages, values.check === true, context))
  }
  if (outdated.length === 0) context.stdout.write(`All ${ids.length} segment maps are up to date\n`)
  if (values.check && outdated.length > 0) {
    report(context, outdated)
    throw new InputError(`${outdated.length} segment maps out of date: run \`pnpm briefs sync\``, [])
  }
  return 0
}
