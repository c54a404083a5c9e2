import path from 'node:path'
import {describeOrigin, type Draft, type UnitOrigin} from '@briefs/bitext'
import {corpusLayout, fileOfError, listArticleIds, readCorpusConfig, writeFilesAtomic} from '@briefs/corpus'
import {memoryFromArticles, memoryFromTmx, memoryQuery, readTmx, TranslationMemory, type MemoryEntry} from '@briefs/exchange'
import {VFileMessage} from 'vfile-message'
import {articlesOption, integerOption, languageOption, noPositionals, parse} from '../../args.js'
import {draftWrites, loadArticlesIn, today} from '../../bitexts.js'
import {plural} from '../../plural.js'
import {findCorpus, userPath, type Context} from '../../context.js'
import {InputError, UsageError} from '../../errors.js'
import {report} from '../../report.js'
import {readXmlFile} from '../../xml-file.js'

export const usage = `Usage: briefs pretranslate --article <id> --lang <lng> [--tmx <file>...] [--min <score>] [--dry-run] [--json] [--corpus <dir>]

Fill the untranslated units of an article from the translation memory: the
reviewed units of the corpus's other articles, and the TMX files given. The
best match of each unit without translation, when it scores at least --min,
is written into corpus/locales/<lng>/<id>.json as a draft (never over a
translation), its origin (score, where from) into
corpus/origins/<lng>/<id>.json, which \`briefs status --verbose\` shows.

Scores: 101 the same French in the same context, 100 the same French (or
the same but for numbers, substituted in the translation and flagged),
1 to 99 fuzzy (the share of words in common, as OmegaT counts it).

  --article <id>   the article to pretranslate
  --lang <lng>     the target language (one of the corpus's)
  --tmx <file>     a TMX memory as well (TMX 1.1 to 1.4; repeatable)
  --min <score>    the lowest score taken, 1 to 101 (default 75)
  --dry-run        say what would be written, write nothing
  --json           print {"matches": [{"segment", "score", "kind", "target", "from"}]}`

/** Where a match comes from, as `--json` prints it. */
type MatchSource = {article: string; segment: string} | {file: string; article?: string; segment?: string}

export async function pretranslate(argv: string[], context: Context): Promise<number> {
  const {values, positionals} = parse(
    argv,
    {
      article: {type: 'string'},
      lang: {type: 'string'},
      tmx: {type: 'string', multiple: true},
      min: {type: 'string'},
      'dry-run': {type: 'boolean'},
      json: {type: 'boolean'},
      corpus: {type: 'string'}
    },
    usage
  )
  noPositionals(positionals, usage)
  if (!values.article) throw new UsageError(`Missing --article <id>\n\n${usage}`)
  const layout = corpusLayout(findCorpus(context, values.corpus))
  const lng = languageOption(values.lang, await readCorpusConfig(layout), usage)
  const [id] = await articlesOption([values.article], layout)
  const minScore = integerOption('min', values.min, 75, {min: 1, max: 101})

  // The memory: the reviewed units of every other article, then the TMX files given.
  const {articles, files} = await loadArticlesIn(layout, await listArticleIds(layout), lng)
  const subject = articles.find((article) => article.exchange.id === id)!
  const sources = new Map<MemoryEntry, MatchSource>()
  for (const entry of memoryFromArticles(articles.filter((article) => article !== subject).map((article) => article.exchange))) sources.set(entry, {article: entry.article, segment: entry.key})
  for (const given of values.tmx ?? []) {
    const filePath = userPath(context, given)
    const file = await readXmlFile(filePath, 'a TMX file').catch((error: unknown) => {
      if (error instanceof VFileMessage) throw new InputError('Nothing pretranslated', [fileOfError(error, filePath)])
      throw error
    })
    let entries: MemoryEntry[]
    try {
      entries = memoryFromTmx(readTmx(file), lng)
    } catch (error) {
      if (error instanceof VFileMessage) throw new InputError(`Nothing pretranslated: ${path.relative(context.cwd, file.path)} cannot be read`, [file])
      throw error
    }
    const errors = file.messages.filter((message) => message.fatal === true)
    if (errors.length > 0) throw new InputError(`Nothing pretranslated: ${plural(errors.length, 'error')} in ${path.relative(context.cwd, file.path)}`, [file])
    report(context, [file])
    const name = path.basename(file.path)
    for (const entry of entries) sources.set(entry, {file: name, ...(entry.article ? {article: entry.article, segment: entry.key} : {})})
  }
  const memory = new TranslationMemory([...sources.keys()])

  const date = today()
  const missing = subject.exchange.units.filter((unit) => unit.state === 'missing')
  const found = subject.exchange.units.flatMap((unit, index) => {
    if (unit.state !== 'missing') return []
    const [best] = memory.match(memoryQuery(subject.exchange, index), {minScore, limit: 1})
    if (!best || best.score < minScore) return []
    const source = sources.get(best.entry)!
    const origin: Omit<UnitOrigin, 'target'> = {
      via: 'memory',
      date,
      score: best.score,
      from: 'file' in source ? source.file : `${source.article}#${source.segment}`,
      ...(best.kind === 'numbers-substituted' ? {note: 'numbers substituted'} : {})
    }
    return [{unit, match: best, source, draft: {key: unit.key, target: best.target, origin} satisfies Draft}]
  })

  const writes = draftWrites(layout, [{bitext: subject.bitext, drafts: found.map((each) => each.draft)}])
  report(context, files)
  const dryRun = values['dry-run'] === true
  if (!dryRun && writes.length > 0) await writeFilesAtomic(writes)

  if (values.json) {
    const matches = found.map(({unit, match, source}) => ({segment: unit.key, score: match.score, kind: match.kind, target: match.target, from: source}))
    context.stdout.write(`${JSON.stringify({matches}, null, 2)}\n`)
    return 0
  }
  const resource = path.relative(context.cwd, layout.resourceFile(lng, subject.exchange.id))
  if (missing.length === 0) {
    context.stdout.write(`${resource}: nothing to pretranslate, every unit has a translation\n`)
    return 0
  }
  if (found.length === 0) {
    context.stdout.write(`${resource}: no match of ${minScore} or more for ${plural(missing.length, 'unit')} without translation; nothing written\n`)
    return 0
  }
  const verb = dryRun ? 'would be written' : 'written'
  context.stdout.write(
    `${resource}: ${plural(found.length, 'match', 'matches')} of ${minScore} or more for ${plural(missing.length, 'unit')} without translation, ${verb} as ${found.length === 1 ? 'a draft' : 'drafts'}; ${missing.length - found.length} left without translation\n`
  )
  for (const {unit, draft} of found) context.stdout.write(`  ${unit.key}  ${describeOrigin({...draft.origin, target: ''})}\n`)
  if (!dryRun) context.stdout.write(`Needs action:\n  review ${plural(found.length, 'draft')}: pnpm briefs status --verbose --article ${subject.exchange.id} --lang ${lng}\n`)
  if (dryRun) context.stdout.write('Nothing written (--dry-run).\n')
  return 0
}
