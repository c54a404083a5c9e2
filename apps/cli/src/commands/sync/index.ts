import path from 'node:path'
import {corpusLayout, loadArticle, readSegmentMap, resolveArticleIds, writeSegmentMap} from '@briefs/corpus'
import {diffSegmentMaps, type SegmentMapDiff} from '@briefs/segment'
import type {VFile} from 'vfile'
import {maxArticleKbOption, parse} from '../../args.js'
import {findCorpus, type Context} from '../../context.js'
import {InputError} from '../../errors.js'
import {report} from '../../report.js'

export const usage = `Usage: briefs sync [<article-id>...] [--check] [--max-article-kb <n>] [--corpus <dir>]

After editing French articles, record their segment IDs: match every
sentence against the committed segment map (unchanged text keeps its ID,
an edited sentence keeps the ID of the sentence it was) and write
corpus/segments/<id>.json. Commit it with the edit.

  --check          change nothing; exit 1 if a segment map is out of date (for CI)
  --max-article-kb <n>  refuse articles larger than n KiB (default: corpus/briefs.config.json, else 512)
  --corpus <dir>   corpus folder (default: the nearest ./corpus)`

export async function sync(argv: string[], context: Context): Promise<number> {
  const {values, positionals} = parse(argv, {check: {type: 'boolean'}, 'max-article-kb': {type: 'string'}, corpus: {type: 'string'}}, usage)
  const layout = corpusLayout(findCorpus(context, values.corpus), {maxArticleKb: maxArticleKbOption(values['max-article-kb'])})
  const ids = await resolveArticleIds(layout, positionals)
  const outdated: VFile[] = []
  for (const id of ids) {
    const article = await loadArticle(layout, id)
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
