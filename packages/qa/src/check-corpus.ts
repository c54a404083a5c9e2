import path from 'node:path'
import {
  corpusLayout,
  fileOfError,
  listArticleIds,
  loadArticle,
  nodePlace,
  readResource,
  targetLanguages,
  titleSegmentId,
  type Article,
  type CorpusLayout,
  type Resource,
  type ResourceEntry,
  type TargetLanguage
} from '@briefs/corpus'
import type {Sentence} from '@briefs/segment'
import type {Position} from 'unist'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import {checkPair} from './check-pair.js'
import {readGlossary, type Glossary} from './glossary/read.js'
import type {QaMessageData} from './message.js'
import type {QuantityComparison} from './numbers/compare.js'
import type {Finding, FrenchSegment, Pair} from './pair.js'
import {rules} from './rules.js'
import {crossLanguage} from './rules/cross-language.js'
import {inconsistentTranslation} from './rules/inconsistent-translation.js'
import {lengthRatio} from './rules/length-ratio.js'
import {stringValueOffset} from './json-string.js'
import {parseTranslation, plainText} from './translation.js'

export interface CheckOptions {
  /** The corpus folder. */
  corpus: string
  /** Only these articles (default: all). Corpus-wide rules still compare with every article. */
  articles?: readonly string[] | undefined
  /** Only these languages (default: all). `cross-language` needs both. */
  languages?: readonly TargetLanguage[] | undefined
}

export interface CheckResult {
  /** Every file with messages, sorted by path: resources, the glossary, articles that could not be read. */
  files: VFile[]
  errors: number
  warnings: number
  /** Aligned pairs (French segment, translation) checked. */
  pairs: number
  /** French segments of the articles checked, times the languages checked. */
  segments: number
}

/** A French segment of a loaded article, with where it stands. */
interface FrenchEntry {
  segment: FrenchSegment
  /** `corpus/articles/<id>.md:line:column`, for messages. */
  where: {file: string; line: number; column: number}
}

interface LoadedArticle {
  id: string
  article: Article
  french: FrenchEntry[]
  resources: Map<TargetLanguage, Resource | undefined>
}

/** One segment in one language, and what the checks found. */
interface PairResult {
  article: LoadedArticle
  lng: TargetLanguage
  french: FrenchEntry
  entry: ResourceEntry | undefined
  pair: Pair | undefined
  findings: Finding[]
  /** The number check's matching, for `cross-language`; absent when the pair is not comparable. */
  numbers: QuantityComparison | undefined
}

/**
 * Run every check over every aligned pair of the corpus (or of the
 * articles and languages asked for). Findings are vfile messages on the
 * resource files (`ruleId`, `source: 'briefs'`, the place of the
 * translation in the JSON; errors have `fatal: true` and are not thrown),
 * with `message.data` saying which article, language and segment, and the
 * French place in the reason. Nothing is printed.
 */
