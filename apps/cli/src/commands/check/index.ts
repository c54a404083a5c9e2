import path from 'node:path'
import {corpusLayout, readCorpusConfig, type TargetLanguage} from '@briefs/corpus'
import {checkCorpus} from '@briefs/qa'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {languagesOption, noPositionals, parse} from '../../args.js'
import {findCorpus, type Context} from '../../context.js'
import {exitCodes, UsageError} from '../../errors.js'
import {cacheFile} from '../../incremental.js'
import {report} from '../../report.js'

export const usage = `Usage: briefs check [--article <id>...] [--lang <lng>...] [--format text|json|github] [--strict] [--corpus <dir>]

Check every translation unit (French segments, translation): missing,
empty and orphan translations, malformed units, untranslated text,
numbers, glossary terms (corpus/glossary.json), quotation marks and
brackets, final punctuation, Markdown, length, spaces, consistency, the
languages against each other. Exit 1 on any error, or on any warning with
--strict. Rules can be set to "error", "warning" or "off" in
corpus/briefs.config.json ("rules").

  --article <id>    only these articles (repeatable; default: all)
  --lang <lng>      only these languages (repeatable; default: the corpus's)
  --format <name>   text: messages on stderr (default); json: an array of
                    {file, line, column, ruleId, severity, article, lang,
                    segment, message} on stdout; github: GitHub Actions
                    annotations on stdout
  --strict          warnings fail too
  --corpus <dir>    corpus folder (default: the nearest ./corpus)`

const formats = ['text', 'json', 'github'] as const

/** One message as `--format json` prints it. */
export interface CheckRow {
  file: string
  line: number | null
  column: number | null
  ruleId: string | null
  severity: 'error' | 'warning' | 'info'
  article: string | null
  lang: TargetLanguage | null
  segment: string | null
  message: string
}

export async function check(argv: string[], context: Context): Promise<number> {
  const {values, positionals} = parse(
    argv,
    {article: {type: 'string', multiple: true}, lang: {type: 'string', multiple: true}, format: {type: 'string'}, strict: {type: 'boolean'}, corpus: {type: 'string'}},
    usage
  )
  noPositionals(positionals, usage)
  const format = values.format ?? 'text'
  if (!(formats as readonly string[]).includes(format)) throw new UsageError(`Unexpected format ${JSON.stringify(format)}, expected one of ${formats.map((name) => `\`${name}\``).join(', ')}`)
  const corpus = findCorpus(context, values.corpus)
  const languages = languagesOption(values.lang, await readCorpusConfig(corpusLayout(corpus)))

  // Each article's checks are kept between runs: an article whose files keep their size and time is not read again.
  const result = await checkCorpus({corpus, articles: values.article, languages, cacheFile: cacheFile(corpus, 'check')})
  const summary = `${result.errors} error${result.errors === 1 ? '' : 's'}, ${result.warnings} warning${result.warnings === 1 ? '' : 's'} in ${result.pairs} translations of ${result.segments} segments`
  if (format === 'json') {
    context.stdout.write(`${JSON.stringify(checkRows(context, result.files), null, 2)}\n`)
  } else if (format === 'github') {
    for (const row of checkRows(context, result.files)) context.stdout.write(`${annotation(row)}\n`)
  } else {
    report(context, result.files)
    context.stdout.write(`Checked: ${summary}\n`)
  }
  const failed = result.errors > 0 || (values.strict === true && result.warnings > 0)
  if (failed && format !== 'text') context.stderr.write(`briefs: ${summary}\n`)
  return failed ? exitCodes.input : exitCodes.ok
}

export function checkRows(context: Context, files: readonly VFile[]): CheckRow[] {
  return files.flatMap((file) =>
    file.messages.map((message) => ({
      file: shownPath(context, file.path),
      line: message.line ?? null,
      column: message.column ?? null,
      ruleId: message.ruleId ?? null,
      severity: severity(message),
      article: message.data?.article ?? null,
      lang: message.data?.lang ?? null,
      segment: message.data?.segment ?? null,
      message: message.reason
    }))
  )
}

function severity(message: VFileMessage): CheckRow['severity'] {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

function shownPath(context: Context, filePath: string): string {
  return path.isAbsolute(filePath) ? path.relative(context.cwd, filePath).split(path.sep).join('/') : filePath
}

/** A GitHub Actions workflow command: `::error file=…,line=…,col=…,title=…::message`. */
export function annotation(row: CheckRow): string {
  const properties = [`file=${escapeProperty(row.file)}`]
  if (row.line !== null) properties.push(`line=${row.line}`)
  if (row.column !== null) properties.push(`col=${row.column}`)
  properties.push(`title=${escapeProperty(`briefs ${row.ruleId ?? 'check'}`)}`)
  return `::${row.severity === 'info' ? 'notice' : row.severity} ${properties.join(',')}::${escapeData(row.message)}`
}

// GitHub's escaping for workflow commands: data escapes `%`, CR and LF; property values also `:` and `,`.
function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
}

function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C')
}
