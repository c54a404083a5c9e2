import fs from 'node:fs'
import path from 'node:path'
import {bitextFromFiles, type Bitext, type TranslationUnit} from '@briefs/bitext'
import {
  articleReadOptions,
  checkedArticle,
  corpusLayout,
  nodePlace,
  readFileBytesSync,
  segmentMapOf,
  serializeError,
  serializeFiles,
  textFile,
  Translations,
  type Article,
  type CorpusLayout,
  type ErrorData,
  type FileMessages,
  type RuleSetting,
  type TargetLanguage
} from '@briefs/corpus'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import {checkPair} from './check-pair.js'
import type {GlossaryTerm} from './glossary/term.js'
import {stringValueOffset} from './json-string.js'
import type {QaMessageData} from './message.js'
import {reportFinding, type BitextFinding, type CorpusSample, type Finding, type Pair, type Rule, type RuleSettings} from './rule.js'
import {crossLanguage} from './rules/cross-language.js'
import {comparable, textKey} from './rules/inconsistent-translation.js'
import {textLength} from './rules/length-ratio.js'
import {bitextRules} from './rules.js'

/** What checking an article needs besides its files: plain data, so a worker thread can receive it. */
export interface ArticleCheckSettings {
  corpus: string
  /** The languages checked, in the corpus's order. */
  languages: TargetLanguage[]
  /** Whether the article's translations are compared with each other (`cross-language`), and measured for the corpus-wide rules. */
  corpusWide: boolean
  glossary: GlossaryTerm[]
  settings: Array<[string, RuleSetting]>
  maxArticleKb: number
}

/** A message as data: it crosses worker threads and is kept between runs. */
export interface QaMessage {
  reason: string
  ruleId?: string | undefined
  fatal: boolean | null
  url?: string | undefined
  place?: VFileMessage['place']
  data?: QaMessageData | undefined
}

/** A checked translation unit with a translation, as the corpus-wide rules report on it: its key, segments, places. */
export type UnitCheck = [
  index: number,
  key: string,
  /** Its segments, when they are not those its key names. */
  segments: string[] | null,
  frenchLine: number,
  frenchColumn: number,
  /** Where its translation stands in the resource, as the message place of a finding about the whole of it. */
  place: VFileMessage['place'] | null
]

/**
 * What the corpus-wide rules compare of each unit with a translation, as
 * 8 unsigned 32-bit numbers: language (its index among those checked),
 * unit index, French length, translation length, the two halves of the key
 * of the French, of the translation. Kept as one string per article (base
 * 64): a corpus of any size loads as a few bytes per unit.
 */
export const sampleWidth = 8

/** The samples of an article (its `samples` string) as numbers. */
export function decodeSamples(samples: string): Uint32Array {
  const bytes = Buffer.from(samples, 'base64')
  // A copy: the decoded bytes need not be aligned for a 32-bit view.
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length))
}

/** The findings about one unit: its own and the bitext rules' (`local`), the cross-language rule's (`cross`): corpus-wide ones go between them. */
export interface UnitMessages {
  index: number
  local: QaMessage[]
  cross: QaMessage[]
}

/** An article in one language, checked. */
export interface LanguageCheck {
  lng: TargetLanguage
  /** Why its resource could not be read: reported as such, its segments are not reported missing on top. */
  error?: ErrorData
  /** French segments. */
  segments: number
  /** Units with a translation, checked. */
  pairs: number
  /** Translation units, with a translation or not. */
  unitCount: number
  /** Units with findings. */
  messages: UnitMessages[]
  /** Findings about resource entries attached to no unit, or to a changed one. */
  entries: QaMessage[]
}

/** An article checked in every language asked for; or why it could not be read. */
export interface ArticleCheck {
  error?: ErrorData
  /** The article's own messages (an outdated segment map). */
  file: FileMessages[]
  languages: LanguageCheck[]
  /** What the corpus-wide rules compare (`decodeSamples`): every unit with a translation, language by language, in order. */
  samples: string
  /** The units with a translation of each language (`UnitCheck[][]`), as JSON: read only to report on one of them. */
  details: string
}

const translations = new Translations()

