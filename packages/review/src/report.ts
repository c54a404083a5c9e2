import fs from 'node:fs/promises'
import {describeOrigin, loadBitext, type LedgerEntry, type ReviewState, type StaleReason, type TranslationUnit} from '@briefs/bitext'
import os from 'node:os'
import path from 'node:path'
import {articleIdProblem, configFileName, corpusLayout, fileOfError, listArticleIds, loadArticle, readCorpusConfig, Translations, type TargetLanguage} from '@briefs/corpus'
import {contentKeyOfBlobs} from '@briefs/incremental'
import {checkCorpus, glossaryFileNames} from '@briefs/qa'
import type {PhrasingContent, Root, RootContent, TableRow} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {changedPaths, checkoutFiles, filesAtRevision, readBlob, repositoryOf, resolveRevision} from './git.js'
import {wordDiff} from './word-diff.js'

export interface ReviewReportOptions {
  /** The corpus folder in a git working tree. */
  corpus: string
  /** The revision the pull request starts from. */
  base: string
  /** The revision under review (default `HEAD`). */
  head?: string | undefined
  /**
   * The checks `briefs check` keeps for the working tree
   * (`node_modules/.cache/briefs/check.jsonl`): the articles the pull request
   * did not change are found there by content (their git blob IDs), so the
   * corpus-wide checks at head read only what changed.
   */
  checksCache?: string | undefined
}

export interface ReviewReport {
  markdown: string
  /** Rows listed: translation units whose French, translation or review changed. */
  changed: number
  /** Units that did not change, counted only. */
  unchanged: number
  /** Files with problems at head (a broken resource or ledger) among those the pull request changed, also listed in the report. */
  files: VFile[]
}

/** The articles a comparison reads: those with a file the pull request changed; every one when the configuration changed. */
interface Scope {
  ids: Set<string> | undefined
}

/** A translation unit in one language at one revision. */
interface Snapshot {
  text: string
  translation: string | undefined
  state: ReviewState
  staleReason: StaleReason | undefined
  approval: LedgerEntry | undefined
  /** The French segments it covers. */
  segments: string[]
  /** For a unit regrouped since the base: the states of the units that held its sentences. */
  regroupedStates?: string[]
  /** Where its draft came from (`TM 87 % from …`). */
  origin?: string
}

interface Side {
  titles: Map<string, string>
  /** The corpus's target languages at this revision (the head's when the corpus had no configuration then). */
  languages: readonly TargetLanguage[]
  /** `article/lng` → unit key → snapshot, in document order. */
  units: Map<string, Map<string, Snapshot>>
  counts: Map<string, {reviewed: number; total: number}>
  files: VFile[]
  /** `article/lng` → segment ID → what the QA checks found (head only). */
  checks: Map<string, Map<string, Check[]>>
  /** The articles not compared (the pull request did not change them): their units, counted (head only). */
  others: {units: Map<string, number>}
  /** Where the revision's files are written out, while it is read. */
  directory?: string
}

/** A QA finding as the report shows it. */
interface Check {
  ruleId: string
  reason: string
}

/**
 * The review report of a pull request, as Markdown for a PR comment:
 * coverage per article and language (base → head), then one row per
 * translation unit whose French, translation or review changed, with the
 * changed words marked (~~removed~~, **added**). Unchanged units are
 * counted. A unit regrouped since the base (two sentences now translated
 * as one) is compared with the units that translated its sentences then.
 */
