import fs from 'node:fs/promises'
import path from 'node:path'
import {align, formatUnits, type AlignSentence, type AlignUnit} from '@briefs/align'
import {frenchSegments} from '@briefs/bitext'
import {corpusLayout, decodeTextFile, fileOfError, loadArticle, sourceLanguage} from '@briefs/corpus'
import {languageName, readDocument} from '@briefs/documents'
import stringWidth from 'string-width'
import {VFile} from 'vfile'
import wrapAnsi from 'wrap-ansi'
import {alignmentEvidence} from '../../alignment.js'
import {parse} from '../../args.js'
import {findCorpus, userPath, type Context} from '../../context.js'
import {InputError, UsageError} from '../../errors.js'
import {report} from '../../report.js'

export const usage = `Usage: briefs align <french-file> <translation-file> --to <lng> [--segmented] [--json] [--width <n>] [--corpus <dir>]

Align the sentences of a French text with those of its translation, as
delivered: sentences merged, split, added or left out. Uses lengths,
numbers, names, the corpus glossary, word pairs learned from the corpus's
reviewed translations (en, ru) and, when installed, the FreeDict
dictionary of the pair (/usr/share/dictd).

  --to <lng>        language of the translation (en, ru, de…)
  --segmented       both files hold one sentence per line; print one unit
                    per line, 0-based, as Vecalign does: [0]:[0, 1],
                    [3, 4]:[5], []:[7] (every line of both files once, in order)
  --json            units as JSON: source and target sentences (text, line,
                    column) and confidence
  --width <n>       width of the side-by-side view (default: the terminal's, or 100)
  --corpus <dir>    corpus folder for the glossary (default: the nearest ./corpus)

Without --segmented, the French file is a corpus article (its segments,
title first) or a .txt/.md/.docx document, and the translation a .txt, .md
or .docx document, both split into sentences by their language's rules.`

/** A sentence to show: its text and where it is. */
interface Placed extends AlignSentence {
  line: number
  column: number
}

export async function alignCommand(argv: string[], context: Context): Promise<number> {
  const {values, positionals} = parse(
    argv,
    {to: {type: 'string'}, segmented: {type: 'boolean'}, json: {type: 'boolean'}, width: {type: 'string'}, corpus: {type: 'string'}},
    usage
  )
  if (positionals.length !== 2) throw new UsageError(`Expected a French file and a translation file\n\n${usage}`)
  const language = values.to
  if (!language) throw new UsageError(`Missing --to <lng>, the language of the translation\n\n${usage}`)
  if (!/^[a-z]{2,3}$/.test(language) || language === sourceLanguage) throw new UsageError(`Unexpected language ${JSON.stringify(language)}, expected a language code other than \`fr\` such as \`en\` or \`ru\``)
  const width = values.width === undefined ? terminalWidth(context) : Number(values.width)
  if (!Number.isInteger(width) || width < 40) throw new UsageError(`Unexpected width ${JSON.stringify(values.width)}, expected a whole number of at least 40`)
  const [frenchPath, translationPath] = positionals.map((value) => userPath(context, value)) as [string, string]

  const [french, translation] = values.segmented
    ? [await readLines(frenchPath), await readLines(translationPath)]
    : [await readFrench(frenchPath, context), await readTranslation(translationPath, language, context)]

  const corpus = findCorpus(context, values.corpus)
  const exceptArticle = isCorpusArticle(frenchPath) ? path.basename(frenchPath, '.md') : undefined
  const {units} = align(french, translation, await alignmentEvidence(corpus, language, exceptArticle))

  if (values.json) {
    const place = (sentences: Placed[], indexes: number[]) => indexes.map((index) => ({text: sentences[index]!.text, line: sentences[index]!.line, column: sentences[index]!.column}))
    const rows = units.map((unit) => ({source: unit.source, target: unit.target, confidence: unit.confidence, french: place(french, unit.source), translation: place(translation, unit.target)}))
    context.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
  } else if (values.segmented) {
    context.stdout.write(formatUnits(units))
  } else {
    context.stdout.write(sideBySide(units, french, translation, language, width))
  }
  return 0
}

/** One sentence per line; a final newline ends the last line and starts no other. */
async function readLines(filePath: string): Promise<Placed[]> {
  const file = await readText(filePath)
  let text = String(file.value).replace(/\r\n?/g, '\n')
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (text === '') throw new InputError('Cannot align this file', [failure(file, 'Unexpected empty file, expected one sentence per line', 1, 1, 'empty')])
  const nul = text.indexOf('\0')
  if (nul !== -1) {
    const line = text.slice(0, nul).split('\n').length
    throw new InputError('Cannot align this file', [failure(file, 'Unexpected binary content (a NUL character), expected one sentence per line', line, nul - text.lastIndexOf('\n', nul - 1), 'binary')])
  }
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  return lines.map((line, index) => ({text: line, line: index + 1, column: 1}))
}

