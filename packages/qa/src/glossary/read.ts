import fs from 'node:fs/promises'
import path from 'node:path'
import {fileOfError, parseJson, readTextFile, type JsonNode} from '@briefs/corpus'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import {VFileMessage} from 'vfile-message'
import {isMap, isScalar, isSeq, parseDocument, type Node as YamlNode} from 'yaml'
import {fold, isTargetLanguage, sourceLanguage, words, type TargetLanguage} from '@briefs/languages'
import type {GlossaryTerm} from './term.js'

/** The term base of a corpus, as read. */
export interface Glossary {
  /** The glossary files read (with their messages); none when the corpus has no glossary. */
  files: VFile[]
  /** The valid entries; a malformed entry is reported and left out. */
  terms: GlossaryTerm[]
}

export const glossaryFileNames = ['glossary.json', 'glossary.yaml'] as const

/** A JSON or YAML node, with where it stands. */
interface TreeNode {
  type: 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'other'
  offset: number
  length: number
  value?: unknown
  pairs?: Array<{key: string; keyNode: TreeNode; value: TreeNode}>
  items?: TreeNode[]
}


/**
 * Read `glossary.json` (or `glossary.yaml`) at the corpus root. Invalid JSON
 * or YAML, or a malformed entry, is an error message at its line and column
 * (`invalid-glossary`); the valid entries are still used. Every entry
 * gives the French and the forms in each of the corpus's `languages`.
 */
export async function readGlossary(corpusRoot: string, languages: readonly TargetLanguage[]): Promise<Glossary> {
  const present: string[] = []
  for (const name of glossaryFileNames) {
    const filePath = path.join(corpusRoot, name)
    try {
      await fs.access(filePath)
      present.push(filePath)
    } catch {
      // No glossary of this kind.
    }
  }
  const [chosen, second] = present
  if (!chosen) return {files: [], terms: []}
  let file: VFile
  try {
    file = await readTextFile(chosen)
  } catch (error) {
    return {files: [fileOfError(error, chosen)], terms: []}
  }
  const files = [file]
  if (second) {
    const other = await readTextFile(second).catch((error: unknown) => fileOfError(error, second))
    problem(other, `Unexpected second glossary \`${path.basename(second)}\`, expected one glossary (\`${path.basename(chosen)}\` is used)`, {offset: 0, length: 0, type: 'other'})
    files.push(other)
  }
  return {files, terms: parseGlossary(file, languages)}
}

/** The entries of a glossary file (JSON, or YAML when its name ends in `.yaml` or `.yml`); problems become messages on `file`. */
export function parseGlossary(file: VFile, languages: readonly TargetLanguage[]): GlossaryTerm[] {
  const tree = /\.ya?ml$/.test(file.path) ? yamlTree(file) : jsonTree(file)
  if (!tree) return []
  if (tree.type !== 'object') {
    problem(file, `Unexpected ${tree.type} in glossary, expected an object with \`terms\``, tree)
    return []
  }
  let terms: TreeNode | undefined
  for (const pair of tree.pairs ?? []) {
    if (pair.key === 'terms') terms = pair.value
    else problem(file, `Unexpected field \`${pair.key}\` in glossary, expected only \`terms\``, pair.keyNode)
  }
  if (!terms || terms.type !== 'array') {
    problem(file, `Unexpected glossary without a \`terms\` list, expected \`{"terms": [{"fr": …, "en": …, "ru": …}]}\``, terms ?? tree)
    return []
  }
  const seen = new Map<string, string>()
  const entries: GlossaryTerm[] = []
  for (const item of terms.items ?? []) {
    const entry = glossaryEntry(file, item, seen, languages)
    if (entry) entries.push(entry)
  }
  return entries
}

function glossaryEntry(file: VFile, item: TreeNode, seen: Map<string, string>, languages: readonly TargetLanguage[]): GlossaryTerm | undefined {
  if (item.type !== 'object') {
    problem(file, `Unexpected ${item.type} in \`terms\`, expected an entry such as \`{"fr": "Poutine", "en": "Putin", "ru": "Путин"}\``, item)
    return undefined
  }
  let valid = true
  const entry: Partial<GlossaryTerm> & {forms: Map<TargetLanguage, string[]>} = {forms: new Map()}
  for (const pair of item.pairs ?? []) {
    if (pair.key !== sourceLanguage && pair.key !== 'note' && !isTargetLanguage(pair.key)) {
      problem(file, `Unexpected field \`${pair.key}\` in a glossary entry, expected ${[sourceLanguage, ...languages, 'note'].map((field) => `\`${field}\``).join(', ')}`, pair.keyNode)
      valid = false
      continue
    }
    if (pair.key === 'note') {
      if (pair.value.type !== 'string') {
        problem(file, `Unexpected ${pair.value.type} for \`note\`, expected a string`, pair.value)
        valid = false
      } else {
        entry.note = pair.value.value as string
      }
      continue
    }
    const forms = termForms(file, pair.key, pair.value)
    if (!forms) valid = false
    else if (pair.key === sourceLanguage) entry.fr = forms
    else entry.forms.set(pair.key as TargetLanguage, forms)
  }
  if (!entry.fr && !(item.pairs ?? []).some((pair) => pair.key === sourceLanguage)) {
    problem(file, 'Unexpected glossary entry without `fr`, expected the French term in `fr`', item)
    valid = false
  }
  for (const lng of languages) {
    if (!entry.forms.has(lng) && !(item.pairs ?? []).some((pair) => pair.key === lng)) {
      problem(file, `Unexpected glossary entry without \`${lng}\`, expected the established form in \`${lng}\``, item)
      valid = false
    }
  }
  if (!valid) return undefined
  const frenchNode = item.pairs!.find((pair) => pair.key === sourceLanguage)!.value
  for (const form of entry.fr!) {
    const key = words(form, sourceLanguage)
      .map((word) => fold(word.text, sourceLanguage))
      .join(' ')
    const previous = seen.get(key)
    if (previous !== undefined) {
      problem(file, `Unexpected duplicate French term \`${form}\`, expected each term once (already in the entry for \`${previous}\`)`, frenchNode)
      return undefined
    }
  }
  for (const form of entry.fr!) {
    seen.set(
      words(form, sourceLanguage)
        .map((word) => fold(word.text, sourceLanguage))
        .join(' '),
      entry.fr![0]!
    )
  }
  return entry as GlossaryTerm
}