export async function checkCorpus(options: Readonly<CheckOptions>): Promise<CheckResult> {
  const layout = corpusLayout(options.corpus)
  const ids = await listArticleIds(layout)
  const selected = new Set(options.articles ?? ids)
  for (const id of selected) {
    if (!ids.includes(id)) {
      new VFile({path: layout.articleFile(id)}).fail(`Unexpected article \`${id}\`, expected one of the corpus: ${ids.map((known) => `\`${known}\``).join(', ')}`, {
        ruleId: 'article-id',
        source: 'briefs'
      })
    }
  }
  const languages = new Set<TargetLanguage>(options.languages ?? targetLanguages)
  const reported = new Set<VFile>()
  const glossary = await readGlossary(layout.root)
  for (const file of glossary.files) if (file.messages.length > 0) reported.add(file)

  const articles: LoadedArticle[] = []
  for (const id of ids) {
    const loaded = await loadArticleWithResources(layout, id, (file) => {
      if (selected.has(id)) reported.add(file)
    })
    if (loaded) articles.push(loaded)
  }
  for (const loaded of articles) {
    for (const lng of languages) {
      const resource = loaded.resources.get(lng)
      if (selected.has(loaded.id) && resource && resource.file.messages.length > 0) reported.add(resource.file)
    }
  }

  const results = articles.flatMap((loaded) => targetLanguages.flatMap((lng) => loaded.french.map((french) => checkSegment(loaded, lng, french, glossary))))
  corpusWideChecks(results, layout)

  let pairs = 0
  let segments = 0
  for (const loaded of articles) {
    if (!selected.has(loaded.id)) continue
    for (const lng of languages) {
      const resource = loaded.resources.get(lng)
      const file = resource?.file ?? new VFile({path: layout.resourceFile(lng, loaded.id)})
      const own = results.filter((result) => result.article === loaded && result.lng === lng)
      segments += own.length
      pairs += own.filter((result) => result.pair).length
      for (const result of own) {
        for (const finding of result.findings) report(file, finding, result, own)
      }
      for (const [key, entry] of resource?.entries ?? []) {
        if (loaded.french.some((french) => french.segment.id === key)) continue
        const message = file.message(`Unexpected translation of \`${key}\`, a segment the article does not have, expected keys of its segments (see \`pnpm briefs segments\`)`, {
          place: nodePlace(file, entry.keyNode),
          ruleId: 'orphan-translation',
          source: 'briefs'
        })
        message.fatal = true
        message.data = {article: loaded.id, lang: lng, segment: key} satisfies QaMessageData
      }
      if (file.messages.length > 0) reported.add(file)
    }
  }

  const files = [...reported].sort((a, b) => a.path.localeCompare(b.path))
  let errors = 0
  let warnings = 0
  for (const file of files) {
    // By place; messages without one (a resource file that does not exist) keep document order.
    file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    for (const message of file.messages) {
      if (message.fatal === true) errors++
      else if (message.fatal === false) warnings++
    }
  }
  return {files, errors, warnings, pairs, segments}
}

/** `checkCorpus` for one article. */
export async function checkArticle(options: Readonly<Omit<CheckOptions, 'articles'> & {article: string}>): Promise<CheckResult> {
  return checkCorpus({corpus: options.corpus, articles: [options.article], languages: options.languages})
}

async function loadArticleWithResources(layout: CorpusLayout, id: string, failed: (file: VFile) => void): Promise<LoadedArticle | undefined> {
  let article: Article
  try {
    article = await loadArticle(layout, id)
  } catch (error) {
    failed(fileOfError(error, layout.articleFile(id)))
    return undefined
  }
  if (article.file.messages.length > 0) failed(article.file)
  const resources = new Map<TargetLanguage, Resource | undefined>()
  for (const lng of targetLanguages) {
    try {
      resources.set(lng, await readResource(layout, lng, id))
    } catch (error) {
      const file = fileOfError(error, layout.resourceFile(lng, id))
      // A resource that cannot be read is reported as such; its segments are not reported missing on top.
      resources.set(lng, {lng, namespace: id, file, entries: new Map()})
    }
  }
  return {id, article, french: frenchEntries(layout, article), resources}
}

function frenchEntries(layout: CorpusLayout, article: Article): FrenchEntry[] {
  const shownPath = path.relative(path.dirname(layout.root), article.file.path).split(path.sep).join('/')
  const sentences = new Map<string, {node: Sentence; position: Position | undefined}>()
  visit(article.tree, 'sentence', (node, _, parent) => {
    sentences.set(node.data.segmentId, {node, position: node.position ?? parent?.position})
  })
  const titlePlace = titlePosition(article)
  return article.segments.map((segment) => {
    const sentence = sentences.get(segment.id)
    const start = segment.id === titleSegmentId ? titlePlace : (sentence?.position?.start ?? {line: 1, column: 1})
    return {
      segment: {id: segment.id, text: sentence ? plainText(sentence.node.children) : segment.text, nodes: sentence ? sentence.node.children : []},
      where: {file: shownPath, line: start.line, column: start.column}
    }
  })
}

/** Where `title:` stands in the front matter. */
function titlePosition(article: Article): {line: number; column: number} {
  const text = String(article.file.value)
  const match = /^title:[ \t]*/m.exec(text)
  return (match && location(article.file).toPoint(match.index + match[0].length)) ?? {line: 1, column: 1}
}

