import path from 'node:path'
import {alignSegments, anchorAgreement, type AlignOptions, type SegmentUnit} from '@briefs/align'
import {fingerprint, loadBitext, stringifyEntries, stringifyOrigins, unitKey, type Bitext, type UnitOrigin} from '@briefs/bitext'
import {corpusLayout, fileOfError, languageProblem, loadArticle, readCorpusConfig, resolveArticleIds, writeFilesAtomic, type TargetLanguage} from '@briefs/corpus'
import {languageName, readDocument, type TranslationDocument} from '@briefs/documents'
import {VFile} from 'vfile'
import {alignmentEvidence} from '../../alignment.js'
import {parse} from '../../args.js'
import {findCorpus, userPath, type Context} from '../../context.js'
import {InputError, UsageError} from '../../errors.js'
import {report} from '../../report.js'

export const usage = `Usage: briefs import <file> --article <id> --lang <lng> [--dry-run] [--json] [--force] [--corpus <dir>]

Import a translation delivered as a whole document (.txt, .md or .docx,
the headline on top or not) into the article's resource: its sentences are
aligned with the French segments (title included), and each aligned unit
becomes a translation unit, two French sentences rendered as one under one
key (s-1a2b3c+s-4d5e6f). Imported translations are drafts; where each came
from, with the aligner's confidence, is recorded for the reviewer
(corpus/origins/<lng>/<id>.json, shown by \`briefs status --verbose\`).

Never overwrites an existing translation unless --force (then lists what
changes). A sentence the translator added is reported with its line and
attached to nothing; a French segment with no counterpart stays missing;
units the aligner is unsure of are listed for the reviewer.

  --dry-run   write nothing; with --json, print {"units": [{"segments",
              "target", "confidence"}]}: every French segment in exactly
              one unit, in document order ("target": "" where none), and a
              translator's addition as a unit with "segments": [] at its place
  --json      the units as JSON (see --dry-run)
  --force     replace existing translations, listing each change`

/** Below this, a unit is listed for the reviewer and its origin says so. */
export const lowConfidence = 0.5

/**
 * A translation takes its numbers and names from the French (precision) and
 * keeps nearly all of them (recall); another article on the same story
 * shares its names but few of its figures. Below this on both counts, the
 * document is refused. The shipped articles' own translations reach 0.85
 * and 0.95, each the other's 0.44 and 0.39.
 */
const foreignAgreement = 0.7
/** Fewer anchors than this in the French, and there is nothing to judge by. */
const fewestAnchors = 5

