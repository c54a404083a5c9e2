import path from 'node:path'
import {VFileMessage} from 'vfile-message'
import {alignCommand, usage as alignUsage} from './commands/align/index.js'
import {build, usage as buildUsage} from './commands/build/index.js'
import {check, usage as checkUsage} from './commands/check/index.js'
import {ingest, usage as ingestUsage} from './commands/ingest/index.js'
import {importCommand, usage as importUsage} from './commands/import/index.js'
import {init, usage as initUsage} from './commands/init/index.js'
import {pretranslate, usage as pretranslateUsage} from './commands/pretranslate/index.js'
import {reviewReportCommand, usage as reviewReportUsage} from './commands/review-report/index.js'
import {review, usage as reviewUsage} from './commands/review/index.js'
import {segments, usage as segmentsUsage} from './commands/segments/index.js'
import {status, usage as statusUsage} from './commands/status/index.js'
import {sync, usage as syncUsage} from './commands/sync/index.js'
import {tm, usage as tmUsage} from './commands/tm/index.js'
import {exportUsage as xliffExportUsage, importUsage as xliffImportUsage, xliff} from './commands/xliff/index.js'
import type {Context} from './context.js'
import {exitCodes, HelpRequested, InputError, UsageError} from './errors.js'
import {report} from './report.js'

const commands = {align: alignCommand, build, check, import: importCommand, ingest, init, pretranslate, review, 'review-report': reviewReportCommand, segments, status, sync, tm, xliff} as const

const usage = `Usage: briefs <command> [options]

Commands:
  init               make a corpus (briefs.config.json: its target languages)
  ingest <file>...   add French articles as received to the corpus
  segments <file>    list an article's segments and their stable IDs
  sync [<id>...]     record segment IDs after editing French articles
  build              build the bilingual briefs and their index
  check              translation quality checks, reported like a linter
  status             review state per article and language
  review approve     record a reviewer's approval of translations
  review-report      Markdown review report of a pull request
  align <fr> <file>  align a French text with a delivered translation
  import <file>      import a translated document into an article's resource, aligned
  xliff export       translations to a CAT tool as XLIFF 1.2 or 2.0
  xliff import       translations back from a CAT tool, as drafts
  tm export          reviewed translations as a TMX translation memory
  pretranslate       fill untranslated units from the translation memory

Run \`briefs <command> --help\` for a command's options.

${[initUsage, ingestUsage, segmentsUsage, syncUsage, buildUsage, checkUsage, statusUsage, reviewUsage, reviewReportUsage, alignUsage, importUsage, xliffExportUsage, xliffImportUsage, tmUsage, pretranslateUsage].map((text) => text.split('\n')[0]).join('\n')}`

/** Run a command line; the exit code is returned, never `process.exit`ed, so tests can call it. */
export async function run(argv: string[], context: Context): Promise<number> {
  const [name, ...rest] = argv
  try {
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      context.stdout.write(`${usage}\n`)
      return name ? exitCodes.ok : exitCodes.usage
    }
    if (!Object.hasOwn(commands, name)) throw new UsageError(`Unexpected command \`${name}\`, expected one of ${Object.keys(commands).join(', ')}\n\n${usage}`)
    return await commands[name as keyof typeof commands](rest, context)
  } catch (error) {
    if (error instanceof HelpRequested) {
      context.stdout.write(`${error.usage}\n`)
      return exitCodes.ok
    }
    if (error instanceof UsageError) {
      context.stderr.write(`briefs: ${error.message}\n`)
      return exitCodes.usage
    }
    if (error instanceof InputError) {
      report(context, error.files)
      context.stderr.write(`briefs: ${error.message}\n`)
      return exitCodes.input
    }
    if (error instanceof VFileMessage) {
      const file = error.file && path.isAbsolute(error.file) ? path.relative(context.cwd, error.file) || error.file : error.file
      context.stderr.write(`briefs: ${file ? `${file}:` : ''}${error.place && 'line' in error.place ? `${error.place.line}:${error.place.column}: ` : ' '}${error.reason}\n`)
      return exitCodes.input
    }
    const system = systemError(error)
    if (system) {
      // The machine refused (a missing file, a full disk, no permission): not a bug, and no stack trace.
      context.stderr.write(`briefs: ${system}\n`)
      return exitCodes.input
    }
    context.stderr.write(`briefs: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    return exitCodes.internal
  }
}

/** An error of the operating system (`ENOENT`, `ENOSPC`, `EACCES`...) as one line; `undefined` for anything else. */
function systemError(error: unknown): string | undefined {
  const failure = error as NodeJS.ErrnoException | undefined
  if (!(failure instanceof Error) || typeof failure.code !== 'string' || typeof failure.syscall !== 'string') return undefined
  return `Unexpected ${failure.code} from ${failure.syscall}${failure.path ? ` on ${failure.path}` : ''}, expected the file system to allow it (${failure.message})`
}
