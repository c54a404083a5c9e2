import fs from 'node:fs'
import {corpusLayout, deserializeError, deserializeFiles, fileOfError, listArticleIds, nodePlace, readCorpusConfig, type CorpusConfig, type RuleSetting, type TargetLanguage} from '@briefs/corpus'
import {builtModule, codeVersion, runIncremental} from '@briefs/incremental'
import {VFile} from 'vfile'
import {decodeSamples, restoreMessage, sampleWidth, shownPath, unitMessage, type ArticleCheck, type ArticleCheckSettings, type UnitCheck} from './check-article.js'
import {readGlossary} from './glossary/read.js'
import {applySetting, type Finding, type Rule, type RuleSettings} from './rule.js'
import {comparable, inconsistencies, inconsistencyFinding, inconsistentTranslation} from './rules/inconsistent-translation.js'
import {lengthOutliers, lengthRatio} from './rules/length-ratio.js'
import {isRuleId, rules} from './rules.js'

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
  /**
   * Where each article's checks are kept between runs (a file): an article
   * whose files keep their size and modification time is not read again.
   * None by default.
   */
  cacheFile?: string | undefined
  /** Threads checking articles (default: one per core for a corpus, the main thread for a few articles). */
  threads?: number | undefined
  /**
   * The corpus's articles, when the folder holds only some of their files
   * (a revision's changed files): the others' checks are found by content in
   * `cacheFile` (`contents`), never read here.
   */
  ids?: readonly string[] | undefined
  /** The content key of each article's files (`@briefs/incremental`'s `contentKeyOfBlobs` of their git blob IDs): checks are then looked up by content. */
  contents?: ((id: string) => string | undefined) | undefined
  /** Called with the articles to check before any is (their checks not found by content): to put their files in the folder. */
  prepare?: ((ids: string[]) => Promise<void>) | undefined
  /**
   * How a file of the corpus is read once the checks are known (the
   * resource holding the reference translation of an inconsistency), for a
   * folder that holds only some files: an article found by content may have
   * none there. Default: from the folder.
   */
  readFile?: ((file: string) => Promise<string>) | undefined
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
  /** Translation units of every article read (those compared with too), by language. */
  units: Map<string, Partial<Record<TargetLanguage, number>>>
}

const articleModule = builtModule('./check-article.js', import.meta.url)

/**
 * Run every rule over every translation unit of the corpus (or of the
 * articles and languages asked for). Findings are vfile messages on the
 * resource files (`ruleId`, `source: 'briefs'`, `url` to the rule's
 * documentation, the place of the translation in the JSON; errors have
 * `fatal: true` and are not thrown), with `message.data` saying which
 * article, language and unit, and the French place in the reason. Nothing
 * is printed.
 *
 * Each article is checked once, on worker threads (and kept with
 * `cacheFile`); what the corpus-wide rules compare is kept as a few numbers
 * per unit, so memory does not grow with every bitext of the corpus. Time
 * grows linearly with the corpus.
 */
