// What `briefs sync` does with an article whose segment map is out of date (imported only when there is one): the heavy part.
import path from 'node:path'
import {loadBitext, type UnitProblem} from '@briefs/bitext'
import {loadArticle, readSegmentMap, writeSegmentMap, type Article, type CorpusLayout, type TargetLanguage} from '@briefs/corpus'
import {diffSegmentMaps, type SegmentMapDiff} from '@briefs/segment'
import type {VFile} from 'vfile'
import type {Context} from '../../context.js'

/** Say what changed in an article's segment map (and write it, unless `check`), and which translation units the edit reshaped; returns the article's file. */
export async function syncArticle(layout: CorpusLayout, id: string, languages: readonly TargetLanguage[], check: boolean, context: Context): Promise<VFile> {
  const article = await loadArticle(layout, id)
  const committed = await readSegmentMap(layout.segmentMapFile(id))
  const summary = describe(diffSegmentMaps(committed?.map, article.segmentMap))
  const where = path.relative(context.cwd, layout.segmentMapFile(id))
  if (check) {
    context.stdout.write(`${where}: out of date (${summary})\n`)
  } else {
    await writeSegmentMap(layout.segmentMapFile(id), article.segmentMap)
    context.stdout.write(`${where}: updated (${summary})\n`)
  }
  for (const line of await changedUnits(layout, article, languages, context)) context.stdout.write(`  ${line}\n`)
  return article.file
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
