import fs from 'node:fs/promises'
import {corpusLayout, fileOfError, listArticleIds, loadArticle, targetLanguages, type TargetLanguage} from '@briefs/corpus'
import {checkCorpus, glossaryFileNames} from '@briefs/qa'
import type {PhrasingContent, Root, RootContent, TableRow} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {reviewArticle} from './article-review.js'
import {folderAtRevision, repositoryOf, resolveRevision} from './git.js'
import type {LedgerEntry} from './ledger.js'
import type {ReviewState, SegmentReview, StaleReason} from './states.js'
import {wordDiff} from './word-diff.js'

export interface ReviewReportOptions {
  /** The corpus folder in a git working tree. */
  corpus: string
  /** The revision the pull request starts from. */
  base: string
  /** The revision under review (default `HEAD`). */
  head?: string | undefined
}

export interface ReviewReport {
  markdown: string
  /** Rows listed: segments whose French, translation or review changed. */
  changed: number
  /** Segments that did not change, counted only. */
  unchanged: number
  /** Files with problems at head (a broken resource or ledger), also listed in the report. */
  files: VFile[]
}

/** A segment in one language at one revision. */
interface Snapshot {
  text: string
  translation: string | undefined
  state: ReviewState
  staleReason: StaleReason | undefined
  approval: LedgerEntry | undefined
}

interface Side {
  titles: Map<string, string>
  /** `article/lng` → segment ID → snapshot, in document order. */
  segments: Map<string, Map<string, Snapshot>>
  counts: Map<string, {reviewed: number; total: number}>
  files: VFile[]
  /** `article/lng` → segment ID → what the QA checks found (head only). */
  checks: Map<string, Map<string, Check[]>>
}

/** A QA finding as the report shows it. */
interface Check {
  ruleId: string
  reason: string
}

/**
 * The review report of a pull request, as Markdown for a PR comment:
 * coverage per article and language (base → head), then one row per
 * segment whose French, translation or review changed, with the changed
 * words marked (~~removed~~, **added**). Unchanged segments are counted.
 */
