import path from 'node:path'
import type {Draft} from '@briefs/bitext'
import {corpusLayout, fileOfError, listArticleIds, readCorpusConfig, writeFilesAtomic, type TargetLanguage} from '@briefs/corpus'
import {importXliff, xliffLanguages} from '@briefs/exchange'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {languagesOption, parse} from '../../args.js'
import {draftWrites, loadArticlesIn, today, type ArticleInLanguage} from '../../bitexts.js'
import {plural} from '../../plural.js'
import {findCorpus, userPath, type Context} from '../../context.js'
import {InputError, UsageError} from '../../errors.js'
import {report} from '../../report.js'
import {readXmlFile} from '../../xml-file.js'

export const importUsage = `Usage: briefs xliff import <file> [--lang <lng>] [--dry-run] [--corpus <dir>]

Take back what a CAT tool changed in an exported XLIFF file (1.2 or 2.0).
A changed translation is written into corpus/locales/<lng>/<id>.json as a
draft (a reviewer approves it again), with its origin in
corpus/origins/<lng>/<id>.json; an unchanged unit changes no file. A unit
whose French changed since the export is refused and named: export the
article again. Malformed XML, another language, an unknown article or unit
import nothing (exit 1).

  --lang <lng>   the language the file must be in (default: the one it declares)
  --dry-run      say what would change, write nothing`

export async function xliffImport(argv: string[], context: Context): Promise<number> {
  const {values, positionals} = parse(argv, {lang: {type: 'string'}, 'dry-run': {type: 'boolean'}, corpus: {type: 'string'}}, importUsage)
  if (positionals.length !== 1) throw new UsageError(`${positionals.length === 0 ? 'Missing the XLIFF file to import' : `Unexpected argument \`${positionals[1]}\``}\n\n${importUsage}`)
  const layout = corpusLayout(findCorpus(context, values.corpus))
  const config = await readCorpusConfig(layout)
  const asked = values.lang === undefined ? undefined : languagesOption([values.lang], config)[0]!
  const filePath = userPath(context, positionals[0]!)
  const file = await readXmlFile(filePath, 'an XLIFF file').catch((error: unknown) => {
    if (error instanceof VFileMessage) throw new InputError('Nothing imported', [fileOfError(error, filePath)])
    throw error
  })
  let read: VFile[] = [file]
  // A thrown message (unreadable XML, another language, unreadable origins) imports nothing.
  const attempt = <T>(step: () => T): T => {
    try {
      return step()
    } catch (error) {
      if (!(error instanceof VFileMessage)) throw error
      const holder = read.find((each) => each.path === error.file) ?? fileOfError(error, file.path)
      throw new InputError(`Nothing imported from ${path.relative(context.cwd, file.path)}`, [holder])
    }
  }

  // The file says which language it holds: its articles are read in that language.
  const lng = attempt((): TargetLanguage => {
    const declared = xliffLanguages(file)
    const found = config.languages.find((each) => sameLanguage(declared.target, each))
    return asked ?? found ?? file.fail(`Unexpected target language \`${declared.target ?? ''}\`, expected one of the corpus's (${config.languages.map((each) => `\`${each}\``).join(', ')})`, {place: declared.place, ruleId: 'xliff-language', source: 'briefs'})
  })
  const {articles, files} = await loadArticlesIn(layout, await listArticleIds(layout), lng)
  read = [file, ...files]
  const result = attempt(() => importXliff(file, articles.map((article) => article.exchange), {lng}))
  const errors = file.messages.filter((message) => message.fatal === true)
  if (errors.length > 0) throw new InputError(`Nothing imported: ${plural(errors.length, 'error')} in ${path.relative(context.cwd, file.path)}`, [file])

  // Changed translations become drafts, saying where they came from.
  const byId = new Map<string, ArticleInLanguage>(articles.map((article) => [article.exchange.id, article]))
  const from = path.basename(file.path)
  const date = today()
  const planned = result.articles.map((imported) => ({
    bitext: byId.get(imported.id)!.bitext,
    drafts: imported.changed.map((unit): Draft => ({key: unit.key, target: unit.target, origin: {via: 'xliff', date, from}}))
  }))
  const writes = attempt(() => draftWrites(layout, planned))
  report(context, [file, ...files])
  const dryRun = values['dry-run'] === true
  if (!dryRun) await writeFilesAtomic(writes)

  const count = (part: 'changed' | 'unchanged' | 'refused') => result.articles.reduce((sum, article) => sum + article[part].length, 0)
  const total = count('changed') + count('unchanged') + count('refused')
  const out = context.stdout
  out.write(
    `${path.relative(context.cwd, file.path)}: XLIFF ${result.version}, fr → ${lng}, ${plural(result.articles.length, 'article')}, ${plural(total, 'unit')}: ${count('changed')} changed, ${count('unchanged')} unchanged, ${count('refused')} refused\n`
  )
  for (const imported of result.articles) {
    if (imported.changed.length === 0) continue
    out.write(`  ${path.relative(context.cwd, layout.resourceFile(lng, imported.id))}: ${plural(imported.changed.length, 'translation')} ${dryRun ? 'would be written' : 'written'} as ${imported.changed.length === 1 ? 'a draft' : 'drafts'}\n`)
  }
  const refused = result.articles.flatMap((imported) => imported.refused.map((unit) => ({article: imported.id, ...unit})))
  const review = dryRun ? 0 : count('changed')
  if (refused.length > 0 || review > 0) out.write('Needs action:\n')
  for (const unit of refused) {
    out.write(
      unit.reason === 'source-changed'
        ? `  refused ${unit.key} (${unit.article}): its French changed since the export; export the article again and translate the unit there\n`
        : `  refused ${unit.key} (${unit.article}): its inline codes cannot be written back as Markdown (see the messages); fix the unit in the CAT tool\n`
    )
  }
  if (review > 0) out.write(`  review ${plural(review, 'draft')}: pnpm briefs status --verbose --lang ${lng}, then pnpm briefs review approve\n`)
  if (dryRun) out.write('Nothing written (--dry-run).\n')
  return 0
}

function sameLanguage(value: string | undefined, lng: string): boolean {
  const lower = value?.toLowerCase()
  return lower !== undefined && (lower === lng || lower.startsWith(`${lng}-`))
}
