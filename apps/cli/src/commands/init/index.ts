import fs from 'node:fs/promises'
import path from 'node:path'
import {configFileName, corpusLayout, isTargetLanguage, stringifyJson, writeFileAtomic, type TargetLanguage} from '@briefs/corpus'
import {languageCodes} from '@briefs/languages'
import {parse, noPositionals} from '../../args.js'
import {findCorpus, type Context} from '../../context.js'
import {InputError, UsageError} from '../../errors.js'

export const usage = `Usage: briefs init [--lang <lng>...] [--corpus <dir>]

Make a folder a corpus, or give a corpus made before briefs.config.json
existed its configuration: write ${configFileName} with the target
languages (--lang, repeatable; default: the languages corpus/locales/
already has) and create articles/, segments/, locales/<lng>/ and
reviews/<lng>/. An existing configuration is never overwritten: edit it.

  --lang <lng>     a target language (known: ${languageCodes.filter(isTargetLanguage).join(', ')})
  --corpus <dir>   corpus folder (default: the nearest ./corpus)`

export async function init(argv: string[], context: Context): Promise<number> {
  const {values, positionals} = parse(argv, {lang: {type: 'string', multiple: true}, corpus: {type: 'string'}}, usage)
  noPositionals(positionals, usage)
  const layout = corpusLayout(findCorpus(context, values.corpus))
  const shown = path.relative(context.cwd, layout.configFile) || configFileName
  if (await exists(layout.configFile)) throw new InputError(`Unexpected existing \`${shown}\`, expected a corpus without configuration: edit it to change its languages`, [])

  const found = await localeLanguages(layout.root)
  const languages = values.lang ?? found
  for (const lng of languages) {
    if (!isTargetLanguage(lng)) throw new UsageError(`Unexpected language ${JSON.stringify(lng)}, expected one of ${languageCodes.filter(isTargetLanguage).map((code) => `\`${code}\``).join(', ')}`)
  }
  if (languages.length === 0) throw new UsageError(`Missing --lang: \`${path.relative(context.cwd, path.join(layout.root, 'locales')) || 'locales'}\` has no language to take them from\n\n${usage}`)
  if (new Set(languages).size !== languages.length) throw new UsageError('Unexpected language given twice, expected each once')

  for (const folder of ['articles', 'segments', ...languages.flatMap((lng) => [path.join('locales', lng), path.join('reviews', lng)])]) {
    await fs.mkdir(path.join(layout.root, folder), {recursive: true})
  }
  await writeFileAtomic(layout.configFile, stringifyJson({languages}))
  context.stdout.write(`${shown}: a corpus translated into ${languages.join(', ')}; commit it\n`)
  return 0
}

/** The target languages a corpus already has resources for, in the order briefs knows them. */
async function localeLanguages(root: string): Promise<TargetLanguage[]> {
  let names: string[]
  try {
    names = await fs.readdir(path.join(root, 'locales'))
  } catch {
    return []
  }
  return languageCodes.filter((code): code is TargetLanguage => isTargetLanguage(code) && names.includes(code))
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false
  )
}