export async function reviewReport(options: Readonly<ReviewReportOptions>): Promise<ReviewReport> {
  const {root, relative} = await repositoryOf(options.corpus)
  const baseCommit = await resolveRevision(root, options.base)
  const headCommit = await resolveRevision(root, options.head ?? 'HEAD')
  const scope = await changedScope(root, baseCommit, headCommit, relative)
  // Both revisions are written out at once (git's time overlaps), then read one after the other.
  const written = [writeOutRevision(root, headCommit, relative, scope), writeOutRevision(root, baseCommit, relative, scope)] as const
  let head: Side
  let base: Side
  try {
    const [headFiles, baseFiles] = await Promise.all(written)
    head = await readSide(root, headCommit, relative, headFiles, scope, undefined, {checksCache: options.checksCache})
    base = await readSide(root, baseCommit, relative, baseFiles, scope, head.languages, undefined)
  } finally {
    await Promise.all(written.map((each) => each.then((files) => fs.rm(files.directory, {recursive: true, force: true}), () => {})))
  }

  const order = (key: string) => {
    const [id, lng] = key.split('/') as [string, TargetLanguage]
    return {id, position: head.languages.includes(lng) ? head.languages.indexOf(lng) : head.languages.length + base.languages.indexOf(lng)}
  }
  const keys = [...new Set([...head.units.keys(), ...base.units.keys()])].sort((a, b) => {
    const [left, right] = [order(a), order(b)]
    return left.id === right.id ? left.position - right.position : left.id < right.id ? -1 : 1
  })
  const children: RootContent[] = [heading(2, 'Translation review')]
  const coverage: TableRow[] = [
    {
      type: 'tableRow',
      children: [cell([text('Article')]), cell([text('Language')]), cell([text('Base '), {type: 'inlineCode', value: options.base}]), cell([text('Head '), {type: 'inlineCode', value: options.head ?? 'HEAD'}])]
    }
  ]
  const sections: RootContent[] = []
  let changed = 0
  let unchanged = 0

  for (const key of keys) {
    const [id, lng] = key.split('/') as [string, TargetLanguage]
    const before = base.units.get(key) ?? new Map<string, Snapshot>()
    const after = head.units.get(key) ?? new Map<string, Snapshot>()
    coverage.push(textRow([head.titles.get(id) ?? base.titles.get(id) ?? id, lng, share(base.counts.get(key)), share(head.counts.get(key))]))
    const rows: TableRow[] = []
    const baseUnitOf = new Map<string, string>()
    for (const [unitKey, snapshot] of before) for (const segment of snapshot.segments) baseUnitOf.set(segment, unitKey)
    const compared = new Set<string>()
    for (const [unitKey, now] of after) {
      const same = before.get(unitKey)
      const old = same ?? regrouped(now, before, baseUnitOf)
      for (const segment of now.segments) if (baseUnitOf.has(segment)) compared.add(baseUnitOf.get(segment)!)
      if (same && sameSnapshot(same, now)) {
        unchanged++
        continue
      }
      rows.push(unitRow(unitKey, old, now, head.checks.get(key)?.get(unitKey) ?? []))
    }
    for (const [unitKey, old] of before) if (!compared.has(unitKey) && !after.has(unitKey)) rows.push(unitRow(unitKey, old, undefined, undefined))
    if (rows.length === 0) continue
    changed += rows.length
    sections.push(heading(3, `${head.titles.get(id) ?? base.titles.get(id) ?? id} · fr → ${lng}`), {
      type: 'table',
      align: [],
      children: [textRow(['Segment', 'French', 'Translation before', 'Translation after', 'State', 'Checks']), ...rows]
    })
  }

  // The articles the pull request did not touch: their units are unchanged, counted without being compared.
  const others = head.others
  for (const count of others.units.values()) unchanged += count
  children.push(
    paragraph(
      changed === 0
        ? `No segment changed between \`${options.base}\` and \`${options.head ?? 'HEAD'}\`; ${unchanged} unchanged.`
        : `${changed} segment${changed === 1 ? '' : 's'} changed; ${unchanged} unchanged segment${unchanged === 1 ? '' : 's'} not listed. Removed words are struck through, added words in bold.`
    ),
    heading(3, 'Coverage (reviewed segments)'),
    {type: 'table', align: [], children: coverage},
    // A pull request comment has room for the articles it is about, not for every article of a large corpus.
    ...(others.units.size === 0 ? [] : [paragraph(`${others.units.size} other article${others.units.size === 1 ? '' : 's'}, unchanged, not listed.`)]),
    ...sections
  )
  const problems = head.files.flatMap((file) => file.messages.map((message) => ({file, message})))
  if (problems.length > 0) {
    children.push(heading(3, 'Problems at head'), {
      type: 'list',
      spread: false,
      children: problems.map(({file, message}) => ({
        type: 'listItem',
        spread: false,
        children: [paragraph([{type: 'inlineCode', value: `${file.path}:${message.line ?? 1}:${message.column ?? 1}`}, {type: 'text', value: ` ${message.fatal ? 'error' : 'warning'}: ${message.reason}`}])]
      }))
    })
  }

  const markdown = unified().use(remarkGfm, {tablePipeAlign: false}).use(remarkStringify).stringify({type: 'root', children} satisfies Root)
  return {markdown, changed, unchanged, files: head.files}
}

/** The articles whose files differ between the two commits; all of them when the corpus's configuration does (its languages). */
async function changedScope(root: string, base: string, head: string, relative: string): Promise<Scope> {
  const ids = new Set<string>()
  for (const file of await changedPaths(root, base, head, relative)) {
    const name = inCorpus(relative, file)
    if (name === configFileName) return {ids: undefined}
    const id = articleOfFile(name)
    if (id !== undefined) ids.add(id)
  }
  return {ids}
}

