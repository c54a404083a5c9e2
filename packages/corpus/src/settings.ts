import fs from 'node:fs/promises'
import path from 'node:path'
import {nodePlace, parseJson, type JsonNode} from './json.js'
import {readTextFile} from './text-file.js'

/** The corpus settings this package reads from `briefs.config.json`. */
export interface CorpusSettings {
  /** The largest article read, in KiB (1024 bytes): a larger one is refused with a message. */
  maxArticleKb: number
}

export const configFileName = 'briefs.config.json'

export const defaultSettings: Readonly<CorpusSettings> = {maxArticleKb: 512}

/**
 * The settings of the corpus at `root`: `maxArticleKb` from
 * `briefs.config.json`, the defaults when the file or the key is absent.
 * Other keys are left to their readers. Invalid JSON or a wrong value is
 * fatal at its place.
 */
export async function readCorpusSettings(root: string): Promise<CorpusSettings> {
  const filePath = path.join(root, configFileName)
  try {
    await fs.access(filePath)
  } catch {
    return {...defaultSettings}
  }
  const file = await readTextFile(filePath)
  const tree = parseJson(file)
  const settings = {...defaultSettings}
  if (tree.type !== 'object') file.fail(`Unexpected ${tree.type}, expected an object of settings`, {place: nodePlace(file, tree), ruleId: 'config', source: 'briefs'})
  const value: JsonNode | undefined = tree.children?.find((property) => property.children?.[0]?.value === 'maxArticleKb')?.children?.[1]
  if (value) {
    const problem = maxArticleKbProblem(value.value)
    if (problem) file.fail(problem, {place: nodePlace(file, value), ruleId: 'config', source: 'briefs'})
    settings.maxArticleKb = value.value as number
  }
  return settings
}

/** Why a size limit is refused; `undefined` when it is a whole number of KiB from 1. */
export function maxArticleKbProblem(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return undefined
  return `Unexpected \`maxArticleKb\` ${JSON.stringify(value)}, expected a whole number of KiB from 1 (default ${defaultSettings.maxArticleKb})`
}
