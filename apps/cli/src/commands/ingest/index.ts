import fs from 'node:fs/promises'
import path from 'node:path'
import {configFileName, corpusLayout, decodeTextFile, fileOfError, readCorpusSettings, readSegmentMap, writeFileAtomic, writeSegmentMap, type Article} from '@briefs/corpus'
import {ingestArticle} from '@briefs/ingest'
import {VFile} from 'vfile'
import {maxArticleKbOption, parse} from '../../args.js'
import {findCorpus, userPath, type Context} from '../../context.js'
import {InputError, UsageError} from '../../errors.js'
import {report} from '../../report.js'

export const usage = `Usage: briefs ingest <file>... [--id <id>] [--title <title>] [--source-name <name>] [--force] [--normalize] [--max-article-kb <n>] [--corpus <dir>]

Turn articles as received (raw: a " date YYYY-MM " header then paragraphs;
or Markdown with YAML front matter) into corpus/articles/<id>.md and
corpus/segments/<id>.json. The French text is kept exactly.

  --id <id>        article ID (default: the date and the first words)
  --title <title>  French title (default: front matter title, else the first sentence)
  --source-name <name>
                   the publication the desk credits (AFP, Reuters): the source readers see
  --force          replace an existing article (its segment IDs are kept)
  --normalize      fix a BOM, CRLF line endings and NFD text instead of refusing them
  --max-article-kb <n>  refuse files larger than n KiB (default: corpus/briefs.config.json, else 512)
  --corpus <dir>   corpus folder (default: the nearest ./corpus)`

export async function ingest(argv: string[], context: Context): Promise<number> {
  const {values, positionals} = parse(argv, {
    id: {type: 'string'},
    title: {type: 'string'},
    'source-name': {type: 'string'},
    force: {type: 'boolean'},
    normalize: {type: 'boolean'},
    'max-article-kb': {type: 'string'},
    corpus: {type: 'string'}
  }, usage)
  const maxArticleKbGiven = maxArticleKbOption(values['max-article-kb'])
  if (positionals.length === 0) throw new UsageError(`Missing file to ingest\n\n${usage}`)
  if (positionals.length > 1 && (values.id || values.title)) throw new UsageError('`--id` and `--title` name one article: give one file with them')

  const layout = corpusLayout(findCorpus(context, values.corpus), {maxArticleKb: maxArticleKbGiven})
  const maxArticleKb = maxArticleKbGiven ?? (await readCorpusSettings(layout.root)).maxArticleKb
  const planned: Array<{article: Article; markdown: string; source: string}> = []
  const failed: VFile[] = []

  // Check every file before writing any: a batch is refused whole.
  for (const given of positionals) {
    const filePath = userPath(context, given)
    const file = new VFile({path: filePath})
    try {
      const bytes = await readInput(file, maxArticleKb)
      // BOM, CRLF and NFD are left to ingest, which refuses them or, with `--normalize`, fixes them.
      const decoded = decodeTextFile(bytes, filePath)
      const ingested = ingestArticle(decoded, bytes, {id: values.id, title: values.title, normalize: values.normalize, sourceName: values['source-name']})
      const target = layout.articleFile(ingested.id)
      const clash = planned.find((entry) => entry.article.id === ingested.id)
      if (clash) decoded.fail(`Unexpected duplicate article ID \`${ingested.id}\`, expected each article once (also from \`${clash.source}\`)`, {ruleId: 'article-id', source: 'briefs'})
      if (await exists(target)) {
        if (!values.force) {
          decoded.fail(`Unexpected existing article \`${ingested.id}\` (${path.relative(context.cwd, target)}), expected a new ID: use \`--force\` to replace it or \`--id\` to choose another`, {ruleId: 'article-id', source: 'briefs'})
        }
        // Replacing: keep the IDs of the committed segment map.
        const committed = await readSegmentMap(layout.segmentMapFile(ingested.id))
        // The second reading reports the same messages again.
        decoded.messages.length = 0
        const again = ingestArticle(decoded, bytes, {id: values.id, title: values.title, normalize: values.normalize, sourceName: values['source-name'], map: committed?.map})
        planned.push({article: again.article, markdown: again.markdown, source: given})
      } else {
        planned.push({article: ingested.article, markdown: ingested.markdown, source: given})
      }
      if (decoded.messages.length > 0) report(context, [decoded])
    } catch (error) {
      failed.push(fileOfError(error, filePath))
    }
  }
  if (failed.length > 0) throw new InputError(`Nothing ingested: ${failed.length} of ${positionals.length} files refused`, failed)

  for (const entry of planned) {
    await writeSegmentMap(layout.segmentMapFile(entry.article.id), entry.article.segmentMap)
    await writeFileAtomic(layout.articleFile(entry.article.id), entry.markdown)
    const sentences = entry.article.segments.length
    context.stdout.write(`${path.relative(context.cwd, layout.articleFile(entry.article.id))}: ${sentences} segments (${entry.article.segmentMap.blocks.length} paragraphs) from ${entry.source}\n`)
  }
  return 0
}

async function readInput(file: VFile, maxArticleKb: number): Promise<Uint8Array> {
  const unreadable = (error: unknown): never => {
    const code = (error as NodeJS.ErrnoException).code
    return file.fail(code === 'ENOENT' ? 'Unexpected missing file, expected an article to ingest' : `Unexpected unreadable file (${code}), expected a readable article`, {ruleId: 'read', source: 'briefs'})
  }
  // Checked before reading: an article above the limit would take minutes and gigabytes downstream.
  const {size} = await fs.stat(file.path).catch(unreadable)
  if (size > maxArticleKb * 1024) {
    file.fail(`Unexpected file of ${Math.ceil(size / 1024)} KB, expected at most ${maxArticleKb} KB (the limit is \`maxArticleKb\` in \`${configFileName}\` or \`--max-article-kb\`)`, {
      ruleId: 'file-size',
      source: 'briefs'
    })
  }
  return fs.readFile(file.path).catch(unreadable)
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await fs.access(filePath)
    return true
  } catch {
    return false
  }
}
