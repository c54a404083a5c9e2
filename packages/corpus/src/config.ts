import fs from 'node:fs/promises'
import path from 'node:path'
import {isLanguageCode, languageCodes, sourceLanguage, type TargetLanguage} from '@briefs/languages'
import {VFile} from 'vfile'
import {nodePlace, parseJson, type JsonNode} from './json.js'
import type {CorpusLayout} from './layout.js'
import {readTextFile} from './text-file.js'

/** What a rule setting can say: its severity, or `off`. */
export type RuleSetting = 'error' | 'warning' | 'off'

/** `briefs.config.json`: what makes a folder a corpus, and how it is translated and checked. */
export interface CorpusConfig {
  file: VFile
  /** The target languages, in the order the briefs show them. */
  languages: TargetLanguage[]
  /** Rule ID → setting, as written (rule IDs are checked by the checks that have them). */
  rules: Map<string, {setting: RuleSetting; keyNode: JsonNode}>
  /** The largest article read, in KiB (1024 bytes): a larger one is refused with a message. */
  maxArticleKb: number
}

/** What a corpus gets when its configuration does not say. */
export const defaultSettings: Readonly<Pick<CorpusConfig, 'maxArticleKb'>> = {maxArticleKb: 512}

export const configFileName = 'briefs.config.json'

const settings: readonly RuleSetting[] = ['error', 'warning', 'off']

/**
 * Read the corpus configuration. A folder without one is not a corpus (a
 * typo in `--corpus` must not look like an empty corpus); a malformed one
 * is fatal, at its line and column.
 */
export async function readCorpusConfig(layout: CorpusLayout): Promise<CorpusConfig> {
  const filePath = layout.configFile
  try {
    await fs.access(filePath)
  } catch {
    new VFile({path: filePath}).fail(`Unexpected folder without \`${configFileName}\`, expected a corpus: \`pnpm briefs init\` makes one (or gives an older corpus its configuration)`, {
      ruleId: 'corpus-config',
      source: 'briefs'
    })
  }
  return parseCorpusConfig(await readTextFile(filePath))
}

export function parseCorpusConfig(file: VFile, options: {languagesRequired?: boolean} = {}): CorpusConfig {
  const tree = parseJson(file)
  const fail = (node: JsonNode, reason: string): never => file.fail(reason, {place: nodePlace(file, node), ruleId: 'corpus-config', source: 'briefs'})
  if (tree.type !== 'object') fail(tree, `Unexpected ${tree.type} in \`${configFileName}\`, expected an object such as \`{"languages": ["en", "ru"]}\``)
  const config: CorpusConfig = {file, languages: [], rules: new Map(), ...defaultSettings}
  let sawLanguages = false
  for (const property of tree.children ?? []) {
    const [keyNode, valueNode] = property.children as [JsonNode, JsonNode]
    const key = keyNode.value as string
    if (key === 'languages') {
      sawLanguages = true
      if (valueNode.type !== 'array' || !valueNode.children?.length) fail(valueNode, 'Unexpected `languages`, expected a non-empty array of language codes such as `["en", "ru"]`')
      for (const item of valueNode.children ?? []) {
        const code = item.value
        if (item.type !== 'string' || !isLanguageCode(code)) {
          fail(item, `Unexpected language ${JSON.stringify(code)}, expected one of the known languages: ${languageCodes.filter((known) => known !== sourceLanguage).map((known) => `\`${known}\``).join(', ')} (a language needs a profile in \`@briefs/languages\`)`)
        }
        if (code === sourceLanguage) fail(item, `Unexpected \`${sourceLanguage}\` among the target languages, expected the languages the French is translated into`)
        if ((config.languages as string[]).includes(code)) fail(item, `Unexpected duplicate language \`${code}\`, expected each language once`)
        config.languages.push(code as TargetLanguage)
      }
    } else if (key === 'rules') {
      if (valueNode.type !== 'object') fail(valueNode, 'Unexpected `rules`, expected an object of rule ID to `"error"`, `"warning"` or `"off"`')
      for (const rule of valueNode.children ?? []) {
        const [ruleKey, ruleValue] = rule.children as [JsonNode, JsonNode]
        if (ruleValue.type !== 'string' || !settings.includes(ruleValue.value)) fail(ruleValue, `Unexpected setting ${JSON.stringify(ruleValue.value)} for \`${ruleKey.value}\`, expected \`"error"\`, \`"warning"\` or \`"off"\``)
        if (config.rules.has(ruleKey.value)) fail(ruleKey, `Unexpected duplicate rule \`${ruleKey.value}\`, expected each rule once`)
        config.rules.set(ruleKey.value, {setting: ruleValue.value as RuleSetting, keyNode: ruleKey})
      }
    } else if (key === 'maxArticleKb') {
      const problem = maxArticleKbProblem(valueNode.value)
      if (problem) fail(valueNode, problem)
      config.maxArticleKb = valueNode.value as number
    } else {
      fail(keyNode, `Unexpected field \`${key}\` in \`${configFileName}\`, expected \`languages\`, \`rules\` or \`maxArticleKb\``)
    }
  }
  if (!sawLanguages && options.languagesRequired !== false) fail(tree, `Unexpected \`${configFileName}\` without \`languages\`, expected the target languages such as \`{"languages": ["en", "ru"]}\``)
  return config
}

/**
 * The settings of the corpus at `root` that reading an article needs: the
 * defaults when there is no configuration (a file read outside a corpus).
 */
export async function readCorpusSettings(root: string): Promise<Pick<CorpusConfig, 'maxArticleKb'>> {
  const filePath = path.join(root, configFileName)
  try {
    await fs.access(filePath)
  } catch {
    return {...defaultSettings}
  }
  return {maxArticleKb: parseCorpusConfig(await readTextFile(filePath), {languagesRequired: false}).maxArticleKb}
}

/** Why a size limit is refused; `undefined` when it is a whole number of KiB from 1. */
export function maxArticleKbProblem(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return undefined
  return `Unexpected \`maxArticleKb\` ${JSON.stringify(value)}, expected a whole number of KiB from 1 (default ${defaultSettings.maxArticleKb})`
}

/** Why a `--lang` value is refused by this corpus, or `undefined` when it is one of its languages. */
export function languageProblem(config: Pick<CorpusConfig, 'languages'>, value: string): string | undefined {
  if ((config.languages as string[]).includes(value)) return undefined
  return `Unexpected language ${JSON.stringify(value)}, expected one of ${config.languages.map((lng) => `\`${lng}\``).join(', ')}`
}