function checkSegment(loaded: LoadedArticle, lng: TargetLanguage, french: FrenchEntry, glossary: Glossary): PairResult {
  const resource = loaded.resources.get(lng)
  const entry = resource?.entries.get(french.segment.id)
  const result: PairResult = {article: loaded, lng, french, entry, pair: undefined, findings: [], numbers: undefined}
  if (resource && resource.entries.size === 0 && resource.file.messages.some((message) => message.fatal)) return result
  if (!entry) {
    result.findings.push({
      ruleId: 'missing-translation',
      reason: `Unexpected segment \`${french.segment.id}\` without translation, expected a key \`"${french.segment.id}"\` in the ${lng} resource`
    })
    return result
  }
  if (entry.value.trim() === '') {
    result.findings.push({ruleId: 'empty-translation', reason: `Unexpected empty translation of \`${french.segment.id}\`, expected the French translated`})
    return result
  }
  const pair: Pair = {lng, french: french.segment, translation: parseTranslation(entry.value)}
  const checked = checkPair(pair, glossary.terms)
  result.findings.push(...checked.findings)
  if (checked.untranslated) return result
  result.pair = pair
  result.numbers = checked.numbers
  return result
}

/** The rules that compare pairs with each other: lengths, consistency, English against Russian. */
function corpusWideChecks(results: PairResult[], layout: CorpusLayout): void {
  const translated = results.filter((result) => result.pair)
  const lengths = lengthRatio(translated.map((result) => ({lng: result.lng, french: result.pair!.french.text, translation: result.pair!.translation.text})))
  for (const [index, finding] of lengths) translated[index]!.findings.push(finding)

  const consistency = inconsistentTranslation(
    translated.map((result) => {
      const file = result.article.resources.get(result.lng)!.file
      const start = location(file).toPoint(result.entry!.valueNode.offset)
      return {
        lng: result.lng,
        french: result.french.segment.text,
        translation: result.entry!.value,
        where: `${path.relative(path.dirname(layout.root), file.path).split(path.sep).join('/')}:${start?.line ?? 1}:${start?.column ?? 1}`
      }
    })
  )
  for (const [index, finding] of consistency) translated[index]!.findings.push(finding)

  const bySegment = new Map<string, PairResult[]>()
  for (const result of results) {
    const key = `${result.article.id}\u0000${result.french.segment.id}`
    bySegment.set(key, [...(bySegment.get(key) ?? []), result])
  }
  for (const group of bySegment.values()) {
    // Compare only translations that stand on their own: a fault already reported is not reported twice.
    if (group.some((result) => result.findings.some((finding) => finding.ruleId === 'number-mismatch' || finding.ruleId === 'untranslated'))) continue
    const comparisons = new Map(group.flatMap((result) => (result.numbers ? [[result.lng, result.numbers] as const] : [])))
    for (const [lng, finding] of crossLanguage(comparisons)) group.find((result) => result.lng === lng)!.findings.push(finding)
  }
}

/** A finding as a message on the resource file, at the translation (or where the missing key belongs). */
function report(file: VFile, finding: Finding, result: PairResult, own: readonly PairResult[]): void {
  const french = result.french.where
  const message = file.message(`${finding.reason} (French: ${french.file}:${french.line}:${french.column})`, {
    place: placeOf(file, finding, result, own),
    ruleId: finding.ruleId,
    source: 'briefs'
  })
  message.fatal = rules[finding.ruleId].severity === 'error'
  message.data = {article: result.article.id, lang: result.lng, segment: result.french.segment.id, french} satisfies QaMessageData
}

function placeOf(file: VFile, finding: Finding, result: PairResult, own: readonly PairResult[]) {
  const text = String(file.value ?? '')
  if (result.entry) {
    if (!finding.at || text === '') return nodePlace(file, result.entry.valueNode)
    const place = location(file)
    const start = place.toPoint(stringValueOffset(text, result.entry.valueNode, finding.at.start))
    const end = place.toPoint(stringValueOffset(text, result.entry.valueNode, finding.at.end))
    return start && end ? {start, end} : start
  }
  if (text === '') return undefined
  // A missing key belongs after the translation of the segment before it.
  const index = own.indexOf(result)
  const before = own
    .slice(0, index)
    .reverse()
    .find((other) => other.entry)
  if (before?.entry) return location(file).toPoint(before.entry.valueNode.offset + before.entry.valueNode.length)
  const after = own.slice(index + 1).find((other) => other.entry)
  return after?.entry ? location(file).toPoint(after.entry.keyNode.offset) : {line: 1, column: 1}
}