export async function importCommand(argv: string[], context: Context): Promise<number> {
  const {values, positionals} = parse(
    argv,
    {article: {type: 'string'}, lang: {type: 'string'}, 'dry-run': {type: 'boolean'}, json: {type: 'boolean'}, force: {type: 'boolean'}, corpus: {type: 'string'}},
    usage
  )
  if (positionals.length !== 1) throw new UsageError(`Expected one document to import\n\n${usage}`)
  if (!values.article || !values.lang) throw new UsageError(`Missing --article or --lang\n\n${usage}`)
  const corpus = findCorpus(context, values.corpus)
  const layout = corpusLayout(corpus)
  const problem = languageProblem(await readCorpusConfig(layout), values.lang)
  if (problem) throw new UsageError(problem)
  const lng = values.lang as TargetLanguage
  const filePath = userPath(context, positionals[0]!)
  const shown = path.relative(context.cwd, filePath) || filePath

  const [id] = await resolveArticleIds(layout, [values.article])
  const article = await loadArticle(layout, id!)
  const bitext = await loadBitext(layout, article, lng)
  const document = await read(filePath, lng, shown)
  const evidence = await alignmentEvidence(corpus, lng, article.id)
  refuseForeign(bitext, document, evidence)
  const units = alignSegments(
    bitext.segments.map((segment) => ({id: segment.id, block: segment.block, text: segment.text})),
    document.sentences.map((sentence) => ({text: sentence.text, source: sentence.source, paragraph: sentence.paragraph, line: sentence.line, column: sentence.column})),
    evidence
  )

  if (values.json) {
    context.stdout.write(`${JSON.stringify({units: units.map((unit) => ({segments: unit.segments, target: targetOf(unit), confidence: round(unit.confidence)}))}, null, 2)}\n`)
  }
  const plan = planResource(bitext, units)
  if (plan.conflicts.length > 0 && !values.force && !values['dry-run']) {
    throw new InputError(
      `Nothing imported: ${plan.conflicts.length} ${plural(plan.conflicts.length, 'translation')} already in \`${path.relative(context.cwd, layout.resourceFile(lng, article.id))}\` would change; import again with --force to replace them:\n  ${plan.conflicts.map(({key}) => `\`${key}\``).join('\n  ')}`,
      []
    )
  }

  const summary = describe(units, plan, shown)
  if (!values['dry-run']) {
    const date = new Date().toISOString().slice(0, 10)
    const origins = new Map(bitext.origins.entries)
    for (const unit of plan.written) {
      const origin: UnitOrigin = {via: 'alignment', target: fingerprint(unit.value), date, score: round(unit.confidence), from: path.basename(filePath), ...(unit.confidence < lowConfidence ? {note: 'low confidence: check it'} : {})}
      origins.set(unit.key, origin)
    }
    for (const key of plan.removed) origins.delete(key)
    if (bitext.origins.file?.messages.some((message) => message.fatal === true)) {
      throw new InputError('Nothing imported: the origins file has entries that could not be read; writing it again would lose them', [bitext.origins.file])
    }
    // Both files as one change: each whole, the resource never without the origins of its drafts.
    await writeFilesAtomic([
      {path: layout.resourceFile(lng, article.id), content: stringifyEntries([...plan.entries])},
      {path: layout.originsFile(lng, article.id), content: stringifyOrigins(origins, [...plan.entries.keys()])}
    ])
  }
  if (!values.json) {
    const where = path.relative(context.cwd, layout.resourceFile(lng, article.id))
    context.stdout.write(`${values['dry-run'] ? 'Would write' : 'Wrote'} ${where}: ${summary.join('; ')}\n`)
    for (const line of actionLines(units, plan, values.force === true)) context.stdout.write(`  ${line}\n`)
  }
  return 0
}

/** Read the document, refusing a file that is not one, or not in the language. */
async function read(filePath: string, lng: TargetLanguage, shown: string): Promise<TranslationDocument> {
  let document: TranslationDocument
  try {
    document = await readDocument(filePath, {language: lng})
  } catch (error) {
    throw new InputError(`Nothing imported: \`${shown}\` cannot be read`, [fileOfError(error, filePath)])
  }
  if (document.file.messages.some((message) => message.fatal)) throw new InputError(`Nothing imported: \`${shown}\` is not in ${languageName(lng)}`, [document.file])
  if (document.sentences.length === 0) throw new InputError(`Nothing imported: \`${shown}\` has no sentence`, [located(document.file, 'Unexpected document without text, expected the translation', 'empty')])
  return document
}

/** A translation of another article shares few of this one's numbers and names: refuse it rather than write nonsense. */
function refuseForeign(bitext: Bitext, document: TranslationDocument, evidence: AlignOptions): void {
  const agreement = anchorAgreement(
    bitext.segments.map((segment) => segment.text),
    document.sentences.map((sentence) => sentence.text),
    evidence
  )
  if (agreement.source < fewestAnchors || agreement.precision >= foreignAgreement || agreement.recall >= foreignAgreement) return
  const percent = (value: number) => `${Math.round(value * 100)} %`
  throw new InputError(`Nothing imported: the document does not read as a translation of \`${bitext.article.id}\``, [
    located(
      document.file,
      `Unexpected document sharing ${percent(agreement.recall)} of the numbers and names of \`${bitext.article.id}\` (and taking ${percent(agreement.precision)} of its own from it), expected its translation: is it another article's?`,
      'foreign-document'
    )
  ])
}

function located(file: VFile, reason: string, ruleId: string): VFile {
  const message = file.message(reason, {place: {line: 1, column: 1}, ruleId, source: 'briefs'})
  message.fatal = true
  return file
}

/** The translation of a unit: its sentences as written, joined by a space. */
function targetOf(unit: SegmentUnit): string {
  return unit.target.map((sentence) => sentence.source).join(' ')
}

interface Plan {
  /** The resource as it will be: key → translation, in document order. */
  entries: Map<string, string>
  /** Units written (new or changed). */
  written: Array<{key: string; value: string; confidence: number}>
  /** Units the same as before. */
  unchanged: number
  /** Existing translations the import would replace or drop. */
  conflicts: Array<{key: string; before: string; after: string | undefined}>
  /** Keys no longer in the resource (replaced by other units). */
  removed: string[]
}

