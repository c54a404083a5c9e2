import type {Bitext} from './bitext.js'
import {fingerprint} from './fingerprint.js'
import {stringifyOrigins, type UnitOrigin} from './origins.js'

/** A translation a tool gives a unit (a CAT tool's file, a memory match, an alignment). */
export interface Draft {
  /** The unit's key in the bitext (`s-5cf5ba`, `s-54420e+s-8db492`, `title`). */
  key: string
  /** The translation, inline Markdown, as it goes into the resource. */
  target: string
  /** Where it came from; its `target` fingerprint is the draft's. */
  origin?: Omit<UnitOrigin, 'target'>
}

/** The new texts of the files drafts change. */
export interface DraftFiles {
  /** `locales/<lng>/<id>.json`: every key in its place, values replaced, new keys in document order; 2-space JSON. */
  resource: string
  /** `origins/<lng>/<id>.json` with the drafts' origins set, in document order; `undefined` when no draft has one (the file is left alone). */
  origins: string | undefined
}

/**
 * The resource and origins of a bitext with these translations written as
 * drafts. Pure: the caller writes the files (all at once). The review ledger
 * is not a file here: a translation that changes is no longer the approved
 * one, whatever the ledger says, so it needs a reviewer again.
 *
 * The resource keeps its keys in their order and every value it does not
 * change byte for byte (after JSON escaping); a new key goes right after
 * the nearest unit before it in the document that the resource has (first
 * when there is none), so a resource in document order stays so. Keys the article does not use stay where they are.
 *
 * Throws on a key that is not a unit of the bitext (a bug of the caller),
 * and, through `file.fail`, when the origins file has entries that could
 * not be read: writing it again would lose them.
 */
export function withDrafts(bitext: Bitext, drafts: readonly Draft[]): DraftFiles {
  const position = new Map(bitext.units.map((unit, index) => [unit.key, index]))
  const byKey = new Map<string, Draft>()
  for (const draft of drafts) {
    if (!position.has(draft.key)) throw new Error(`Unexpected draft for \`${draft.key}\`, expected a translation unit of \`${bitext.article.id}\``)
    if (byKey.has(draft.key)) throw new Error(`Unexpected second draft for \`${draft.key}\`, expected one per unit`)
    byKey.set(draft.key, draft)
  }

  const entries: Array<[string, string]> = [...(bitext.resource?.entries ?? new Map())].map(([key, entry]) => [key, byKey.get(key)?.target ?? entry.value])
  const present = new Set(entries.map(([key]) => key))
  const added = [...byKey.values()].filter((draft) => !present.has(draft.key)).sort((a, b) => position.get(a.key)! - position.get(b.key)!)
  for (const draft of added) {
    const at = position.get(draft.key)!
    let insertAt = 0
    for (let index = at - 1; index >= 0; index--) {
      const where = entries.findIndex(([key]) => key === bitext.units[index]!.key)
      if (where !== -1) {
        insertAt = where + 1
        break
      }
    }
    entries.splice(insertAt, 0, [draft.key, draft.target])
  }

  let origins: string | undefined
  const withOrigin = [...byKey.values()].filter((draft) => draft.origin)
  if (withOrigin.length > 0) {
    const file = bitext.origins.file
    if (file?.messages.some((message) => message.fatal === true)) {
      file.fail('Unexpected invalid entries in origins, expected every entry readable before a tool writes drafts (writing the file again would lose them)', {ruleId: 'invalid-origins', source: 'briefs'})
    }
    const merged = new Map(bitext.origins.entries)
    for (const draft of withOrigin) merged.set(draft.key, {...draft.origin!, target: fingerprint(draft.target)})
    origins = stringifyOrigins(merged, bitext.units.map((unit) => unit.key))
  }
  return {resource: stringifyEntries(entries), origins}
}

/**
 * A flat resource as JSON, its keys in the order given: `JSON.stringify` of
 * an object would move keys that read as integers to the front.
 */
export function stringifyEntries(entries: ReadonlyArray<readonly [string, string]>): string {
  if (entries.length === 0) return '{}\n'
  return `{\n${entries.map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(',\n')}\n}\n`
}