/** A file of the repository (`git ls-tree`, `git diff`) as a path in the corpus folder `relative` (`''`: the repository's root). */
function inCorpus(relative: string, file: string): string {
  return relative ? file.slice(relative.length + 1) : file
}

/** The article a corpus file belongs to (`articles/<id>.md`, `segments/<id>.json`, `locales/<lng>/<id>.json`…), if it does. */
function articleOfFile(name: string): string | undefined {
  const match = /^(?:articles\/([^/]+)\.md|segments\/([^/]+)\.json|(?:locales|reviews|origins)\/[^/]+\/([^/]+)\.json)$/.exec(name)
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined
}

/** A revision's files as `git ls-tree` lists them, and the temporary folder the compared articles' files are written to. */
interface RevisionFiles {
  directory: string
  tree: Map<string, {blob: string; mode: string}>
}

/**
 * What a revision holds, by name and blob ID; only the files of the
 * articles compared (and the configuration, the glossary) are written
 * out. The caller removes `directory`.
 */
async function writeOutRevision(root: string, commit: string, relative: string, scope: Scope): Promise<RevisionFiles> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'briefs-rev-'))
  try {
    const tree = await filesAtRevision(root, commit, relative)
    const wanted = (file: string) => {
      const name = inCorpus(relative, file)
      if (name === configFileName || (glossaryFileNames as readonly string[]).includes(name)) return true
      const id = articleOfFile(name)
      return id !== undefined && (scope.ids === undefined || scope.ids.has(id))
    }
    await checkoutFiles(root, commit, [...tree.keys()].filter(wanted), directory)
    return {directory, tree}
  } catch (error) {
    await fs.rm(directory, {recursive: true, force: true})
    throw error
  }
}

async function readSide(
  root: string,
  commit: string,
  relative: string,
  {directory, tree}: RevisionFiles,
  scope: Scope,
  fallbackLanguages: readonly TargetLanguage[] | undefined,
  checks: {checksCache: string | undefined} | undefined
): Promise<Side> {
  const folder = path.join(directory, relative)
  const side: Side = {titles: new Map(), languages: fallbackLanguages ?? [], units: new Map(), counts: new Map(), files: [], checks: new Map(), others: {units: new Map()}, directory}
  const layout = corpusLayout(folder)
  const exists = (file: string) => fs.access(file).then(
    () => true,
    () => false
  )
  // No corpus at this revision yet (a base before the first article): nothing to compare with.
  const present = [...tree.keys()].some((file) => inCorpus(relative, file).startsWith('articles/'))
  const ids = (await exists(layout.articlesDir)) ? await listArticleIds(layout) : []
  // A base from before the corpus had a configuration is read in the head's languages.
  if (present && (!fallbackLanguages || (await exists(layout.configFile)))) side.languages = (await readCorpusConfig(layout)).languages
  if (checks) await readChecks(side, root, commit, relative, tree, scope, checks.checksCache)
  const translations = new Translations()
  for (const id of ids) {
    try {
      const article = await loadArticle(layout, id)
      side.titles.set(id, article.meta.title)
      for (const lng of side.languages) {
        const bitext = await loadBitext(layout, article, lng, {translations})
        if (bitext.ledger.file && bitext.ledger.file.messages.length > 0) side.files.push(relativeTo(folder, relative, bitext.ledger.file))
        side.units.set(`${id}/${lng}`, new Map(bitext.units.map((unit) => [unit.key, snapshot(unit)])))
        side.counts.set(`${id}/${lng}`, {reviewed: bitext.counts.reviewed, total: bitext.segments.length})
      }
    } catch (error) {
      side.files.push(relativeTo(folder, relative, fileOfError(error, id)))
    }
  }
  return side
}

/**
 * The QA findings of every segment compared, as `briefs check` gives them
 * at this revision (the corpus-wide rules compare with every article); a
 * glossary that cannot be read is a problem at head. The articles not
 * compared are found in the working tree's kept checks by content, or
 * written out and checked when they are not there; their units are counted.
 */