export async function checkCorpus(options: Readonly<CheckOptions>): Promise<CheckResult> {
  const layout = corpusLayout(options.corpus)
  const config = await readCorpusConfig(layout)
  const settings = ruleSettings(config)
  const ids = options.ids ?? (await listArticleIds(layout))
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

  const corpusWide = options.corpusWide !== false
  const checked = corpusWide ? ids : ids.filter((each) => selected.has(each))
  const checkedLanguages = corpusWide ? [...config.languages] : config.languages.filter((each) => languages.has(each))
  const articleSettings: ArticleCheckSettings = {
    corpus: layout.root,
    languages: checkedLanguages,
    corpusWide,
    glossary: glossary.terms,
    settings: [...settings],
    maxArticleKb: config.maxArticleKb
  }

  // What the corpus-wide rules compare, a few numbers per unit in corpus order (article, language, unit): filled as articles come, in any order.
  const perArticle = new Map<string, Uint32Array>()
  // Articles with something to report: read again once the corpus-wide rules have run.
  const toReport = new Set<string>()
  let pairs = 0
  let segments = 0
  const units = new Map<string, Partial<Record<TargetLanguage, number>>>()
  const run = await runIncremental<ArticleCheck>({
    ids: checked,
    inputs: (id) => [layout.articleFile(id), layout.segmentMapFile(id), ...checkedLanguages.map((lng) => layout.resourceFile(lng, id))],
    version: options.cacheFile ? checksVersion(articleSettings, glossary.files) : '',
    cacheFile: options.cacheFile,
    contents: options.contents,
    beforeCompute: options.prepare,
    module: articleModule,
    data: articleSettings,
    threads: options.threads,
    keep: (check) => check.error === undefined && check.languages.every((language) => language.error === undefined),
    onResult: (id, check) => {
      if (corpusWide) perArticle.set(id, decodeSamples(check.samples))
      const counts: Partial<Record<TargetLanguage, number>> = {}
      units.set(id, counts)
      for (const language of check.languages) if (languages.has(language.lng) && language.error === undefined) counts[language.lng] = language.unitCount
      if (!selected.has(id)) return
      if (check.error !== undefined || check.file.length > 0) toReport.add(id)
      for (const language of check.languages) {
        if (!languages.has(language.lng)) continue
        segments += language.segments
        pairs += language.pairs
        if (language.error !== undefined || language.messages.length > 0 || language.entries.length > 0) toReport.add(id)
      }
    }
  })

  try {
    // Rules that compare units with each other: lengths, consistency (the languages against each other ran with each article).
    // Their findings by article, then by language and unit, in rule order.
    const corpusFindings = new Map<string, Map<string, Array<{rule: Rule; finding: Finding}>>>()
    const resources = new Map<string, Record<string, string>>()
    const readResource = async (file: string) => {
      let entries = resources.get(file)
      if (!entries) {
        entries = JSON.parse(options.readFile ? await options.readFile(file) : fs.readFileSync(file, 'utf8')) as Record<string, string>
        resources.set(file, entries)
      }
      return entries
    }
    if (corpusWide) {
      const all = concatenate(checked, perArticle)
      perArticle.clear()
      const found = (index: number, rule: Rule, finding: Finding) => {
        const id = checked[all.article[index]!]!
        const lng = checkedLanguages[all.lng[index]!]!
        const article = corpusFindings.get(id) ?? new Map<string, Array<{rule: Rule; finding: Finding}>>()
        corpusFindings.set(id, article)
        const key = `${lng}\0${all.unit[index]}`
        article.set(key, [...(article.get(key) ?? []), {rule, finding}])
        if (selected.has(id) && languages.has(lng)) toReport.add(id)
      }
      for (const [index, finding] of lengthOutliers({size: all.size, lng: (at) => checkedLanguages[all.lng[at]!]!, french: (at) => all.frenchLength[at]!, translation: (at) => all.translationLength[at]!})) {
        found(index, lengthRatio, finding)
      }
      for (const {reference, others} of inconsistencies({size: all.size, lng: all.lng, french: all.frenchKey, translation: all.translationKey})) {
        // The reference's place and translation, read back from its article's checks and its resource.
        const id = checked[all.article[reference]!]!
        const lng = checkedLanguages[all.lng[reference]!]!
        const unit = (JSON.parse(run.read(id).details) as UnitCheck[][])[all.lng[reference]!]!.find((each) => each[0] === all.unit[reference])!
        const start = unit[5] && 'start' in unit[5] ? unit[5].start : unit[5]
        const value = (await readResource(layout.resourceFile(lng, id)))[unit[1]]!
        const finding = inconsistencyFinding(`${shownPath(layout, layout.resourceFile(lng, id))}:${start?.line ?? 1}:${start?.column ?? 1}`, comparable(value))
        for (const index of others) found(index, inconsistentTranslation, finding)
      }
    }

    for (const id of checked) {
      if (!toReport.has(id)) continue
      const check = run.read(id)
      if (check.error !== undefined) {
        reported.add(fileOfError(deserializeError(check.error, layout.root), layout.articleFile(id)))
        continue
      }
      for (const file of deserializeFiles(check.file, layout.root)) reported.add(file)
      const frenchPath = shownPath(layout, layout.articleFile(id))
      const details = JSON.parse(check.details) as UnitCheck[][]
      check.languages.forEach((language, position) => {
        const units = details[position]!
        if (!languages.has(language.lng)) return
        if (language.error !== undefined) {
          // A resource that cannot be read is reported as such; its segments are not reported missing on top.
          reported.add(fileOfError(deserializeError(language.error, layout.root), layout.resourceFile(language.lng, id)))
          return
        }
        const file = new VFile({path: layout.resourceFile(language.lng, id)})
        const own = new Map(language.messages.map((messages) => [messages.index, messages]))
        const corpusOf = new Map<number, Array<{rule: Rule; finding: Finding}>>()
        for (const [key, list] of corpusFindings.get(id) ?? []) {
          const [lng, unit] = key.split('\0')
          if (lng === language.lng) corpusOf.set(Number(unit), list)
        }
        for (const index of [...new Set([...own.keys(), ...corpusOf.keys()])].sort((a, b) => a - b)) {
          // The unit's own and presence findings, then the corpus-wide ones in rule order: the order messages always had.
          for (const message of own.get(index)?.local ?? []) restoreMessage(file, message)
          const unit = units.find((each) => each[0] === index)!
          for (const {rule, finding} of corpusOf.get(index) ?? []) {
            const message = unitMessage(new VFile({path: file.path}), rule, finding.reason, unit, settings, id, language.lng, frenchPath)
            if (message) restoreMessage(file, message)
          }
          for (const message of own.get(index)?.cross ?? []) restoreMessage(file, message)
        }
        for (const message of language.entries) restoreMessage(file, message)
        if (file.messages.length > 0) reported.add(file)
      })
    }
  } finally {
    run.close()
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
  return {files, errors, warnings, pairs, segments, units}
}

/** Every article's samples in corpus order, as typed arrays. */
function concatenate(ids: readonly string[], perArticle: ReadonlyMap<string, Uint32Array>) {
  let size = 0
  for (const samples of perArticle.values()) size += samples.length / sampleWidth
  const all = {
    size,
    article: new Uint32Array(size),
    lng: new Uint8Array(size),
    unit: new Uint32Array(size),
    frenchLength: new Uint32Array(size),
    translationLength: new Uint32Array(size),
    frenchKey: new Uint32Array(size * 2),
    translationKey: new Uint32Array(size * 2)
  }
  let at = 0
  ids.forEach((id, article) => {
    const samples = perArticle.get(id)
    if (!samples) return
    for (let offset = 0; offset < samples.length; offset += sampleWidth, at++) {
      all.article[at] = article
      all.lng[at] = samples[offset]!
      all.unit[at] = samples[offset + 1]!
      all.frenchLength[at] = samples[offset + 2]!
      all.translationLength[at] = samples[offset + 3]!
      all.frenchKey[at * 2] = samples[offset + 4]!
      all.frenchKey[at * 2 + 1] = samples[offset + 5]!
      all.translationKey[at * 2] = samples[offset + 6]!
      all.translationKey[at * 2 + 1] = samples[offset + 7]!
    }
  })
  return all
}

/** The version of kept checks: the code, the settings, the glossary's bytes. */
function checksVersion(settings: ArticleCheckSettings, glossaryFiles: readonly VFile[]): string {
  // Not where the corpus is: a revision's files in a temporary folder find the working tree's checks by content.
  const {glossary, corpus, ...rest} = settings
  void glossary
  void corpus
  return codeVersion(
    [articleModule, {name: '@briefs/bitext', from: new URL(import.meta.url)}, {name: '@briefs/corpus', from: new URL(import.meta.url)}, {name: '@briefs/languages', from: new URL(import.meta.url)}],
    JSON.stringify([rest, glossaryFiles.map((file) => String(file.value ?? ''))])
  )
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