export async function reviewReport(options: Readonly<ReviewReportOptions>): Promise<ReviewReport> {
  const {root, relative} = await repositoryOf(options.corpus)
  const baseCommit = await resolveRevision(root, options.base)
  const headCommit = await resolveRevision(root, options.head ?? 'HEAD')
  const [base, head] = await Promise.all([readSide(root, baseCommit, relative, false), readSide(root, headCommit, relative, true)])

  const keys = [...new Set([...head.segments.keys(), ...base.segments.keys()])].sort(compareKeys)
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
    const before = base.segments.get(key) ?? new Map<string, Snapshot>()
    const after = head.segments.get(key) ?? new Map<string, Snapshot>()
    coverage.push(textRow([head.titles.get(id) ?? base.titles.get(id) ?? id, lng, share(base.counts.get(key)), share(head.counts.get(key))]))
    const rows: TableRow[] = []
    for (const segmentId of [...after.keys(), ...[...before.keys()].filter((segmentId) => !after.has(segmentId))]) {
      const old = before.get(segmentId)
      const now = after.get(segmentId)
      if (old && now && sameSnapshot(old, now)) {
        unchanged++
        continue
      }
      rows.push(segmentRow(segmentId, old, now, now ? (head.checks.get(key)?.get(segmentId) ?? []) : undefined))
    }
    if (rows.length === 0) continue
    changed += rows.length
    sections.push(heading(3, `${head.titles.get(id) ?? base.titles.get(id) ?? id} · fr → ${lng}`), {
      type: 'table',
      align: [],
      children: [textRow(['Segment', 'French', 'Translation before', 'Translation after', 'State', 'Checks']), ...rows]
    })
  }

  children.push(
    paragraph(
      changed === 0
        ? `No segment changed between \`${options.base}\` and \`${options.head ?? 'HEAD'}\`; ${unchanged} unchanged.`
        : `${changed} segment${changed === 1 ? '' : 's'} changed; ${unchanged} unchanged segment${unchanged === 1 ? '' : 's'} not listed. Removed words are struck through, added words in bold.`
    ),
    heading(3, 'Coverage (reviewed segments)'),
    {type: 'table', align: [], children: coverage},
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

async function readSide(root: string, commit: string, relative: string, withChecks: boolean): Promise<Side> {
  const checkout = await folderAtRevision(root, commit, relative)
  const folder = checkout.path
  const side: Side = {titles: new Map(), segments: new Map(), counts: new Map(), files: [], checks: new Map()}
  try {
    const layout = corpusLayout(folder)
    if (withChecks) await readChecks(side, folder, relative)
    // No corpus at this revision yet (a base before the first article): nothing to compare with.
    const present = await fs.access(layout.articlesDir).then(
      () => true,
      () => false
    )
    for (const id of present ? await listArticleIds(layout) : []) {
      try {
        const article = await loadArticle(layout, id)
        side.titles.set(id, article.meta.title)
        for (const lng of targetLanguages) {
          const review = await reviewArticle(layout, article, lng)
          if (review.ledger.file && review.ledger.file.messages.length > 0) side.files.push(relativeTo(folder, relative, review.ledger.file))
          side.segments.set(`${id}/${lng}`, new Map(review.reviews.map((entry) => [entry.segment.id, snapshot(entry)])))
          side.counts.set(`${id}/${lng}`, {reviewed: review.counts.reviewed, total: review.reviews.length})
        }
      } catch (error) {
        side.files.push(relativeTo(folder, relative, fileOfError(error, id)))
      }
    }
  } finally {
    await fs.rm(checkout.directory, {recursive: true, force: true})
  }
  return side
}

/** The QA findings of every segment; a glossary that cannot be read is a problem at head. */
async function readChecks(side: Side, folder: string, relative: string): Promise<void> {
  let result
  try {
    result = await checkCorpus({corpus: folder})
  } catch (error) {
    // A corpus the checks cannot read at all is reported by the review itself.
    if (error instanceof VFileMessage) return
    throw error
  }
  for (const file of result.files) {
    if ((glossaryFileNames as readonly string[]).some((name) => file.path.endsWith(name))) side.files.push(relativeTo(folder, relative, file))
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

function snapshot(review: SegmentReview): Snapshot {
  return {text: review.segment.text, translation: review.translation, state: review.state, staleReason: review.staleReason, approval: review.approval}
}

function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return (
    a.text === b.text &&
    a.translation === b.translation &&
    a.state === b.state &&
    a.approval?.source === b.approval?.source &&
    a.approval?.target === b.approval?.target &&
    a.approval?.reviewer === b.approval?.reviewer
  )
}

function segmentRow(id: string, before: Snapshot | undefined, after: Snapshot | undefined, checks: readonly Check[] | undefined): TableRow {
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
      cell([text(`${describe(before)} → ${describe(after)}`)]),
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

function describe(snapshot: Snapshot | undefined): string {
  if (!snapshot) return 'removed'
  if (snapshot.state !== 'stale') return snapshot.state
  return `stale (${snapshot.staleReason === 'source' ? 'French changed' : snapshot.staleReason === 'target' ? 'translation changed' : 'French and translation changed'})`
}

/** The words of a diff: `removed` shows the old text with removals struck, `added` the new one with additions in bold, `both` both. */
function marked(before: string, after: string, show: 'removed' | 'added' | 'both'): PhrasingContent[] {
  if (before === after) return [text(after)]
  const out: PhrasingContent[] = []
  for (const part of wordDiff(before, after)) {
    if (part.removed) {
      if (show !== 'added') out.push({type: 'delete', children: [text(part.value)]})
    } else if (part.added) {
      if (show !== 'removed') out.push({type: 'strong', children: [text(part.value)]})
    } else {
      out.push(text(part.value))
    }
  }
  return out
}

function share(counts: {reviewed: number; total: number} | undefined): string {
  if (!counts) return '—'
  const percent = counts.total === 0 ? 100 : Math.floor((counts.reviewed / counts.total) * 100)
  return `${counts.reviewed}/${counts.total} (${percent}%)`
}

function compareKeys(a: string, b: string): number {
  const [idA, lngA] = a.split('/') as [string, TargetLanguage]
  const [idB, lngB] = b.split('/') as [string, TargetLanguage]
  return idA === idB ? targetLanguages.indexOf(lngA) - targetLanguages.indexOf(lngB) : idA < idB ? -1 : 1
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
