import path from 'node:path'
import {loadBitext, type UnitProblem} from '@briefs/bitext'
import {corpusLayout, loadArticle, readCorpusConfig, readSegmentMap, resolveArticleIds, writeSegmentMap, type Article, type CorpusLayout, type TargetLanguage} from '@briefs/corpus'
import {diffSegmentMaps, type SegmentMapDiff} from '@briefs/segment'
import {VFile} from 'vfile'
import {maxArticleKbOption, parse} from '../../args.js'
import {findCorpus, type Context} from '../../context.js'
import {InputError} from '../../errors.js'
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

export async function sync(argv: string[], context: Context): Promise<number> {
  const {values, positionals} = parse(argv, {check: {type: 'boolean'}, 'max-article-kb': {type: 'string'}, corpus: {type: 'string'}}, usage)
  const layout = corpusLayout(findCorpus(context, values.corpus), {maxArticleKb: maxArticleKbOption(values['max-article-kb'])})
  const {languages} = await readCorpusConfig(layout)
  const ids = await resolveArticleIds(layout, positionals)
  const outdated: VFile[] = []
  for (const id of ids) {
    const article = await loadArticle(layout, id)
    // What the briefs will not show as written (inline HTML) is said when the article is recorded, not first at build.
    const warnings = article.file.messages.filter((message) => message.ruleId !== 'segment-map')
    if (warnings.length > 0) {
      const shown = new VFile({path: article.file.path})
      shown.messages = warnings
      report(context, [shown])
    }
    if (!article.segmentMapOutdated) continue
    outdated.push(article.file)
    const committed = await readSegmentMap(layout.segmentMapFile(id))
    const summary = describe(diffSegmentMaps(committed?.map, article.segmentMap))
    const where = path.relative(context.cwd, layout.segmentMapFile(id))
    if (values.check) {
      context.stdout.write(`${where}: out of date (${summary})\n`)
    } else {
      await writeSegmentMap(layout.segmentMapFile(id), article.segmentMap)
      context.stdout.write(`${where}: updated (${summary})\n`)
    }
    for (const line of await changedUnits(layout, article, languages, context)) context.stdout.write(`  ${line}\n`)
  }
  if (outdated.length === 0) context.stdout.write(`All ${ids.length} segment maps are up to date\n`)
  if (values.check && outdated.length > 0) {
    report(context, outdated)
    throw new InputError(`${outdated.length} segment maps out of date: run \`pnpm briefs sync\``, [])
  }
  return 0
}

function describe(diff: SegmentMapDiff): string {
  const parts = [
    `${diff.edited.length} edited`,
    `${diff.added.length} new`,
    `${diff.removed.length} removed`,
    `${diff.moved.length} moved`
  ]
  return parts.join(', ')
}

/** The translation units the edit changed the shape of, in every language, as lines to act on. */
async function changedUnits(layout: CorpusLayout, article: Article, languages: readonly TargetLanguage[], context: Context): Promise<string[]> {
  const lines: string[] = []
  for (const lng of languages) {
    const bitext = await loadBitext(layout, article, lng, {reviews: false})
    const where = path.relative(context.cwd, layout.resourceFile(lng, article.id))
    for (const problem of bitext.problems) {
      const line = unitChange(problem)
      if (line) lines.push(`${where}: ${line}`)
    }
  }
  return lines
}

function unitChange(problem: UnitProblem): string | undefined {
  const listed = problem.segments.map((id) => `\`${id}\``).join(', ')
  switch (problem.kind) {
    case 'lost-segments':
      return `unit \`${problem.key}\` lost ${listed} (deleted from the French): its translation stays on the other sentences; remove what it said of them and fix the key`
    case 'absorbed-segments':
      return `unit \`${problem.key}\` now covers ${listed} (inserted or split off inside it): translate it in the unit and add it to the key, or give it a unit of its own`
    case 'across-blocks':
      return `unit \`${problem.key}\` now spans paragraphs: its sentences are shown as missing until it is split`
    default:
      return undefined
  }
}
