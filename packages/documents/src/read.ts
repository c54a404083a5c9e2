import fs from 'node:fs/promises'
import path from 'node:path'
import {decodeTextFile, remarkArticleSyntax} from '@briefs/corpus'
import {splitBlock} from '@briefs/segment'
import {splitSentences, type SentenceRules} from '@briefs/sentences'
import type {Heading, Paragraph, PhrasingContent, Root, TableCell} from 'mdast'
import mammoth from 'mammoth'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import {checkLanguage, sentenceRulesFor} from './language.js'

export type DocumentFormat = 'txt' | 'md' | 'docx'

export interface DocumentParagraph {
  /** A heading (Markdown `#`, or a one-line paragraph of a text file with no final punctuation) or a paragraph. */
  kind: 'heading' | 'paragraph'
  /** Its plain text. */
  text: string
  line: number
  column: number
}

export interface DocumentSentence {
  /** Plain text: what alignment compares. */
  text: string
  /** As written in the file: inline Markdown kept in a `.md` file; the plain text otherwise. */
  source: string
  /** Index of its paragraph in `paragraphs`. */
  paragraph: number
  /** 1-based place of its first character: line and column of the file; for `.docx`, Word paragraph and column in it. */
  line: number
  column: number
}

export interface TranslationDocument {
  /** The file, with any messages (a wrong language is an error message here, not thrown). */
  file: VFile
  format: DocumentFormat
  paragraphs: DocumentParagraph[]
  sentences: DocumentSentence[]
}

export interface ReadOptions {
  /** Language code of the text (`en`, `ru`, `fr`…): its sentence rules, and the language it is checked against. */
  language: string
  /** Sentence rules instead of the language's. */
  rules?: SentenceRules
}

const formats: Record<string, DocumentFormat> = {'.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md', '.docx': 'docx'}

/**
 * Read a delivered document from disk. Fails (throws a `VFileMessage`
 * naming the file, line and column) on a missing, empty, binary or
 * undecodable file, or an unknown extension.
 */
export async function readDocument(filePath: string, options: ReadOptions): Promise<TranslationDocument> {
  let bytes: Uint8Array
  try {
    bytes = await fs.readFile(filePath)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    new VFile({path: filePath}).fail(`Unexpected ${code === 'ENOENT' ? 'missing file' : `unreadable file (${code ?? String(error)})`}, expected a document`, {
      ruleId: 'read',
      source: 'briefs'
    })
  }
  return parseDocument(bytes!, filePath, options)
}

