import path from 'node:path'
import {loadBitext, type Bitext, type TranslationUnit} from '@briefs/bitext'
import {
  corpusLayout,
  fileOfError,
  listArticleIds,
  loadArticle,
  nodePlace,
  readCorpusConfig,
  Translations,
  type Article,
  type CorpusConfig,
  type CorpusLayout,
  type RuleSetting,
  type TargetLanguage
} from '@briefs/corpus'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import {checkPair} from './check-pair.js'
import {readGlossary} from './glossary/read.js'
import {stringValueOffset} from './json-string.js'
import type {QaMessageData} from './message.js'
import {applySetting, reportFinding, type BitextFinding, type CorpusSample, type Finding, type Pair, type Rule, type RuleSettings} from './rule.js'
import {bitextRules, corpusRules, isRuleId, rules} from './rules.js'

export interface CheckOptions {
  /** The corpus folder. */
  corpus: string
  /** Only these articles (default: all). Corpus-wide rules still compare with every article. */
  articles?: readonly string[] | undefined
  /** Only these languages (default: the corpus's). `cross-language` compares with every language. */
  languages?: readonly TargetLanguage[] | undefined
  /**
   * Whether to run the rules that compare units across the corpus (lengths,
   * consistency, languages against each other; default `true`). Without
   * them only the articles asked for are read: what `review approve` needs.
   */
  corpusWide?: boolean | undefined
}

export interface CheckResult {
  /** Every file with messages, sorted by path: resources, the glossary, the configuration, articles that could not be read. */
  files: VFile[]
  errors: number
  warnings: number
  /** Translation units with a translation, checked. */
  pairs: number
  /** French segments of the articles checked, times the languages checked. */
  segments: number
}

/** What the checks found on one unit, before it becomes a message. */
interface UnitResult {
  unit: TranslationUnit
  findings: Array<{rule: Rule; finding: Finding}>
}

/** One article in one language, checked. */
interface Checked {
  bitext: Bitext
  /** Where the French path is shown from (`corpus/articles/<id>.md`). */
  frenchPath: string
  results: UnitResult[]
  /** Findings about resource entries attached to no unit, or to a changed one. */
  entryFindings: Array<{rule: Rule; finding: BitextFinding}>
}

/**
 * Run every rule over every translation unit of the corpus (or of the
 * articles and languages asked for), reading each article's bitext once.
 * Findings are vfile messages on the resource files (`ruleId`, `source:
 * 'briefs'`, `url` to the rule's documentation, the place of the
 * translation in the JSON; errors have `fatal: true` and are not thrown),
 * with `message.data` saying which article, language and unit, and the
 * French place in the reason. Nothing is printed. Time and memory grow
 * linearly with the corpus.
 */
