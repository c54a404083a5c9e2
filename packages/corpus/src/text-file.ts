import fs from 'node:fs/promises'
import {VFile} from 'vfile'
import {location} from 'vfile-location'

const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

/**
 * Read a corpus file as a VFile, failing (a fatal vfile message) on what
 * would silently change text downstream: invalid UTF-8, a byte order mark,
 * CRLF line endings, decomposed (NFD) characters.
 */
export async function readTextFile(filePath: string, options: {maxBytes?: number; limitHint?: string} = {}): Promise<VFile> {
  await checkRegularFile(filePath, options)
  const bytes = await fs.readFile(filePath)
  return textFile(bytes, filePath)
}

/**
 * A corpus file must be a regular file of its own: a symbolic link could
 * lead out of the repository (and git stores the link, not the text), and a
 * FIFO or a device would hang the reader. `lstat`, so the link itself is
 * looked at. With `maxBytes`, a larger file is refused before it is read.
 */
export async function checkRegularFile(filePath: string, options: {maxBytes?: number; limitHint?: string} = {}): Promise<void> {
  const fail = (reason: string, ruleId: string): never => new VFile({path: filePath}).fail(reason, {ruleId, source: 'briefs', place: {line: 1, column: 1}})
  let stat
  try {
    stat = await fs.lstat(filePath)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return fail(code === 'ENOENT' || code === 'ENOTDIR' ? 'Unexpected missing file, expected it in the corpus' : `Unexpected unreadable file (${code}), expected a readable file`, 'read')
  }
  if (stat.isSymbolicLink()) fail('Unexpected symbolic link, expected a regular file in the corpus (a link may lead out of the repository)', 'symbolic-link')
  if (!stat.isFile()) fail('Unexpected special file (a folder, FIFO, socket or device), expected a regular file', 'not-a-file')
  if (options.maxBytes !== undefined && stat.size > options.maxBytes) {
    fail(
      `Unexpected file of ${formatKb(stat.size)}, expected at most ${formatKb(options.maxBytes)}${options.limitHint ? ` (${options.limitHint})` : ''}`,
      'file-size'
    )
  }
}

function formatKb(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString('en')} KB`
}

export function textFile(bytes: Uint8Array, filePath: string): VFile {
  const file = decodeTextFile(bytes, filePath)
  for (const problem of textProblems(String(file.value))) {
    file.fail(problem.reason, {ruleId: problem.ruleId, source: 'briefs', place: location(file).toPoint(problem.offset)})
  }
  return file
}

/** Decode UTF-8 strictly, keeping a BOM so that `textProblems` can report it. */
export function decodeTextFile(bytes: Uint8Array, filePath: string): VFile {
  const file = new VFile({path: filePath})
  try {
    file.value = decoder.decode(bytes)
  } catch {
    file.fail('Unexpected invalid UTF-8, expected UTF-8 text', {ruleId: 'encoding', source: 'briefs', place: {line: 1, column: 1}})
  }
  return file
}

export interface TextProblem {
  reason: string
  ruleId: 'byte-order-mark' | 'line-ending' | 'unicode-normalization'
  offset: number
}

/** The first problem of each kind, in file order. */
export function textProblems(value: string): TextProblem[] {
  const problems: TextProblem[] = []
  if (value.charCodeAt(0) === 0xfeff) {
    problems.push({reason: 'Unexpected byte order mark, expected UTF-8 without BOM', ruleId: 'byte-order-mark', offset: 0})
  }
  const carriageReturn = value.indexOf('\r')
  if (carriageReturn !== -1) {
    problems.push({reason: 'Unexpected carriage return (CRLF or CR line ending), expected LF line endings', ruleId: 'line-ending', offset: carriageReturn})
  }
  if (value.normalize('NFC') !== value) {
    const offset = firstDenormalizedOffset(value)
    problems.push({reason: 'Unexpected decomposed (NFD) character, expected text in Unicode normalization form NFC', ruleId: 'unicode-normalization', offset})
  }
  return problems.sort((a, b) => a.offset - b.offset)
}

/** Where the first character that NFC would compose starts (its base letter). */
function firstDenormalizedOffset(value: string): number {
  const mark = /\p{M}/gu
  for (let match = mark.exec(value); match; match = mark.exec(value)) {
    const start = Math.max(0, match.index - 1)
    const pair = value.slice(start, match.index + match[0].length)
    if (pair.normalize('NFC') !== pair) return start
  }
  return 0
}

/** Fix what `textProblems` reports: drop the BOM, LF line endings, NFC. */
export function normalizeText(value: string): string {
  return value.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC')
}
