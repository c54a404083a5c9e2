import fs from 'node:fs/promises'
import {jsonValue, nodePlace, parseJson, readTextFile, stringifyJson, writeFileAtomic, type JsonNode} from '@briefs/corpus'
import type {VFile} from 'vfile'
import {fingerprint, fingerprintPattern} from './fingerprint.js'

/** One approval of a translation unit: what was approved, by whom, when. */
export interface LedgerEntry {
  /** Fingerprint of the French text approved (the unit's sentences joined by spaces). */
  source: string
  /** Fingerprint of the translation approved. */
  target: string
  reviewer: string
  /** `YYYY-MM-DD`. */
  date: string
  /** The French text approved, so that a later edit can be shown as a diff. */
  text: string
  /** Why it was approved although the checks found an error in it (`review approve --override`). */
  override?: string
}

/** A ledger as read: valid entries in file order, with where they stand. */
export interface Ledger {
  /** `undefined` when there is no ledger file yet. */
  file: VFile | undefined
  entries: Map<string, {entry: LedgerEntry; keyNode?: JsonNode}>
  /** Entries left out (malformed, or for a unit the resource no longer has), kept as written so a rewrite loses nothing. */
  others: Map<string, unknown>
}

const datePattern = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/
const fields = ['source', 'target', 'reviewer', 'date', 'text'] as const

/**
 * Why an approval's key is not counted, or `undefined` when the key is a
 * translation unit of the resource (or an untranslated segment).
 */
export type UnknownKey = (key: string) => string | undefined

/**
 * Read `reviews/<lng>/<id>.json`, keyed by translation unit. Invalid JSON is
 * fatal; a malformed entry (missing field, bad fingerprint or date, a
 * `source` fingerprint that does not match its own `text`) is an error
 * message at its line and column and is left out: it never counts as
 * reviewed. An approval of a unit the resource does not have is a warning
 * and is kept as written.
 */
export async function readLedger(filePath: string, unknownKey: UnknownKey): Promise<Ledger> {
  return parseLedger(await readLedgerFile(filePath), unknownKey)
}

/** The ledger file, `undefined` when there is none yet. */
export async function readLedgerFile(filePath: string): Promise<VFile | undefined> {
  try {
    await fs.access(filePath)
  } catch {
    return undefined
  }
  return readTextFile(filePath)
}

/** A ledger from its file (`undefined`: no approvals yet). */
export function parseLedger(file: VFile | undefined, unknownKey: UnknownKey): Ledger {
  if (!file) return {file: undefined, entries: new Map(), others: new Map()}
  return {file, ...ledgerEntries(file, parseJson(file), unknownKey)}
}

export function ledgerEntries(file: VFile, tree: JsonNode, unknownKey: UnknownKey): Omit<Ledger, 'file'> {
  const entries: Ledger['entries'] = new Map()
  const others: Ledger['others'] = new Map()
  const problem = (node: JsonNode, reason: string) => {
    // An error that does not stop the reading (unified's convention: fatal, not thrown).
    const message = file.message(reason, {place: nodePlace(file, node), ruleId: 'invalid-ledger', source: 'briefs'})
    message.fatal = true
  }
  if (tree.type !== 'object') {
    file.fail(`Unexpected ${tree.type} in review ledger, expected an object of segment ID to approval`, {place: nodePlace(file, tree), ruleId: 'invalid-ledger', source: 'briefs'})
  }
  for (const property of tree.children ?? []) {
    const [keyNode, valueNode] = property.children ?? []
    if (!keyNode || !valueNode) continue
    const id = keyNode.value as string
    if (entries.has(id) || others.has(id)) {
      problem(keyNode, `Unexpected duplicate approval of \`${id}\`, expected each segment once`)
      continue
    }
    others.set(id, jsonValue(valueNode))
    const unknown = unknownKey(id)
    if (unknown !== undefined) {
      file.message(unknown, {
        place: nodePlace(file, keyNode),
        ruleId: 'orphan-approval',
        source: 'briefs'
      })
      continue
    }
    if (valueNode.type !== 'object') {
      problem(valueNode, `Unexpected ${valueNode.type} for \`${id}\`, expected an object with ${fields.map((field) => `\`${field}\``).join(', ')}`)
      continue
    }
    const values: Partial<Record<(typeof fields)[number], string>> = {}
    let valid = true
    for (const field of fields) {
      const node = valueNode.children?.find((child) => child.children?.[0]?.value === field)?.children?.[1]
      if (!node || node.type !== 'string' || node.value === '') {
        problem(node ?? valueNode, `Unexpected ${node ? node.type : 'missing'} \`${field}\` in approval of \`${id}\`, expected a non-empty string`)
        valid = false
        continue
      }
      values[field] = node.value as string
      if ((field === 'source' || field === 'target') && !fingerprintPattern.test(node.value)) {
        problem(node, `Unexpected fingerprint ${JSON.stringify(node.value)} in approval of \`${id}\`, expected 16 hex digits`)
        valid = false
      }
      if (field === 'date' && !datePattern.test(node.value)) {
        problem(node, `Unexpected date ${JSON.stringify(node.value)} in approval of \`${id}\`, expected \`YYYY-MM-DD\``)
        valid = false
      }
    }
    const overrideNode = valueNode.children?.find((child) => child.children?.[0]?.value === 'override')?.children?.[1]
    if (overrideNode && (overrideNode.type !== 'string' || String(overrideNode.value).trim() === '')) {
      problem(overrideNode, `Unexpected ${overrideNode.type} \`override\` in approval of \`${id}\`, expected the reason as a non-empty string`)
      valid = false
    }
    if (!valid) continue
    const entry: LedgerEntry = {...(values as LedgerEntry), ...(overrideNode ? {override: overrideNode.value as string} : {})}
    if (fingerprint(entry.text) !== entry.source) {
      const node = valueNode.children?.find((child) => child.children?.[0]?.value === 'source')?.children?.[1] ?? valueNode
      problem(node, `Unexpected \`source\` fingerprint of \`${id}\` that does not match its approved \`text\`, expected ${fingerprint(entry.text)} (hand-edited ledger?)`)
      continue
    }
    others.delete(id)
    entries.set(id, {entry, keyNode})
  }
  return {entries, others}
}

/**
 * The ledger as written: approvals in document order (`order`), then any
 * entry for a segment no longer in the article, as it was; 2-space JSON.
 */
export function stringifyLedger(entries: ReadonlyMap<string, LedgerEntry>, order: readonly string[], others: ReadonlyMap<string, unknown> = new Map()): string {
  // A Map, then `Object.fromEntries`: a key such as `__proto__` stays a plain key.
  const out = new Map<string, unknown>()
  for (const id of [...order, ...entries.keys()]) {
    const entry = entries.get(id)
    if (!entry || out.has(id)) continue
    const {source, target, reviewer, date, text, override} = entry
    out.set(id, {source, target, reviewer, date, text, ...(override === undefined ? {} : {override})})
  }
  for (const [id, value] of others) if (!out.has(id)) out.set(id, value)
  return stringifyJson(Object.fromEntries(out))
}

export async function writeLedger(filePath: string, entries: ReadonlyMap<string, LedgerEntry>, order: readonly string[], others?: ReadonlyMap<string, unknown>): Promise<void> {
  await writeFileAtomic(filePath, stringifyLedger(entries, order, others))
}