async function readChecks(side: Side, root: string, commit: string, relative: string, tree: ReadonlyMap<string, {blob: string}>, scope: Scope, checksCache: string | undefined): Promise<void> {
  const folder = path.join(side.directory!, relative)
  const layout = corpusLayout(folder)
  const name = (corpusFile: string) => (relative ? `${relative}/${corpusFile}` : corpusFile)
  const all: string[] = []
  for (const file of tree.keys()) {
    const match = /^articles\/([^/.][^/]*)\.md$/.exec(inCorpus(relative, file))
    if (match && articleIdProblem(match[1]!) === undefined && (tree.get(file) as {mode?: string}).mode !== '120000') all.push(match[1]!)
  }
  all.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  let result
  try {
    const languages = (await readCorpusConfig(layout)).languages
    result = await checkCorpus({
      corpus: folder,
      ids: all,
      articles: scope.ids === undefined ? undefined : all.filter((id) => scope.ids!.has(id)),
      cacheFile: checksCache,
      contents: (id) => contentKeyOfBlobs([`articles/${id}.md`, `segments/${id}.json`, ...languages.map((lng) => `locales/${lng}/${id}.json`)].map((file) => tree.get(name(file))?.blob)),
      prepare: async (ids) => {
        // Not found by content: written out to be checked.
        const wanted = new Set(ids)
        await checkoutFiles(root, commit, [...tree.keys()].filter((file) => {
          const id = articleOfFile(inCorpus(relative, file))
          return id !== undefined && wanted.has(id) && scope.ids !== undefined && !scope.ids.has(id)
        }), side.directory!)
      },
      // A file of an article found by content is not in the folder: read from git.
      readFile: async (file) => {
        const blob = tree.get(path.relative(side.directory!, file).split(path.sep).join('/'))?.blob
        return fs.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT' || blob === undefined) throw error
          return readBlob(root, blob)
        })
      }
    })
  } catch (error) {
    // A corpus the checks cannot read at all is reported by the review itself.
    if (error instanceof VFileMessage) return
    throw error
  }
  for (const [id, counts] of result.units) {
    if (scope.ids === undefined || scope.ids.has(id)) continue
    side.others.units.set(id, Object.values(counts).reduce((sum, count) => sum + (count ?? 0), 0))
  }
  for (const file of result.files) {
    if ((glossaryFileNames as readonly string[]).some((each) => file.path.endsWith(each))) side.files.push(relativeTo(folder, relative, file))
    for (const message of file.messages) {
      const data = message.data
      if (!data) continue
      const key = `${data.article}/${data.lang}`
      const segments = side.checks.get(key) ?? new Map<string, Check[]>()
      side.checks.set(key, segments)
      // The French place is in the row already.
      segments.set(data.segment, [...(segments.get(data.segment) ?? []), {ruleId: message.ruleId ?? 'check', reason: message.reason.replace(/ \(French: [^)]*\)$/, '')}])
    }
  }
}

/** Messages name files as they are in the repository, not in the temporary checkout. */
function relativeTo(folder: string, relative: string, file: VFile): VFile {
  const shown = new VFile({path: file.path.startsWith(folder) ? `${relative}${file.path.slice(folder.length)}` : file.path})
  shown.messages = file.messages
  return shown
}

function snapshot(unit: TranslationUnit): Snapshot {
  return {
    text: unit.source,
    translation: unit.target?.value,
    state: unit.state,
    staleReason: unit.staleReason,
    approval: unit.approval,
    segments: unit.segments.map((segment) => segment.id),
    ...(unit.origin ? {origin: describeOrigin(unit.origin)} : {})
  }
}

/**
 * A unit whose key is new at head, compared with the base units that held
 * its sentences (two sentences now translated as one, one unit split): their
 * French and translations joined, their states listed.
 */
function regrouped(now: Snapshot, before: ReadonlyMap<string, Snapshot>, baseUnitOf: ReadonlyMap<string, string>): Snapshot | undefined {
  const keys = [...new Set(now.segments.flatMap((segment) => (baseUnitOf.has(segment) ? [baseUnitOf.get(segment)!] : [])))]
  const olds = keys.map((key) => before.get(key)!)
  if (olds.length === 0) return undefined
  if (olds.length === 1) return olds[0]
  const translations = olds.flatMap((old) => (old.translation === undefined ? [] : [old.translation]))
  return {
    text: olds.map((old) => old.text).join(' '),
    translation: translations.length === 0 ? undefined : translations.join(' '),
    state: olds[0]!.state,
    staleReason: undefined,
    approval: undefined,
    segments: olds.flatMap((old) => old.segments),
    regroupedStates: olds.map((old) => describe(old, 'before'))
  }
}

function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return (
    a.text === b.text &&
    a.translation === b.translation &&
    a.state === b.state &&
    a.approval?.source === b.approval?.source &&
    a.approval?.target === b.approval?.target &&
    a.approval?.reviewer === b.approval?.reviewer &&
    a.approval?.override === b.approval?.override
  )
}

