import path from 'node:path'
import {corpusLayout, readCorpusConfig} from '@briefs/corpus/files'
// The build alone, not every renderer of the package: they are loaded when something is to render.
import {buildBriefs, buildIndex} from '@briefs/publisher/build'
import {plural} from '../../plural.js'
import {languagesOption, maxArticleKbOption, noPositionals, parse} from '../../args.js'
import {findCorpus, userPath, type Context} from '../../context.js'
import {InputError, UsageError} from '../../errors.js'
import {report} from '../../report.js'
import {VFile} from 'vfile'

export const usage = `Usage: briefs build [--lang <lng>...] [--out <dir>] [--only-reviewed] [--check] [--workers <n>] [--no-cache] [--verbose] [--shard <k>/<n> | --index-only <n>] [--corpus <dir>]

Build the side-by-side briefs: for every article, the French beside each
translation (<out>/<article-id>/fr-<lng>.md and .html) and beside all of
them (fr-en-ru), then the indexes (index.md, index.html, index.<lng>.html)
and Atom feeds (feed.<lng>.xml). Reviewed translations are published as
they are; missing, draft (never approved) and stale (changed since approval)
ones carry a visible marker in the briefs and are counted here.

Unchanged articles are taken from the build cache; articles are rendered
on one worker thread per core. Everything is written into a copy of --out
beside it, swapped in when the build succeeds: a failed or interrupted
build leaves the site as it was. One build at a time per --out (a lock).

  --lang <lng>        only this target language (repeatable; default: the corpus's, in briefs.config.json)
  --out <dir>         where the briefs land (default: site/ beside the corpus)
  --only-reviewed     publish only the articles wholly translated and reviewed; list the others, left out
  --max-article-kb <n>  refuse articles larger than n KiB (default: maxArticleKb of corpus/briefs.config.json, else 512)
  --no-wait           refuse at once when another build is writing the same --out (default: wait up to 10 minutes)
  --check             first run the translation checks (as \`briefs check\`): an error stops the build
  --workers <n>       worker threads (default: one per core; 1 renders on the main thread)
  --no-cache          rebuild every article (the cache is node_modules/.cache/briefs beside the corpus)
  --verbose           list every segment shown as missing (default: how many, in how many articles)
  --shard <k>/<n>     build only the k-th of n slices of the corpus, for CI runners side by side;
                      the indexes are written by one \`--index-only <n>\` run once all n are built
  --index-only <n>    write the indexes and feeds from the n shards built into --out
  --corpus <dir>      corpus folder (default: the nearest ./corpus)`

