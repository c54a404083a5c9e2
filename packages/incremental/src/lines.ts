import fs from 'node:fs'

/**
 * The lines of a file (without their line feed), read a chunk at a time:
 * a file of the whole corpus is never one string in memory. A missing
 * file has none.
 */
export function* readLines(file: string): Generator<string> {
  for (const {bytes} of readLinesAt(file)) yield bytes.toString('utf8')
}

/**
 * `readLines`, as bytes, with where each line starts in the file: a reader
 * decodes only what it keeps. A string sliced from a decoded line would hold
 * the whole line in memory (V8 keeps the parent of a sliced string): the
 * kept results of a corpus are tens of megabytes of lines. `bytes` is valid
 * until the next line is asked for.
 */
export function* readLinesAt(file: string, bufferSize = 1 << 20): Generator<{bytes: Buffer; offset: number}> {
  let descriptor: number
  try {
    descriptor = fs.openSync(file, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  try {
    // One buffer, reused: the start of a line cut by the end of a read moves to its front, the next read fills the rest.
    let buffer = Buffer.allocUnsafe(bufferSize)
    let kept = 0
    let offset = 0
    for (;;) {
      if (kept === buffer.length) {
        // A line longer than the buffer: a larger one.
        const larger = Buffer.allocUnsafe(buffer.length * 2)
        buffer.copy(larger, 0, 0, kept)
        buffer = larger
      }
      const read = fs.readSync(descriptor, buffer, kept, buffer.length - kept, null)
      if (read === 0) break
      const filled = buffer.subarray(0, kept + read)
      let start = 0
      // Lines are cut at line feeds (one byte in UTF-8): a character is never cut in two.
      for (let end = filled.indexOf(0x0a, start); end !== -1; end = filled.indexOf(0x0a, start)) {
        yield {bytes: filled.subarray(start, end), offset: offset + start}
        start = end + 1
      }
      offset += start
      kept = filled.length - start
      buffer.copy(buffer, 0, start, filled.length)
    }
    if (kept > 0) yield {bytes: buffer.subarray(0, kept), offset}
  } finally {
    fs.closeSync(descriptor)
  }
}

/** A file written a line at a time: see `writeLines`. */
export interface LinesWriter {
  /** Append `line` (without its line feed); returns where it starts in the file, in bytes. */
  write(line: string): number
  /** Write what is buffered and rename the file over the target. */
  commit(): void
  /** Close and remove the temporary file; the target stays as it was. */
  abort(): void
}

/**
 * Write `target` a line at a time into `temporary` (a new file beside it),
 * buffered, renamed over `target` by `commit`: readers see the old file or
 * the new one, whole, and memory holds a buffer, not the file.
 */
export function writeLines(target: string, temporary: string): LinesWriter {
  const descriptor = fs.openSync(temporary, 'wx')
  let open = true
  let written = 0
  let buffer = ''
  let bufferBytes = 0
  const flush = () => {
    if (buffer === '') return
    written += fs.writeSync(descriptor, buffer)
    buffer = ''
    bufferBytes = 0
  }
  const close = () => {
    if (!open) return
    open = false
    fs.closeSync(descriptor)
  }
  return {
    write(line) {
      const at = written + bufferBytes
      buffer += `${line}\n`
      bufferBytes += Buffer.byteLength(line) + 1
      if (buffer.length > 1 << 16) flush()
      return at
    },
    commit() {
      flush()
      close()
      fs.renameSync(temporary, target)
    },
    abort() {
      close()
      fs.rmSync(temporary, {force: true})
    }
  }
}