function unitRow(id: string, before: Snapshot | undefined, after: Snapshot | undefined, checks: readonly Check[] | undefined): TableRow {
  const french = before && after ? marked(before.text, after.text, 'both') : [text((after ?? before)!.text)]
  const oldTranslation = before?.translation
  const newTranslation = after?.translation
  return {
    type: 'tableRow',
    children: [
      cell([{type: 'inlineCode', value: id}]),
      cell(french),
      cell(oldTranslation === undefined ? [text('—')] : newTranslation === undefined ? [text(oldTranslation)] : marked(oldTranslation, newTranslation, 'removed')),
      cell(newTranslation === undefined ? [text('—')] : oldTranslation === undefined ? [text(newTranslation)] : marked(oldTranslation, newTranslation, 'added')),
      cell([text(`${describe(before, 'before')} → ${describe(after, 'after')}`)]),
      cell(checksCell(checks))
    ]
  }
}

/** `rule-id` and message of each finding, or `—` when the checks found nothing (or the segment is gone). */
function checksCell(checks: readonly Check[] | undefined): PhrasingContent[] {
  if (!checks || checks.length === 0) return [text('—')]
  return checks.flatMap((check, index) => [...(index > 0 ? [text('; ')] : []), {type: 'inlineCode' as const, value: check.ruleId}, text(' '), ...withCode(check.reason)])
}

/** A message's `quoted` parts as inline code, the rest as text. */
function withCode(reason: string): PhrasingContent[] {
  return reason
    .split(/`([^`]+)`/)
    .flatMap((part, index): PhrasingContent[] => (part === '' ? [] : index % 2 === 1 ? [{type: 'inlineCode', value: part}] : [text(part)]))
}

/** A unit's state for the State column: `new` before it existed, `removed` after it is gone. */
function describe(snapshot: Snapshot | undefined, side: 'before' | 'after'): string {
  if (!snapshot) return side === 'before' ? 'new' : 'removed'
  if (snapshot.regroupedStates) return snapshot.regroupedStates.join(' + ')
  // Who approved, and when, for what the pull request leaves reviewed; and why, over the checks' errors.
  if (snapshot.state === 'reviewed' && side === 'after' && snapshot.approval) {
    const {reviewer, date, override} = snapshot.approval
    return `reviewed by ${reviewer}, ${date}${override === undefined ? '' : ` (over the checks' errors: ${override})`}`
  }
  if (snapshot.state !== 'stale') return snapshot.origin ? `${snapshot.state} (${snapshot.origin})` : snapshot.state
  return `stale (${snapshot.staleReason === 'source' ? 'French changed' : snapshot.staleReason === 'target' ? 'translation changed' : 'French and translation changed'})`
}

/** The words of a diff: `removed` shows the old text with removals struck, `added` the new one with additions in bold, `both` both. */
function marked(before: string, after: string, show: 'removed' | 'added' | 'both'): PhrasingContent[] {
  if (before === after) return [text(after)]
  const out: PhrasingContent[] = []
  for (const part of wordDiff(before, after)) {
    const marked = part.removed ? show !== 'added' && 'delete' : part.added ? show !== 'removed' && 'strong' : undefined
    if (marked === false) continue
    if (!marked) {
      out.push(text(part.value))
      continue
    }
    // Spaces and punctuation at the edges stay outside the marks: `** have**` or `н**, и**` is no emphasis in
    // Markdown, and the serializer would turn the neighbours into character references to keep it one.
    const [, leading, words, trailing] = /^([\s\p{P}]*)([\s\S]*?)([\s\p{P}]*)$/u.exec(part.value)!
    if (leading) out.push(text(leading))
    if (words) out.push({type: marked, children: [text(words)]})
    if (trailing) out.push(text(trailing))
  }
  return out
}

function share(counts: {reviewed: number; total: number} | undefined): string {
  if (!counts) return '—'
  const percent = counts.total === 0 ? 100 : Math.floor((counts.reviewed / counts.total) * 100)
  return `${counts.reviewed}/${counts.total} (${percent}%)`
}

function text(value: string): PhrasingContent {
  return {type: 'text', value: value.replace(/\s*\n\s*/g, ' ')}
}

function cell(children: PhrasingContent[]) {
  return {type: 'tableCell' as const, children}
}

function textRow(values: string[]): TableRow {
  return {type: 'tableRow', children: values.map((value) => cell([text(value)]))}
}

function heading(depth: 2 | 3, value: string): RootContent {
  return {type: 'heading', depth, children: [text(value)]}
}

function paragraph(content: string | PhrasingContent[]): RootContent & {type: 'paragraph'} {
  return {type: 'paragraph', children: typeof content === 'string' ? [text(content)] : content}
}