/**
 * The resource after the import: one entry per aligned unit with a
 * translation, in document order; entries the import does not touch (other
 * keys of the file, such as an orphan) are kept after them.
 */
function planResource(bitext: Bitext, units: readonly SegmentUnit[]): Plan {
  const existing = new Map([...(bitext.resource?.entries ?? [])].map(([key, entry]) => [key, entry.value]))
  const coveredBefore = new Map<string, string>()
  for (const unit of bitext.units) if (unit.entry) for (const segment of unit.segments) coveredBefore.set(segment.id, unit.key)
  const plan: Plan = {entries: new Map(), written: [], unchanged: 0, conflicts: [], removed: []}
  const replaced = new Set<string>()
  for (const unit of units) {
    if (unit.segments.length === 0) continue
    const value = targetOf(unit)
    const before = [...new Set(unit.segments.flatMap((segment) => (coveredBefore.has(segment) ? [coveredBefore.get(segment)!] : [])))]
    if (value === '') {
      // Nothing in the document for these segments: what the resource had stays.
      for (const key of before) plan.entries.set(key, existing.get(key)!)
      continue
    }
    const key = unitKey(unit.segments)
    if (before.length === 1 && before[0] === key && existing.get(key) === value) {
      plan.unchanged++
      plan.entries.set(key, value)
      continue
    }
    for (const old of before) {
      replaced.add(old)
      plan.conflicts.push({key: old, before: existing.get(old)!, after: old === key ? value : undefined})
    }
    plan.entries.set(key, value)
    plan.written.push({key, value, confidence: unit.confidence})
  }
  for (const [key, value] of existing) {
    if (plan.entries.has(key) || replaced.has(key)) continue
    plan.entries.set(key, value)
  }
  plan.removed = [...replaced].filter((key) => !plan.entries.has(key))
  return plan
}

function describe(units: readonly SegmentUnit[], plan: Plan, shown: string): string[] {
  const additions = units.filter((unit) => unit.segments.length === 0)
  const missing = units.filter((unit) => unit.segments.length > 0 && unit.target.length === 0)
  const unsure = units.filter((unit) => unit.segments.length > 0 && unit.target.length > 0 && unit.confidence < lowConfidence)
  const merged = plan.written.filter((unit) => unit.key.includes('+'))
  return [
    `${plan.written.length} ${plural(plan.written.length, 'translation unit')} from \`${shown}\` as drafts${merged.length > 0 ? ` (${merged.length} over several French sentences)` : ''}`,
    ...(plan.unchanged > 0 ? [`${plan.unchanged} unchanged`] : []),
    ...(plan.conflicts.length > 0 ? [`${plan.conflicts.length} existing ${plural(plan.conflicts.length, 'translation')} replaced (--force)`] : []),
    ...(missing.length > 0 ? [`${missing.reduce((sum, unit) => sum + unit.segments.length, 0)} French ${plural(missing.length, 'segment')} without counterpart`] : []),
    ...(additions.length > 0 ? [`${additions.reduce((sum, unit) => sum + unit.target.length, 0)} added ${plural(additions.length, 'sentence')} not imported`] : []),
    ...(unsure.length > 0 ? [`${unsure.length} to check (low confidence)`] : [])
  ]
}

/** What needs the reviewer's or the translator's attention, one line each. */
function actionLines(units: readonly SegmentUnit[], plan: Plan, force: boolean): string[] {
  const lines: string[] = []
  for (const unit of units) {
    if (unit.segments.length === 0) {
      for (const sentence of unit.target) lines.push(`line ${sentence.line}:${sentence.column}: added by the translator, attached to nothing: ${JSON.stringify(clip(sentence.source))}`)
    } else if (unit.target.length === 0) {
      lines.push(`${unit.segments.map((segment) => `\`${segment}\``).join(', ')}: no counterpart in the document, left missing`)
    } else if (unit.confidence < lowConfidence) {
      lines.push(`\`${unitKey(unit.segments)}\` (line ${unit.target[0]!.line}): low confidence (${round(unit.confidence)}), check it`)
    }
  }
  if (force) for (const conflict of plan.conflicts) lines.push(`\`${conflict.key}\` replaced: ${JSON.stringify(clip(conflict.before))}`)
  return lines
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`
}
