import path from 'node:path'
import {VFileMessage} from 'vfile-message'
import type {Context} from './context.js'
import {exitCodes, HelpRequested, InputError, UsageError} from './errors.js'
import {report} from './report.js'

type Command = (argv: string[], context: Context) => Promise<number>

/** Each command is imported when it runs: a command loads only what it uses, and starts the sooner. */
const commands: Record<string, () => Promise<Command>> = {
  align: async () => (await import('./commands/align/index.js')).alignCommand,
  build: async () => (await import('./commands/build/index.js')).build,
  check: async () => (await import('./commands/check/index.js')).check,
  import: async () => (await import('./commands/import/index.js')).importCommand,
  ingest: async () => (await import('./commands/ingest/index.js')).ingest,
  init: async () => (await import('./commands/init/index.js')).init,
  pretranslate: async () => (await import('./commands/pretranslate/index.js')).pretranslate,
  review: async () => (await import('./commands/review/index.js')).review,
  'review-report': async () => (await import('./commands/review-report/index.js')).reviewReportCommand,
  segments: async () => (await import('./commands/segments/index.js')).segments,
  status: async () => (await import('./commands/status/index.js')).status,
  sync: async () => (await import('./commands/sync/index.js')).sync,
  tm: async () => (await import('./commands/tm/index.js')).tm,
  xliff: async () => (await import('./commands/xliff/index.js')).xliff
}

/** The first line of each command's usage, as its `--help` gives it (a test holds them to it). */
export const synopses = [
  'Usage: briefs init [--lang <lng>...] [--corpus <dir>]',
  'Usage: briefs ingest <file>... [--id <id>] [--title <title>] [--source-name <name>] [--force] [--normalize] [--max-article-kb <n>] [--corpus <dir>]',
  'Usage: briefs segments <file> [--json] [--max-article-kb <n>]',
  'Usage: briefs sync [<article-id>...] [--check] [--max-article-kb <n>] [--corpus <dir>]',
  'Usage: briefs build [--lang <lng>...] [--out <dir>] [--only-reviewed] [--check] [--workers <n>] [--no-cache] [--verbose] [--shard <k>/<n> | --index-only <n>] [--corpus <dir>]',
  'Usage: briefs check [--article <id>...] [--lang <lng>...] [--format text|json|github] [--strict] [--corpus <dir>]',
  'Usage: briefs status [--json] [--verbose] [--article <id>...] [--lang <lng>...] [--corpus <dir>]',
  'Usage: briefs review approve --article <id> --lang <lng> --reviewer <name> [--segment <id>...] [--override <reason>] [--date YYYY-MM-DD] [--corpus <dir>]',
  'Usage: briefs review-report --base <git-rev> [--head <git-rev>] [--out <file>] [--corpus <dir>]',
  'Usage: briefs align <french-file> <translation-file> --to <lng> [--segmented] [--json] [--width <n>] [--corpus <dir>]',
  'Usage: briefs import <file> --article <id> --lang <lng> [--dry-run] [--json] [--force] [--corpus <dir>]',
  'Usage: briefs xliff export --lang <lng> --out <file> [--article <id>...] [--xliff 1.2|2.0] [--copy-source] [--corpus <dir>]',
  'Usage: briefs xliff import <file> [--lang <lng>] [--dry-run] [--corpus <dir>]',
  'Usage: briefs tm export --lang <lng> --out <file> [--article <id>...] [--corpus <dir>]',
  'Usage: briefs pretranslate --article <id> --lang <lng> [--tmx <file>...] [--min <score>] [--dry-run] [--json] [--corpus <dir>]'
]

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

${synopses.join('\n')}`

/** Run a command line; the exit code is returned, never `process.exit`ed, so tests can call it. */
export async function run(argv: string[], context: Context): Promise<number> {
  const [name, ...rest] = argv
  try {
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      context.stdout.write(`${usage}\n`)
      return name ? exitCodes.ok : exitCodes.usage
    }
    if (!Object.hasOwn(commands, name)) throw new UsageError(`Unexpected command \`${name}\`, expected one of ${Object.keys(commands).join(', ')}\n\n${usage}`)
    return await (await commands[name]!())(rest, context)
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