/** Check an article (the unit of work of `checkCorpus`, on a worker thread or the main one): each of its files read once. */
export function checkArticleFiles(id: string, options: ArticleCheckSettings): ArticleCheck {
  const layout = corpusLayout(options.corpus)
  const settings: RuleSettings = new Map(options.settings)
  const optional = (filePath: string): VFile | undefined => (fs.existsSync(filePath) ? textFile(readFileBytesSync(filePath), filePath) : undefined)
  let article: Article
  try {
    const articleFile = textFile(readFileBytesSync(layout.articleFile(id), articleReadOptions(options.maxArticleKb)), layout.articleFile(id))
    const map = optional(layout.segmentMapFile(id))
    article = checkedArticle(id, articleFile, map ? segmentMapOf(map) : undefined)
  } catch (error) {
    return {error: serializeError(error, layout.root), file: [], languages: [], samples: '', details: '[]'}
  }
  const frenchPath = shownPath(layout, article.file.path)
  const checks: LanguageCheck[] = []
  const details: UnitCheck[][] = []
  const measured: number[] = []
  // What cross-language compares: every language's units of this article, in order.
  const samples: CorpusSample[] = []
  const sampleOf: Array<{check: LanguageCheck; unit: UnitCheck; messages: UnitMessages}> = []
  for (const lng of options.languages) {
    let bitext: Bitext
    try {
      bitext = bitextFromFiles(article, lng, {resource: optional(layout.resourceFile(lng, id))}, {translations, reviews: false})
    } catch (error) {
      checks.push({lng, error: serializeError(error, layout.root), segments: 0, pairs: 0, unitCount: 0, messages: [], entries: []})
      details.push([])
      continue
    }
    const check: LanguageCheck = {lng, segments: bitext.segments.length, pairs: 0, unitCount: bitext.units.length, messages: [], entries: []}
    const units: UnitCheck[] = []
    details.push(units)
    const file = bitext.resource?.file ?? new VFile({path: layout.resourceFile(lng, id)})
    const found: Array<Array<{rule: Rule; finding: Finding}>> = bitext.units.map(() => [])
    bitext.units.forEach((unit, index) => {
      if (!unit.target || unit.target.value.trim() === '') return
      check.pairs++
      const pair: Pair = {lng, french: frenchText(unit), translation: unit.target}
      const own = checkPair(pair, options.glossary, settings)
      found[index]!.push(...own.findings)
      const start = locate(file).toPoint(unit.entry!.valueNode.offset)
      units.push([index, unit.key, sameIds(unit) ? null : unit.segments.map((segment) => segment.id), unit.segments[0]!.start.line, unit.segments[0]!.start.column, nodePlace(file, unit.entry!.valueNode) ?? null])
      measured.push(
        options.languages.indexOf(lng),
        index,
        textLength(pair.french.text),
        textLength(pair.translation.text),
        ...textKey(comparable(pair.french.text)),
        ...textKey(comparable(pair.translation.value))
      )
      if (options.corpusWide) {
        samples.push({lng, article: id, pair, where: `${shownPath(layout, file.path)}:${start?.line ?? 1}:${start?.column ?? 1}`, found: new Set(own.findings.map(({rule}) => rule.id))})
        sampleOf.push({check, unit: units.at(-1)!, messages: {index, local: [], cross: []}})
      }
    })
    const entryFindings: Array<{rule: Rule; finding: BitextFinding}> = []
    for (const rule of bitextRules) {
      for (const finding of rule.check(bitext)) {
        if (finding.unit) found[bitext.units.indexOf(finding.unit)]!.push({rule, finding})
        else entryFindings.push({rule, finding})
      }
    }
    const results = bitext.units.map((unit, index) => ({unit, findings: found[index]!}))
    results.forEach((result, index) => {
      const local = result.findings.flatMap(({rule, finding}) => report(file, rule, finding, settings, bitext, frenchPath, results, index))
      if (local.length > 0) check.messages.push({index, local, cross: []})
    })
    for (const {rule, finding} of entryFindings) {
      const message = reportFinding(file, rule, finding.reason, nodePlace(file, finding.problem!.entry.keyNode), settings)
      if (message) {
        message.data = {article: id, lang: lng, segment: finding.problem!.key, segments: []} satisfies QaMessageData
        check.entries.push(messageData(message))
      }
    }
    checks.push(check)
  }
  // The languages against each other: every group of this rule is one unit of one article.
  if (options.corpusWide) {
    const compared = crossLanguage.scope === 'corpus' ? crossLanguage.check(samples) : new Map<number, Finding>()
    for (const [sample, finding] of compared) {
      const {check, unit, messages} = sampleOf[sample]!
      const file = new VFile({path: layout.resourceFile(check.lng, id)})
      const message = unitMessage(file, crossLanguage, finding.reason, unit, settings, id, check.lng, frenchPath)
      if (!message) continue
      const existing = check.messages.find((each) => each.index === messages.index)
      if (existing) existing.cross.push(message)
      else check.messages.push({index: messages.index, local: [], cross: [message]})
    }
    for (const check of checks) check.messages.sort((a, b) => a.index - b.index)
  }
  return {file: serializeFiles([article.file], layout.root), languages: checks, samples: Buffer.from(Uint32Array.from(measured).buffer).toString('base64'), details: JSON.stringify(details)}
}

/** `checkArticleFiles` as `@briefs/incremental` calls it. */
export function compute(id: string, data: unknown): ArticleCheck {
  return checkArticleFiles(id, data as ArticleCheckSettings)
}