async function readText(filePath: string): Promise<VFile> {
  try {
    const bytes = await fs.readFile(filePath).catch(() => {
      new VFile({path: filePath}).fail('Unexpected missing file, expected a text file', {ruleId: 'read', source: 'briefs'})
    })
    return decodeTextFile(bytes!, filePath)
  } catch (error) {
    throw new InputError('Cannot align this file', [fileOfError(error, filePath)])
  }
}

function failure(file: VFile, reason: string, line: number, column: number, ruleId: string): VFile {
  const message = file.message(reason, {place: {line, column}, ruleId, source: 'briefs'})
  message.fatal = true
  return file
}

/** A corpus article gives its segments (title first, with their paragraphs); any other file is read as a French document. */
async function readFrench(filePath: string, context: Context): Promise<Placed[]> {
  if (isCorpusArticle(filePath)) {
    try {
      const article = await loadArticle(corpusLayout(path.dirname(path.dirname(filePath))), path.basename(filePath, '.md'))
      const segments = frenchSegments(article)
      const blocks = [...new Set(segments.map((segment) => segment.block))]
      return segments.map((segment) => ({text: segment.text, paragraph: blocks.indexOf(segment.block), line: segment.start.line, column: segment.start.column}))
    } catch (error) {
      throw new InputError('Cannot align this file', [fileOfError(error, filePath)])
    }
  }
  return readTranslation(filePath, 'fr', context)
}

function isCorpusArticle(filePath: string): boolean {
  return path.basename(path.dirname(filePath)) === 'articles' && filePath.endsWith('.md')
}

async function readTranslation(filePath: string, language: string, context: Context): Promise<Placed[]> {
  let document
  try {
    document = await readDocument(filePath, {language})
  } catch (error) {
    throw new InputError('Cannot align this file', [fileOfError(error, filePath)])
  }
  if (document.file.messages.some((message) => message.fatal)) {
    throw new InputError(`\`${path.relative(context.cwd, filePath) || filePath}\` is not in ${languageName(language)}`, [document.file])
  }
  report(context, [document.file])
  return document.sentences.map((sentence) => ({text: sentence.text, paragraph: sentence.paragraph, line: sentence.line, column: sentence.column}))
}

function terminalWidth(context: Context): number {
  const columns = (context.stdout as {columns?: number}).columns
  return typeof columns === 'number' && columns >= 40 ? columns : 100
}

/** Control characters (escape sequences of a hostile file) shown, not obeyed. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/**
 * Each unit: a header (its Vecalign form, its shape, its confidence, where
 * its sentences are), then French on the left and the translation on the
 * right, wrapped to the width.
 */
function sideBySide(units: AlignUnit[], french: Placed[], translation: Placed[], language: string, width: number): string {
  const column = Math.floor((width - 5) / 2)
  const shapes = new Map<string, number>()
  for (const unit of units) {
    const shape = unit.source.length === 0 ? 'added' : unit.target.length === 0 ? 'left out' : `${unit.source.length}-${unit.target.length}`
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1)
  }
  let out = `${units.length} units: ${[...shapes].map(([shape, count]) => `${count} ${shape}`).join(', ')}\n`
  const where = (sentences: Placed[], indexes: number[]) => (indexes.length === 0 ? '—' : `${sentences[indexes[0]!]!.line}:${sentences[indexes[0]!]!.column}`)
  for (const unit of units) {
    const shape = unit.source.length === 0 ? 'added in the translation' : unit.target.length === 0 ? 'left out of the translation' : `${unit.source.length}-${unit.target.length}`
    out += `\n[${unit.source.join(', ')}]:[${unit.target.join(', ')}]  ${shape}  confidence ${unit.confidence.toFixed(2)}  (fr ${where(french, unit.source)}, ${language} ${where(translation, unit.target)})\n`
    const left = wrapAnsi(printable(unit.source.map((index) => french[index]!.text).join(' ')) || '—', column, {hard: true, trim: true}).split('\n')
    const right = wrapAnsi(printable(unit.target.map((index) => translation[index]!.text).join(' ')) || '—', column, {hard: true, trim: true}).split('\n')
    for (let line = 0; line < Math.max(left.length, right.length); line++) {
      const text = left[line] ?? ''
      out += `  ${text}${' '.repeat(Math.max(0, column - stringWidth(text)))} │ ${right[line] ?? ''}`.trimEnd() + '\n'
    }
  }
  return out
}
