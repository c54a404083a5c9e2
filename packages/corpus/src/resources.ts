import fs from 'node:fs/promises'
import type {VFile} from 'vfile'
import {nodePlace, parseJson, type JsonNode} from './json.js'
import type {TargetLanguage} from './languages.js'
import type {CorpusLayout} from './layout.js'
import {readTextFile} from './text-file.js'

/** One translation in a resource file, with where it stands. */
export interface ResourceEntry {
  value: string
  /** The key's node, to point messages at. */
  keyNode: JsonNode
  valueNode: JsonNode
}

/** An i18next resource: the translations of one article into one language. */
export interface Resource {
  lng: TargetLanguage
  /** The i18next namespace: the article ID. */
  namespace: string
  file: VFile
  /** Segment ID → translation, in file order. */
  entries: Map<string, ResourceEntry>
}

/**
 * Read `locales/<lng>/<id>.json`: a flat JSON object of segment ID →
 * string. `undefined` when the file does not exist (nothing translated
 * yet). Invalid JSON, nesting, non-string values and duplicate keys are
 * fatal, at their line and column.
 */
export async function readResource(layout: CorpusLayout, lng: TargetLanguage, id: string): Promise<Resource | undefined> {
  const filePath = layout.resourceFile(lng, id)
  try {
    await fs.access(filePath)
  } catch {
    return undefined
  }
  const file = await readTextFile(filePath)
  return {lng, namespace: id, file, entries: resourceEntries(file, parseJson(file))}
}

export function resourceEntries(file: VFile, tree: JsonNode): Map<string, ResourceEntry> {
  const fail = (node: JsonNode, reason: string): never => {
    file.fail(reason, {place: nodePlace(file, node), ruleId: 'invalid-resource', source: 'briefs'})
  }
  if (tree.type !== 'object') fail(tree, `Unexpected ${tree.type} in resource, expected an object of segment ID to translation`)
  const entries = new Map<string, ResourceEntry>()
  for (const property of tree.children ?? []) {
    const [keyNode, valueNode] = property.children ?? []
    if (!keyNode || !valueNode) fail(property, 'Unexpected incomplete entry, expected `"segment-id": "translation"`')
    const key = keyNode!.value as string
    if (key === '__proto__') fail(keyNode!, 'Unexpected key `__proto__`, expected a segment ID')
    if (entries.has(key)) fail(keyNode!, `Unexpected duplicate key \`${key}\`, expected each segment once`)
    if (valueNode!.type !== 'string') {
      fail(valueNode!, `Unexpected ${valueNode!.type} for \`${key}\`, expected a string (resources are flat: one translation per segment ID)`)
    }
    entries.set(key, {value: valueNode!.value as string, keyNode: keyNode!, valueNode: valueNode!})
  }
  return entries
}