function termForms(file: VFile, lng: string, node: TreeNode): string[] | undefined {
  const nodes = node.type === 'array' ? (node.items ?? []) : [node]
  if (node.type === 'array' && nodes.length === 0) {
    problem(file, `Unexpected empty list for \`${lng}\`, expected at least one form`, node)
    return undefined
  }
  const forms: string[] = []
  for (const formNode of nodes) {
    if (formNode.type !== 'string') {
      problem(file, `Unexpected ${formNode.type} for \`${lng}\`, expected a string or a list of strings`, formNode)
      return undefined
    }
    const form = formNode.value as string
    if (form.trim() !== form || !/\p{L}/u.test(form)) {
      problem(file, `Unexpected form ${JSON.stringify(form)} for \`${lng}\`, expected words without surrounding spaces`, formNode)
      return undefined
    }
    forms.push(form)
  }
  return forms
}

function placeOf(file: VFile, node: TreeNode) {
  const place = location(file)
  const start = place.toPoint(node.offset)
  const end = place.toPoint(node.offset + node.length)
  return start && end && node.length > 0 ? {start, end} : start
}

function problem(file: VFile, reason: string, node: TreeNode): void {
  const message = file.message(reason, {place: placeOf(file, node), ruleId: 'invalid-glossary', source: 'briefs'})
  // An error that does not stop the checks (unified's convention: fatal, not thrown).
  message.fatal = true
}

function jsonTree(file: VFile): TreeNode | undefined {
  let tree: JsonNode
  try {
    tree = parseJson(file)
  } catch (error) {
    if (!(error instanceof VFileMessage)) throw error
    // A glossary that cannot be read is a glossary problem, whatever the reason.
    error.ruleId = 'invalid-glossary'
    return undefined
  }
  return fromJson(tree)
}

function fromJson(node: JsonNode): TreeNode {
  const base = {offset: node.offset, length: node.length}
  switch (node.type) {
    case 'object':
      return {
        ...base,
        type: 'object',
        pairs: (node.children ?? []).flatMap((property) => {
          const [key, value] = property.children ?? []
          return key && value ? [{key: String(key.value), keyNode: fromJson(key), value: fromJson(value)}] : []
        })
      }
    case 'array':
      return {...base, type: 'array', items: (node.children ?? []).map(fromJson)}
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return {...base, type: node.type, value: node.value}
    default:
      return {...base, type: 'other'}
  }
}

function yamlTree(file: VFile): TreeNode | undefined {
  const document = parseDocument(String(file.value), {prettyErrors: false, uniqueKeys: true})
  for (const error of document.errors) {
    problem(file, `Unexpected YAML: ${error.message.replace(/\s+at line \d+, column \d+.*$/s, '')}, expected valid YAML`, {type: 'other', offset: error.pos[0], length: 0})
  }
  if (document.errors.length > 0) return undefined
  return document.contents ? fromYaml(document.contents) : {type: 'null', offset: 0, length: 0}
}

function fromYaml(node: YamlNode): TreeNode {
  const [start, end] = node.range ?? [0, 0]
  const base = {offset: start, length: end - start}
  if (isMap(node)) {
    return {
      ...base,
      type: 'object',
      pairs: node.items.flatMap((pair) => {
        const key = pair.key
        if (!isScalar(key)) return []
        const value = pair.value as YamlNode | null
        return [{key: String(key.value), keyNode: fromYaml(key), value: value ? fromYaml(value) : {type: 'null' as const, offset: key.range?.[1] ?? start, length: 0}}]
      })
    }
  }
  if (isSeq(node)) return {...base, type: 'array', items: node.items.map((item) => fromYaml(item as YamlNode))}
  if (isScalar(node)) {
    const value = node.value
    const type = typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : value === null ? 'null' : 'other'
    return {...base, type, value}
  }
  return {...base, type: 'other'}
}
