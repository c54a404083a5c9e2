import fs from 'node:fs/promises'
import {jsonValue, nodePlace, parseJson, readTextFile, stringifyJson, writeFileAtomic, type JsonNode} from '@briefs/corpus'
import type {VFile} from 'vfile'
import {fingerprintPattern} from './fingerprint.js'

/**
 * Where a draft translation came from when no one typed it into the
 * resource: a translation-memory match (`briefs pretranslate`), a CAT tool's
 * file (`briefs xliff import`), or a document aligned automatically
 * (`briefs import`). The reviewer sees it beside the draft ("TM 87 % from
 * article X", "aligned, confidence 0.62").
 */
export interface UnitOrigin {
  via: 'memory' | 'xliff' | 'alignment'
  /** Fingerprint of the translation it gave: once the text is edited, the origin no longer speaks of it. */
  target: string
  /** `YYYY-MM-DD`. */
  date: string
  /** A memory match's score (0–101), or an alignment's confidence (0–1). */
  score?: number
  /** Where from: the memory unit (`<article>#<segment>`, or a TMX file), the file imported. */
  from?: string
  /** What else the reviewer should know: numbers substituted, a low confidence. */
  note?: string
}

/** The origins of an article's drafts in one language: `origins/<lng>/<id>.json`, unit key → origin, in document order. */
export interface Origins {
  file: VFile | undefined
  entries: Map<string, UnitOrigin>
}

const vias: ReadonlyArray<UnitOrigin['via']> = ['memory', 'xliff', 'alignment']
const datePattern = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/

/** Read an origins file; none yet is empty. Invalid JSON is fatal; a malformed entry is an error message at its place and is left out. */
export async function readOrigins(filePath: string): Promise<Origins> {
  try {
    await fs.access(filePath)
  } catch {
    return {file: undefined, entries: new Map()}
  }
  const file = await readTextFile(filePath)
  return {file, entries: originEntries(file, parseJson(file))}
}

export function originEntries(file: VFile, tree: JsonNode): Map<string, UnitOrigin> {
  const entries = new Map<string, UnitOrigin>()
  const problem = (node: JsonNode, reason: string) => {
    const message = file.message(reason, {place: nodePlace(file, node), ruleId: 'invalid-origins', source: 'briefs'})
    message.fatal = true
  }
  if (tree.type !== 'object') {
    file.fail(`Unexpected ${tree.type} in origins, expected an object of unit key to origin`, {place: nodePlace(file, tree), ruleId: 'invalid-origins', source: 'briefs'})
  }
  for (const property of tree.children ?? []) {
    const [keyNode, valueNode] = property.children as [JsonNode, JsonNode]
    const key = keyNode.value as string
    const value = jsonValue(valueNode) as Partial<Record<keyof UnitOrigin, unknown>> | null
    if (entries.has(key)) {
      problem(keyNode, `Unexpected duplicate origin of \`${key}\`, expected each unit once`)
      continue
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problem(valueNode, `Unexpected ${valueNode.type} for \`${key}\`, expected an object with \`via\`, \`target\` and \`date\``)
      continue
    }
    const {via, target, date, score, from, note} = value
    if (!vias.includes(via as UnitOrigin['via']) || typeof target !== 'string' || !fingerprintPattern.test(target) || typeof date !== 'string' || !datePattern.test(date)) {
      problem(valueNode, `Unexpected origin of \`${key}\`, expected \`via\` (${vias.map((each) => `\`${each}\``).join(', ')}), a \`target\` fingerprint and a \`date\` (YYYY-MM-DD)`)
      continue
    }
    if ((score !== undefined && typeof score !== 'number') || (from !== undefined && typeof from !== 'string') || (note !== undefined && typeof note !== 'string')) {
      problem(valueNode, `Unexpected origin of \`${key}\`, expected a number \`score\`, a string \`from\` and \`note\` when given`)
      continue
    }
    entries.set(key, {via: via as UnitOrigin['via'], target, date, ...(score === undefined ? {} : {score}), ...(from === undefined ? {} : {from}), ...(note === undefined ? {} : {note})})
  }
  return entries
}

/** Origins as written: in document order (`order`), then any other, 2-space JSON. */
export function stringifyOrigins(entries: ReadonlyMap<string, UnitOrigin>, order: readonly string[]): string {
  const out = new Map<string, UnitOrigin>()
  for (const key of [...order, ...entries.keys()]) {
    const entry = entries.get(key)
    if (!entry || out.has(key)) continue
    const {via, target, date, score, from, note} = entry
    out.set(key, {via, target, date, ...(score === undefined ? {} : {score}), ...(from === undefined ? {} : {from}), ...(note === undefined ? {} : {note})})
  }
  return stringifyJson(Object.fromEntries(out))
}

export async function writeOrigins(filePath: string, entries: ReadonlyMap<string, UnitOrigin>, order: readonly string[]): Promise<void> {
  await writeFileAtomic(filePath, stringifyOrigins(entries, order))
}

/** How an origin reads for a reviewer: `TM 87 % from 2022-10-x#s-1a2b3c`, `aligned from delivery.docx, confidence 0.62`. */
export function describeOrigin(origin: UnitOrigin): string {
  const from = origin.from ? ` from ${origin.from}` : ''
  const note = origin.note ? ` (${origin.note})` : ''
  switch (origin.via) {
    case 'memory':
      return `TM ${origin.score ?? '?'} %${from}${note}`
    case 'xliff':
      return `CAT tool${from}${note}`
    case 'alignment':
      return `aligned${from}${origin.score === undefined ? '' : `, confidence ${origin.score.toFixed(2)}`}${note}`
  }
}
