import {languageProblem, maxArticleKbProblem, resolveArticleIds, type CorpusConfig, type CorpusLayout, type TargetLanguage} from '@briefs/corpus'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import {HelpRequested, UsageError} from './errors.js'

/** node:util's parseArgs, with its errors turned into usage errors, and `--help` answered with `usage`. */
export function parse<const T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string) {
  let parsed
  try {
    parsed = parseArgs({args: argv, options: {...options, help: {type: 'boolean', short: 'h'}}, allowPositionals: true, strict: true})
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`)
  }
  if ((parsed.values as {help?: boolean}).help) throw new HelpRequested(usage)
  return parsed
}

/** `--lang` values, checked against the corpus's languages: every one of them when none is given. */
export function languagesOption(values: readonly string[] | undefined, config: Pick<CorpusConfig, 'languages'>): TargetLanguage[] {
  return (values ?? [...config.languages]).map((lng) => {
    const problem = languageProblem(config, lng)
    if (problem) throw new UsageError(problem)
    return lng as TargetLanguage
  })
}

/** A command that takes no positional argument refuses one. */
export function noPositionals(positionals: readonly string[], usage: string): void {
  if (positionals.length > 0) throw new UsageError(`Unexpected argument \`${positionals[0]}\`\n\n${usage}`)
}

/** `--max-article-kb`, checked: `undefined` when not given (the corpus config or the default applies). */
export function maxArticleKbOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN
  const problem = maxArticleKbProblem(number)
  if (problem) throw new UsageError(problem.replace('`maxArticleKb` NaN', `--max-article-kb ${JSON.stringify(value)}`).replace('`maxArticleKb`', '--max-article-kb'))
  return number
}

/** One `--lang`, required, checked against the corpus's languages (for formats that hold one target language). */
export function languageOption(value: string | undefined, config: Pick<CorpusConfig, 'languages'>, usage: string): TargetLanguage {
  if (value === undefined) throw new UsageError(`Missing --lang, expected one of ${config.languages.map((lng) => `\`${lng}\``).join(', ')}\n\n${usage}`)
  return languagesOption([value], config)[0]!
}

/** `--article` values, checked as every command checks article IDs (`resolveArticleIds`); every article when none is given. */
export async function articlesOption(values: readonly string[] | undefined, layout: CorpusLayout): Promise<string[]> {
  return [...new Set(await resolveArticleIds(layout, values))]
}

/** `--min`-like integer options, within bounds. */
export function integerOption(name: string, value: string | undefined, fallback: number, bounds: {min: number; max: number}): number {
  if (value === undefined) return fallback
  const number = Number(value)
  if (!/^\d+$/.test(value) || number < bounds.min || number > bounds.max) throw new UsageError(`Unexpected --${name} ${JSON.stringify(value)}, expected an integer from ${bounds.min} to ${bounds.max}`)
  return number
}
