import type {Root, Yaml} from 'mdast'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {isMap, isScalar, parseDocument, type Document} from 'yaml'
import {articleIdProblem} from './ids.js'
import {sourceLanguage} from './languages.js'

/** Where an article came from, as recorded by ingest. */
export interface ArticleSource {
  /** File name as received. */
  file?: string
  /** `raw` (a ` date YYYY-MM ` header, then text) or `markdown`. */
  format?: string
  /** SHA-256 of the file as received. */
  sha256?: string
  /** URL of the original publication, when known. */
  url?: string
  /** The publication the desk credits (`Reuters`, `AFP`): the only source readers see. */
  name?: string
}

/** An article's front matter. */
export interface ArticleMeta {
  id: string
  /** `YYYY-MM` or `YYYY-MM-DD`. */
  date: string
  lang: typeof sourceLanguage
  title: string
  source?: ArticleSource
}

declare module 'vfile' {
  interface DataMap {
    /** The validated front matter, set by `remarkArticleMatter`. */
    matter: ArticleMeta
  }
}

export const datePattern = /^\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?$/

/**
 * Why a date is refused; `undefined` for `YYYY-MM` or `YYYY-MM-DD` naming a
 * day that exists (`2022-02-30` would be published as March).
 */
export function dateProblem(date: string, expected = '`YYYY-MM` or `YYYY-MM-DD`'): string | undefined {
  if (!datePattern.test(date)) return `Unexpected date ${JSON.stringify(date)}, expected ${expected}`
  const [year, month, day] = date.split('-').map(Number) as [number, number, number | undefined]
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31
  if (day !== undefined && day > days) return `Unexpected date ${JSON.stringify(date)}, expected a day that exists (${date.slice(0, 7)} has ${days} days)`
  return undefined
}

const sourceKeys = ['file', 'format', 'sha256', 'url', 'name'] as const

/**
 * Validate the YAML front matter of an article and store it in
 * `file.data.matter`. Every problem is fatal and points into the YAML.
 */
export default function remarkArticleMatter() {
  return function (tree: Root, file: VFile): undefined {
    const yamlNode = tree.children.find((node): node is Yaml => node.type === 'yaml')
    if (!yamlNode || tree.children[0] !== yamlNode) {
      fail(file, 'Unexpected article without front matter, expected YAML front matter (`---`) with `id`, `date`, `lang` and `title`', 0)
    }
    file.data.matter = readMatter(yamlNode.value, file, (yamlNode.position?.start.offset ?? 0) + 4)
  }
}

/** Parse and validate front matter text that starts at `base` in `file`. */
export function readMatter(value: string, file: VFile, base: number): ArticleMeta {
  const document: Document = parseDocument(value, {prettyErrors: false, uniqueKeys: true})
  const error = document.errors[0]
  if (error) fail(file, `Unexpected YAML: ${error.message.split('\n')[0]}`, base + error.pos[0])
  const contents = document.contents
  if (!isMap(contents)) fail(file, 'Unexpected front matter, expected a YAML mapping with `id`, `date`, `lang` and `title`', base)

  const stringField = (key: string, required: boolean): string | undefined => {
    const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === key)
    if (!pair) {
      if (required) fail(file, `Unexpected front matter without \`${key}\`, expected \`${key}\``, base)
      return undefined
    }
    const node = pair.value
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
      const offset = base + (isScalar(node) || isMap(node) ? (node.range?.[0] ?? 0) : 0)
      fail(file, `Unexpected \`${key}\` value, expected a non-empty string`, offset)
    }
    return node.value as string
  }

  const id = stringField('id', true)!
  const idProblem = articleIdProblem(id)
  if (idProblem) fail(file, idProblem, base + rangeOf(contents, 'id'))
  const date = stringField('date', true)!
  const problem = dateProblem(date)
  if (problem) fail(file, problem, base + rangeOf(contents, 'date'))
  const lang = stringField('lang', true)!
  if (lang !== sourceLanguage) fail(file, `Unexpected language ${JSON.stringify(lang)}, expected \`${sourceLanguage}\` (articles are French)`, base + rangeOf(contents, 'lang'))
  const title = stringField('title', true)!

  const meta: ArticleMeta = {id, date, lang: sourceLanguage, title}
  const sourcePair = contents.items.find((item) => isScalar(item.key) && item.key.value === 'source')
  if (sourcePair) {
    const source = sourcePair.value
    if (!isMap(source)) fail(file, 'Unexpected `source`, expected a mapping with `name`, `url`, `file`, `format` or `sha256`', base + rangeOf(contents, 'source'))
    const record: ArticleSource = {}
    for (const item of source.items) {
      const key = isScalar(item.key) ? String(item.key.value) : ''
      const offset = base + ((isScalar(item.key) && item.key.range?.[0]) || 0)
      if (!(sourceKeys as readonly string[]).includes(key)) fail(file, `Unexpected \`source.${key}\`, expected one of ${sourceKeys.map((k) => `\`${k}\``).join(', ')}`, offset)
      if (!isScalar(item.value) || typeof item.value.value !== 'string') fail(file, `Unexpected \`source.${key}\` value, expected a string`, offset)
      if (key === 'name') {
        const problem = sourceNameProblem(item.value.value as string)
        if (problem) fail(file, problem, base + (item.value.range?.[0] ?? 0))
      }
      record[key as (typeof sourceKeys)[number]] = item.value.value as string
    }
    meta.source = record
  }
  for (const item of contents.items) {
    const key = isScalar(item.key) ? String(item.key.value) : ''
    if (!['id', 'date', 'lang', 'title', 'source'].includes(key)) {
      file.message(`Unexpected front matter field \`${key}\`, expected \`id\`, \`date\`, \`lang\`, \`title\` or \`source\``, {
        place: location(file).toPoint(base + ((isScalar(item.key) && item.key.range?.[0]) || 0)),
        ruleId: 'front-matter',
        source: 'briefs'
      })
    }
  }
  return meta
}

/** At most this many characters in `source.name`: a publication's name, not a sentence. */
export const maxSourceNameLength = 80

/**
 * Why `name` cannot be the publication readers see credited, if it cannot:
 * one line of text, not blank, no control characters, at most 80 characters.
 */
export function sourceNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'Unexpected empty `source.name`, expected the name of the publication (such as `AFP` or `Reuters`)'
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name)) return 'Unexpected control character or line break in `source.name`, expected one line of text (such as `AFP` or `Reuters`)'
  if (name !== name.trim()) return 'Unexpected white space around `source.name`, expected the name alone (such as `AFP` or `Reuters`)'
  if ([...name].length > maxSourceNameLength) return `Unexpected \`source.name\` of ${[...name].length} characters, expected at most ${maxSourceNameLength} (the name of the publication)`
  return undefined
}

function rangeOf(contents: {items: Array<{key: unknown; value: unknown}>}, key: string): number {
  const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === key)
  const value = pair?.value
  return (isScalar(value) && value.range?.[0]) || 0
}

function fail(file: VFile, reason: string, offset: number): never {
  file.fail(reason, {place: location(file).toPoint(offset), ruleId: 'front-matter', source: 'briefs'})
}
