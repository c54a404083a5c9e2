import path from 'node:path'
import {languageProblem, targetLanguages, type TargetLanguage} from '@briefs/corpus'
import {buildBriefs} from '@briefs/publisher'
import {parse} from '../../args.js'
import {findCorpus, userPath, type Context} from '../../context.js'
import {InputError, UsageError} from '../../errors.js'
import {report} from '../../report.js'

export const usage = `Usage: briefs build [--lang <lng>...] [--out <dir>] [--only-reviewed] [--corpus <dir>]

Build the side-by-side briefs: for every article and language, a Markdown
and an HTML brief (<out>/<article-id>/fr-<lng>.md and .html), and an index
(<out>/index.md, <out>/index.html). Reviewed translations are published as
they are; missing, draft (never approved) and stale (changed since approval)
ones carry a visible marker in the briefs and are counted here.

  --lang <lng>     only this target language (repeatable; default: ${targetLanguages.join(', ')})
  --out <dir>      where the briefs land (default: site/ beside the corpus)
  --only-reviewed  refuse to publish a missing, draft or stale translation (an error)
  --corpus <dir>   corpus folder (default: the nearest ./corpus)`

export async function build(argv: string[], context: Context): Promise<number> {
  const {values, positionals} = parse(argv, {lang: {type: 'string', multiple: true}, out: {type: 'string'}, 'only-reviewed': {type: 'boolean'}, corpus: {type: 'string'}}, usage)
  if (values.help) {
    context.stdout.write(`${usage}\n`)
    return 0
  }
  if (positionals.length > 0) throw new UsageError(`Unexpected argument \`${positionals[0]}\`\n\n${usage}`)
  const languages = (values.lang ?? [...targetLanguages]).map((lng) => {
    const problem = languageProblem(lng)
    if (problem) throw new UsageError(problem)
    return lng as TargetLanguage
  })
  const corpus = findCorpus(context, values.corpus)
  const out = values.out ? userPath(context, values.out) : path.join(path.dirname(corpus), 'site')

  const result = await buildBriefs({corpus, out, languages, onlyReviewed: values['only-reviewed'] === true})
  report(context, result.files)
  if (result.failed) throw new InputError('Build failed: fix the errors above; the index was left as it was', [])
  const where = path.relative(context.cwd, out) || '.'
  const flagged = [
    result.missing > 0 ? `${result.missing} missing` : '',
    result.draft > 0 ? `${result.draft} not reviewed` : '',
    result.stale > 0 ? `${result.stale} outdated since review` : ''
  ].filter(Boolean)
  context.stdout.write(
    `Built ${result.briefs} briefs (${result.articles} articles × ${languages.join(', ')}) in ${where}/: Markdown, HTML and index; ` +
      (flagged.length > 0 ? `marked as such: ${flagged.join(', ')} segment translations\n` : 'every segment translated and reviewed\n')
  )
  return 0
}