/** A finding of a corpus-wide rule about a checked unit, as a message (`undefined`: the corpus turned the rule off). */
export function unitMessage(file: VFile, rule: Rule, reason: string, unit: UnitCheck, settings: RuleSettings, article: string, lng: TargetLanguage, frenchPath: string): QaMessage | undefined {
  const [, key, segments, line, column, place] = unit
  const french = {file: frenchPath, line, column}
  const message = reportFinding(file, rule, `${reason} (French: ${french.file}:${french.line}:${french.column})`, place ?? undefined, settings)
  if (!message) return undefined
  message.data = {article, lang: lng, segment: key, segments: segments ?? key.split('+'), french} satisfies QaMessageData
  return messageData(message)
}

function messageData(message: VFileMessage): QaMessage {
  return {
    reason: message.reason,
    ...(message.ruleId ? {ruleId: message.ruleId} : {}),
    fatal: message.fatal ?? null,
    ...(message.url ? {url: message.url} : {}),
    ...(message.place ? {place: message.place} : {}),
    ...(message.data ? {data: message.data} : {})
  }
}

/** A message again, on `file`, as `reportFinding` made it. */
export function restoreMessage(file: VFile, data: QaMessage): VFileMessage {
  const message = file.message(data.reason, {place: data.place ?? undefined, ruleId: data.ruleId, source: 'briefs'})
  message.fatal = data.fatal ?? undefined
  if (data.url) message.url = data.url
  if (data.data) message.data = data.data
  return message
}

/** Whether a unit covers exactly the segments its key names, in order. */
function sameIds(unit: TranslationUnit): boolean {
  const ids = unit.key.split('+')
  return ids.length === unit.segments.length && ids.every((id, index) => unit.segments[index]!.id === id)
}

/** The French of a unit as the checks read it: its sentences' words and inline content, joined by spaces. */
function frenchText(unit: TranslationUnit): Pair['french'] {
  if (unit.segments.length === 1) {
    const [segment] = unit.segments
    return {id: unit.key, text: segment!.plainText, nodes: segment!.nodes}
  }
  return {
    id: unit.key,
    text: unit.segments.map((segment) => segment.plainText).join(' '),
    nodes: unit.segments.flatMap((segment, index) => (index === 0 ? segment.nodes : [{type: 'text' as const, value: ' '}, ...segment.nodes]))
  }
}

export function shownPath(layout: CorpusLayout, filePath: string): string {
  return path.relative(path.dirname(layout.root), filePath).split(path.sep).join('/')
}

/** A finding about a unit, as a message on the resource file at the translation (or where the missing key belongs). */
function report(
  file: VFile,
  rule: Rule,
  finding: Finding,
  settings: RuleSettings,
  bitext: Bitext,
  frenchPath: string,
  results: ReadonlyArray<{unit: TranslationUnit}>,
  index: number
): QaMessage[] {
  const unit = results[index]!.unit
  const start = unit.segments[0]!.start
  const french = {file: frenchPath, line: start.line, column: start.column}
  const message = reportFinding(file, rule, `${finding.reason} (French: ${french.file}:${french.line}:${french.column})`, placeOf(file, finding, results, index), settings)
  if (!message) return []
  message.data = {article: bitext.article.id, lang: bitext.lng, segment: unit.key, segments: unit.segments.map((segment) => segment.id), french} satisfies QaMessageData
  return [messageData(message)]
}

/** A file's line index, made once: a resource with many findings is indexed once, not once per finding. */
const locations = new WeakMap<VFile, ReturnType<typeof location>>()
function locate(file: VFile): ReturnType<typeof location> {
  let found = locations.get(file)
  if (!found) {
    found = location(file)
    locations.set(file, found)
  }
  return found
}

function placeOf(file: VFile, finding: Finding, results: ReadonlyArray<{unit: TranslationUnit}>, index: number) {
  const text = String(file.value ?? '')
  const entry = results[index]!.unit.entry
  if (entry) {
    if (!finding.at || text === '') return nodePlace(file, entry.valueNode)
    const place = locate(file)
    const start = place.toPoint(stringValueOffset(text, entry.valueNode, finding.at.start))
    const end = place.toPoint(stringValueOffset(text, entry.valueNode, finding.at.end))
    return start && end ? {start, end} : start
  }
  if (text === '') return undefined
  // A missing key belongs after the translation of the unit before it.
  for (let before = index - 1; before >= 0; before--) {
    const other = results[before]!.unit.entry
    if (other) return locate(file).toPoint(other.valueNode.offset + other.valueNode.length)
  }
  for (let after = index + 1; after < results.length; after++) {
    const other = results[after]!.unit.entry
    if (other) return locate(file).toPoint(other.keyNode.offset)
  }
  return {line: 1, column: 1}
}