export async function checkCorpus(options: Readonly<CheckOptions>): Promise<CheckResult> {
  const layout = corpusLayout(options.corpus)
  const config = await readCorpusConfig(layout)
  const settings = ruleSettings(config)
  const ids = await listArticleIds(layout)
  const known = new Set(ids)
  const selected = new Set(options.articles ?? ids)
  for (const id of selected) {
    if (!known.has(id)) {
      new VFile({path: layout.articleFile(id)}).fail(`Unexpected article \`${id}\`, expected one of the corpus: ${ids.map((other) => `\`${other}\``).join(', ')}`, {
        ruleId: 'article-id',
        source: 'briefs'
      })
    }
  }
  const languages = new Set<TargetLanguage>(options.languages ?? config.languages)
  const reported = new Set<VFile>()
  if (config.file.messages.length > 0) reported.add(config.file)
  const glossary = await readGlossary(layout.root, config.languages)
  for (const file of glossary.files) if (file.messages.length > 0) reported.add(file)
  for (const file of glossary.files) {
    file.messages = file.messages.filter((message) => message.ruleId !== rules['invalid-glossary'].id || applySetting(message, rules['invalid-glossary'], settings))
  }

  const translations = new Translations()
  const checked: Checked[] = []
  const samples: CorpusSample[] = []
  const sampleOrigins: UnitResult[] = []
  const corpusWide = options.corpusWide !== false
  for (const id of corpusWide ? ids : ids.filter((each) => selected.has(each))) {
    let article: Article
    try {
      article = await loadArticle(layout, id)
    } catch (error) {
      if (selected.has(id)) reported.add(fileOfError(error, layout.articleFile(id)))
      continue
    }
    if (selected.has(id) && article.file.messages.length > 0) reported.add(article.file)
    for (const lng of corpusWide ? config.languages : config.languages.filter((each) => languages.has(each))) {
      let bitext: Bitext
      try {
        bitext = await loadBitext(layout, article, lng, {translations, reviews: false})
      } catch (error) {
        // A resource that cannot be read is reported as such; its segments are not reported missing on top.
        if (selected.has(id) && languages.has(lng)) reported.add(fileOfError(error, layout.resourceFile(lng, id)))
        continue
      }
      const frenchPath = shownPath(layout, article.file.path)
      const results: UnitResult[] = []
      for (const unit of bitext.units) {
        const result: UnitResult = {unit, findings: []}
        results.push(result)
        if (!unit.target || unit.target.value.trim() === '') continue
        const pair: Pair = {lng, french: frenchText(unit), translation: unit.target}
        const own = checkPair(pair, glossary.terms, settings)
        result.findings.push(...own.findings)
        samples.push({lng, article: id, pair, where: wherePlace(layout, bitext, unit), found: new Set(own.findings.map(({rule}) => rule.id))})
        sampleOrigins.push(result)
      }
      const entryFindings: Checked['entryFindings'] = []
      for (const rule of bitextRules) {
        for (const finding of rule.check(bitext)) {
          if (finding.unit) results[bitext.units.indexOf(finding.unit)]!.findings.push({rule, finding})
          else entryFindings.push({rule, finding})
        }
      }
      checked.push({bitext, frenchPath, results, entryFindings})
    }
  }

  // Rules that compare units with each other: lengths, consistency, languages against each other.
  for (const rule of corpusWide ? corpusRules : []) {
    for (const [index, finding] of rule.check(samples)) sampleOrigins[index]!.findings.push({rule, finding})
  }

  let pairs = 0
  let segments = 0
  for (const {bitext, frenchPath, results, entryFindings} of checked) {
    if (!selected.has(bitext.article.id) || !languages.has(bitext.lng)) continue
    const file = bitext.resource?.file ?? new VFile({path: layout.resourceFile(bitext.lng, bitext.article.id)})
    segments += bitext.segments.length
    results.forEach((result, index) => {
      if (result.unit.target && result.unit.target.value.trim() !== '') pairs++
      // Unit rules first, then presence and corpus-wide rules, each in rule order: the order messages always had.
      for (const {rule, finding} of result.findings) report(file, rule, finding, settings, bitext, frenchPath, results, index)
    })
    for (const {rule, finding} of entryFindings) {
      const message = reportFinding(file, rule, finding.reason, nodePlace(file, finding.problem!.entry.keyNode), settings)
      if (message) message.data = {article: bitext.article.id, lang: bitext.lng, segment: finding.problem!.key, segments: []} satisfies QaMessageData
    }
    if (file.messages.length > 0) reported.add(file)
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

/** The rule settings of a corpus; an unknown rule ID is an error on the configuration. */
export function ruleSettings(config: CorpusConfig): RuleSettings {
  const settings = new Map<string, RuleSetting>()
  for (const [id, {setting, keyNode}] of config.rules) {
    if (!isRuleId(id)) {
      const message = config.file.message(`Unexpected rule \`${id}\`, expected one of ${Object.keys(rules).map((rule) => `\`${rule}\``).join(', ')}`, {
        place: nodePlace(config.file, keyNode),
        ruleId: 'corpus-config',
        source: 'briefs'
      })
      message.fatal = true
      continue
    }
    settings.set(id, setting)
  }
  return settings
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

function shownPath(layout: CorpusLayout, filePath: string): string {
  return path.relative(path.dirname(layout.root), filePath).split(path.sep).join('/')
}

/** `corpus/locales/en/x.json:4:15`: where a unit's translation stands, for messages about other units. */
function wherePlace(layout: CorpusLayout, bitext: Bitext, unit: TranslationUnit): string {
  const file = bitext.resource!.file
  const start = locate(file).toPoint(unit.entry!.valueNode.offset)
  return `${shownPath(layout, file.path)}:${start?.line ?? 1}:${start?.column ?? 1}`
}

/** A finding about a unit, as a message on the resource file at the translation (or where the missing key belongs). */
function report(file: VFile, rule: Rule, finding: Finding, settings: RuleSettings, bitext: Bitext, frenchPath: string, results: readonly UnitResult[], index: number): void {
  const unit = results[index]!.unit
  const start = unit.segments[0]!.start
  const french = {file: frenchPath, line: start.line, column: start.column}
  const message = reportFinding(file, rule, `${finding.reason} (French: ${french.file}:${french.line}:${french.column})`, placeOf(file, finding, results, index), settings)
  if (message) message.data = {article: bitext.article.id, lang: bitext.lng, segment: unit.key, segments: unit.segments.map((segment) => segment.id), french} satisfies QaMessageData
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

function placeOf(file: VFile, finding: Finding, results: readonly UnitResult[], index: number) {
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
