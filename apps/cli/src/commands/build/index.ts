import path from 'node:path'
import {languageProblem, targetLanguages, type TargetLanguage} from '@briefs/corpus'
import {buildBriefs} from '@briefs/publisher'
import {parse} from '../../args.js'
import {findCorpus, userPath, type Context} from '../../context.js'
import {InputError, UsageError} from '../../errors.js'
import {report} from '../../report.js'

export const usage = `Usage: briefs build [--lang <lng>...] [--out <dir>] [--corpus <dir>]

Build the side-by-side briefs: for every article and language, a Markdown
and an HTML brief (<out>/<article-id>/fr-<lng>.md and .html), and an index
(<out>/index.md, <out>/index.html). Missing translations are shown as
missing in the briefs and listed here.

  --lang <lng>     only this target language (repeatable; default: ${targetLanguages.join(', ')})
  --out <dir>      where the briefs land (default: site/ beside the corpus)
  --corpus <dir>   corpus folder (default: the nearest ./corpus)`

export async function build(argv: string[], context: Context): Promise<number> {
  const {values, positionals} = parse(argv, {lang: {type: 'string', multiple: true}, out: {type: 'string'}, corpus: {type: 'string'}}, usage)
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

  const result = await buildBriefs({corpus, out, languages})
  report(context, result.files)
  if (result.failed) throw new InputError('Build failed: fix the errors above; the index was left as it was', [])
  const where = path.relative(context.cwd, out) || '.'
  context.stdout.write(
    `Built ${result.briefs} briefs (${result.articles} articles × ${languages.join(', ')}) in ${where}/: Markdown, HTML and index` +
      (result.missing > 0 ? `; ${result.missing} segments shown as missing translation\n` : '; every segment translated\n')
  )
  return 0
}