export async function build(argv: string[], context: Context): Promise<number> {
  const {values, positionals} = parse(
    argv,
    {
      lang: {type: 'string', multiple: true},
      out: {type: 'string'},
      'only-reviewed': {type: 'boolean'},
      check: {type: 'boolean'},
      workers: {type: 'string'},
      'no-cache': {type: 'boolean'},
      shard: {type: 'string'},
      'index-only': {type: 'string'},
      'max-article-kb': {type: 'string'},
      'no-wait': {type: 'boolean'},
      verbose: {type: 'boolean'},
      corpus: {type: 'string'}
    },
    usage
  )
  noPositionals(positionals, usage)
  const workers = values.workers === undefined ? undefined : positiveInteger(values.workers, '--workers')
  const shard = values.shard === undefined ? undefined : parseShard(values.shard)
  const maxArticleKb = maxArticleKbOption(values['max-article-kb'])
  const corpus = findCorpus(context, values.corpus)
  const languages = languagesOption(values.lang, await readCorpusConfig(corpusLayout(corpus)))
  const out = values.out ? userPath(context, values.out) : path.join(path.dirname(corpus), 'site')
  const shown = path.relative(context.cwd, out) || '.'
  const lock = {
    wait: values['no-wait'] ? 0 : undefined,
    onWait: () => context.stderr.write(`briefs: another build is writing ${shown}/; waiting for it to finish (a build killed without cleaning up is taken over after 10 s)\n`)
  }

  if (values['index-only'] !== undefined) {
    if (shard) throw new UsageError('`--index-only` writes the indexes of every shard: give it no `--shard`')
    const shards = positiveInteger(values['index-only'], '--index-only')
    const index = await buildIndex({out, languages, shards, lock})
    if (index.failed) throw new InputError(`Index not written: ${shown}/ was left as it was`, index.files)
    context.stdout.write(`Indexed ${index.articles} articles from ${shards} shards in ${path.relative(context.cwd, out) || '.'}/\n`)
    return 0
  }

  if (values.check) {
    const {checkCorpus} = await import('@briefs/qa')
    const checked = await checkCorpus({corpus, languages})
    report(context, checked.files)
    if (checked.errors > 0) throw new InputError(`Build stopped: the translation checks found ${checked.errors} errors`, [])
  }

  const cacheDir = values['no-cache'] ? undefined : path.join(path.dirname(corpus), 'node_modules', '.cache', 'briefs', shard ? `shard-${shard.index}-of-${shard.count}` : 'site')
  const result = await buildBriefs({corpus, out, languages, onlyReviewed: values['only-reviewed'] === true, cacheDir, workers, shard, maxArticleKb, lock})
  // Segments shown as missing are counted, not listed one by one on every build: `status --verbose` (or `--verbose`) lists them.
  const missing = values.verbose ? {files: result.files, segments: 0, articles: 0} : withoutShownMissing(result.files)
  report(context, missing.files)
  if (result.failed) throw new InputError(`Build failed: fix the errors above; ${shown}/ was left as it was`, [])
  if (missing.segments > 0) {
    context.stderr.write(`briefs: ${plural(missing.segments, 'segment')} in ${plural(missing.articles, 'article')} shown as missing in the briefs: \`pnpm briefs status --verbose\` lists them (or \`build --verbose\`)\n`)
  }
  const where = shown
  if (result.withheld.length > 0) {
    context.stderr.write(`briefs: left out ${result.withheld.length} articles not wholly translated and reviewed (--only-reviewed):\n${result.withheld.map((id) => `  ${id}\n`).join('')}`)
  }
  const flagged = [
    result.missing > 0 ? `${result.missing} missing` : '',
    result.draft > 0 ? `${result.draft} not reviewed` : '',
    result.stale > 0 ? `${result.stale} outdated since review` : ''
  ].filter(Boolean)
  context.stdout.write(
    `Built ${result.briefs} briefs (${result.articles} articles × ${languages.join(', ')}) in ${where}/: Markdown, HTML and ${shard ? `shard ${shard.index} of ${shard.count}` : 'index'}; ` +
      (flagged.length > 0 ? `marked as such: ${flagged.join(', ')} segment translations\n` : 'every segment translated and reviewed\n')
  )
  return 0
}

/** The build's messages without the warnings of segments shown as missing (and their per-article summaries), and how many there were. */
function withoutShownMissing(files: readonly VFile[]): {files: VFile[]; segments: number; articles: number} {
  let segments = 0
  let articles = 0
  const kept = files.map((file) => {
    const listed = file.messages.filter((message) => message.ruleId !== 'shown-missing' || message.fatal === true)
    if (listed.length === file.messages.length) return file
    const warnings = file.messages.filter((message) => message.ruleId === 'shown-missing' && message.fatal === false).length
    segments += warnings
    if (warnings > 0) articles++
    const copy = new VFile({path: file.path})
    copy.messages = listed
    return copy
  })
  return {files: kept, segments, articles}
}

function positiveInteger(value: string, option: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`Unexpected ${option} ${JSON.stringify(value)}, expected a whole number from 1`)
  return number
}

function parseShard(value: string): {index: number; count: number} {
  const match = /^(\d+)\/(\d+)$/.exec(value)
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || index < 1 || count < 1 || index > count) throw new UsageError(`Unexpected --shard ${JSON.stringify(value)}, expected <k>/<n> with 1 ≤ k ≤ n, such as 1/4`)
  return {index, count}
}