/** The same from bytes already read; the format comes from the extension of `filePath`. */
export async function parseDocument(bytes: Uint8Array, filePath: string, options: ReadOptions): Promise<TranslationDocument> {
  const extension = path.extname(filePath).toLowerCase()
  const format = formats[extension]
  if (!format) {
    new VFile({path: filePath}).fail(`Unexpected ${extension ? `extension \`${extension}\`` : 'file without extension'}, expected .txt, .md or .docx`, {
      ruleId: 'format',
      source: 'briefs'
    })
  }
  const rules = options.rules ?? sentenceRulesFor(options.language)
  const document = format === 'docx' ? await readWord(bytes, filePath, rules) : readText(bytes, filePath, format!, rules)
  if (document.sentences.length === 0) {
    document.file.fail('Unexpected empty document, expected text', {place: {line: 1, column: 1}, ruleId: 'empty', source: 'briefs'})
  }
  checkLanguage(document.file, document.sentences.map((sentence) => sentence.text).join(' '), options.language)
  return document
}

function readText(bytes: Uint8Array, filePath: string, format: 'txt' | 'md', rules: SentenceRules): TranslationDocument {
  const file = decodeTextFile(bytes, filePath)
  // Translators' tools write a BOM and CRLF: accepted here, since nothing is written back.
  let value = String(file.value)
  if (value.charCodeAt(0) === 0xfeff) value = value.slice(1)
  value = value.replace(/\r\n?/g, '\n')
  file.value = value
  const nul = value.indexOf('\0')
  if (nul !== -1) {
    file.fail('Unexpected binary content (a NUL character), expected text', {place: location(file).toPoint(nul), ruleId: 'binary', source: 'briefs'})
  }
  return format === 'md' ? readMarkdown(file, rules) : readPlain(file, rules)
}

const blankLine = /\n[^\S\n]*\n/g

/** Paragraphs are separated by blank lines; lines within one are soft breaks. */
function readPlain(file: VFile, rules: SentenceRules): TranslationDocument {
  const value = String(file.value)
  const place = location(file)
  const paragraphs: DocumentParagraph[] = []
  const sentences: DocumentSentence[] = []
  let start = 0
  const blocks: Array<[number, number]> = []
  for (const match of value.matchAll(blankLine)) {
    blocks.push([start, match.index])
    start = match.index + match[0].length
  }
  blocks.push([start, value.length])
  for (const [blockStart, blockEnd] of blocks) {
    const block = value.slice(blockStart, blockEnd)
    const ranges = splitSentences(block, rules)
    if (ranges.length === 0) continue
    const first = place.toPoint(blockStart + ranges[0]!.start)!
    const text = collapse(block.trim())
    const oneLine = !block.trim().includes('\n')
    paragraphs.push({kind: oneLine && !/[.?!…:;»"”)]$/.test(text) ? 'heading' : 'paragraph', text, line: first.line, column: first.column})
    for (const range of ranges) {
      const point = place.toPoint(blockStart + range.start)!
      const sentence = block.slice(range.start, range.end)
      sentences.push({text: collapse(sentence), source: sentence, paragraph: paragraphs.length - 1, line: point.line, column: point.column})
    }
  }
  return {file, format: 'txt', paragraphs, sentences}
}

/** Headings, paragraphs (in lists and quotes too) and table cells; front matter skipped. */
function readMarkdown(file: VFile, rules: SentenceRules): TranslationDocument {
  const value = String(file.value)
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkArticleSyntax)
  const tree = processor.parse(file) as Root
  const paragraphs: DocumentParagraph[] = []
  const sentences: DocumentSentence[] = []
  visit(tree, (node) => {
    if (node.type !== 'heading' && node.type !== 'paragraph' && node.type !== 'tableCell') return
    const block = node as Heading | Paragraph | TableCell
    const {sentences: found} = splitBlock(structuredClone(block.children) as PhrasingContent[], rules)
    if (found.length === 0) return 'skip'
    const start = found[0]!.position?.start ?? block.position!.start
    paragraphs.push({kind: node.type === 'heading' ? 'heading' : 'paragraph', text: found.map((sentence) => sentence.data.text).join(' '), line: start.line, column: start.column})
    for (const sentence of found) {
      const position = sentence.position ?? block.position!
      sentences.push({
        text: sentence.data.text,
        source: value.slice(position.start.offset, position.end.offset),
        paragraph: paragraphs.length - 1,
        line: position.start.line,
        column: position.start.column
      })
    }
    return 'skip'
  })
  return {file, format: 'md', paragraphs, sentences}
}

/**
 * A Word document's paragraphs as mammoth reads their text. There are no
 * lines in Word: a sentence's place is its paragraph's number (every Word
 * paragraph counted, empty ones too) and its column in that paragraph.
 */
async function readWord(bytes: Uint8Array, filePath: string, rules: SentenceRules): Promise<TranslationDocument> {
  const file = new VFile({path: filePath})
  if (bytes.length === 0) file.fail('Unexpected empty file, expected a Word document', {place: {line: 1, column: 1}, ruleId: 'empty', source: 'briefs'})
  // A .docx is a zip archive: "PK\x03\x04".
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    file.fail('Unexpected content that is not a zip archive, expected a Word document (.docx)', {place: {line: 1, column: 1}, ruleId: 'docx', source: 'briefs'})
  }
  let raw: string
  try {
    raw = (await mammoth.extractRawText({buffer: Buffer.from(bytes)})).value
  } catch (error) {
    file.fail(`Unexpected unreadable Word document (${error instanceof Error ? error.message : String(error)}), expected a .docx file`, {
      place: {line: 1, column: 1},
      ruleId: 'docx',
      source: 'briefs'
    })
  }
  file.value = raw!
  const paragraphs: DocumentParagraph[] = []
  const sentences: DocumentSentence[] = []
  raw!.split('\n\n').forEach((paragraph, index) => {
    const ranges = splitSentences(paragraph, rules)
    if (ranges.length === 0) return
    const text = collapse(paragraph.trim())
    paragraphs.push({kind: 'paragraph', text, line: index + 1, column: ranges[0]!.start + 1})
    for (const range of ranges) {
      const sentence = paragraph.slice(range.start, range.end)
      sentences.push({text: collapse(sentence), source: sentence, paragraph: paragraphs.length - 1, line: index + 1, column: range.start + 1})
    }
  })
  return {file, format: 'docx', paragraphs, sentences}
}

/** Line breaks and runs of spaces inside a sentence as one space. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ')
}
