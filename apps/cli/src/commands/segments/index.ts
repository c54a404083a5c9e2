import fs from 'node:fs/promises'
import path from 'node:path'
import {configFileName, corpusLayout, decodeTextFile, fileOfError, loadArticle, readCorpusSettings, resolveArticleIds, titleSegmentId, type Article} from '@briefs/corpus'
import {ingestArticle} from '@briefs/ingest'
import {VFile} from 'vfile'
import {maxArticleKbOption, parse} from '../../args.js'
import {findCorpus, userPath, type Context} from '../../context.js'
import {InputError, UsageError} from '../../errors.js'
import {report} from '../../report.js'

export const usage = `Usage: briefs segments <file> [--json] [--max-article-kb <n>]

Print the segments of an article in document order: a corpus article
(corpus/articles/<id>.md, with the IDs of its segment map) or a file as
received (raw or Markdown with front matter). A corpus article's title is
segment "title".

  --json                a JSON array of {"id", "paragraph", "text"}
  --max-article-kb <n>  refuse files larger than n KiB (default: corpus/briefs.config.json, else 512)`

export async function segments(argv: string[], context: Context): Promise<number> {
  const {values, positionals} = parse(argv, {json: {type: 'boolean'}, 'max-article-kb': {type: 'string'}}, usage)
  const maxArticleKb = maxArticleKbOption(values['max-article-kb'])
  if (positionals.length !== 1) throw new UsageError(`Expected one file\n\n${usage}`)
  const filePath = userPath(context, positionals[0]!)

  let article: Article
  let includeTitle = true
  try {
    if (isCorpusArticle(filePath)) {
      const layout = corpusLayout(path.dirname(path.dirname(filePath)), {maxArticleKb})
      const [id] = await resolveArticleIds(layout, [path.basename(filePath, '.md')])
      article = await loadArticle(layout, id!)
    } else {
      const limit = maxArticleKb ?? (await readCorpusSettings(findCorpus(context, undefined))).maxArticleKb
      const stat = await fs.stat(filePath).catch(() => {
        new VFile({path: filePath}).fail('Unexpected missing file, expected an article', {ruleId: 'read', source: 'briefs'})
      })
      if (stat!.size > limit * 1024) {
        new VFile({path: filePath}).fail(`Unexpected file of ${Math.ceil(stat!.size / 1024)} KB, expected at most ${limit} KB (the limit is \`maxArticleKb\` in \`${configFileName}\` or \`--max-article-kb\`)`, {ruleId: 'file-size', source: 'briefs'})
      }
      const bytes = await fs.readFile(filePath).catch(() => {
        new VFile({path: filePath}).fail('Unexpected unreadable file, expected an article', {ruleId: 'read', source: 'briefs'})
      })
      const file = decodeTextFile(bytes!, filePath)
      const ingested = ingestArticle(file, bytes!)
      article = ingested.article
      // A raw file has no title of its own: ingest would derive one from the first sentence.
      includeTitle = article.meta.source?.format !== 'raw'
    }
  } catch (error) {
    throw new InputError('Cannot segment this file', [fileOfError(error, filePath)])
  }

  const list = article.segments.filter((segment) => includeTitle || segment.id !== titleSegmentId)
  report(context, [article.file])
  if (values.json) {
    context.stdout.write(`${JSON.stringify(list.map(({id, paragraph, text}) => ({id, paragraph, text})), null, 2)}\n`)
  } else {
    for (const segment of list) context.stdout.write(`${segment.id}\t${segment.paragraph}\t${segment.text}\n`)
  }
  return 0
}

/** `…/corpus/articles/<id>.md` next to a `segments/` folder. */
function isCorpusArticle(filePath: string): boolean {
  return path.basename(path.dirname(filePath)) === 'articles' && filePath.endsWith('.md')
}
