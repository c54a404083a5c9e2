import fs from 'node:fs'

/**
 * The lines of a file (without their line feed), read a chunk at a time:
 * a file of the whole corpus is never one string in memory. A missing
 * file has none.
 */
export function* readLines(file: string): Generator<string> {
  let descriptor: number
  try {
    descriptor = fs.openSync(file, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  try {
    const chunk = Buffer.alloc(1 << 20)
    let rest = ''
    for (;;) {
      const read = fs.readSync(descriptor, chunk, 0, chunk.length, null)
      if (read === 0) break
      // A multi-byte character cut at the chunk's end waits for the next chunk: cut at the last line feed (one byte in UTF-8).
      const end = chunk.lastIndexOf(0x0a, read - 1)
      if (end === -1) {
        rest += chunk.toString('utf8', 0, read)
        continue
      }
      const text = rest + chunk.toString('utf8', 0, end)
      rest = chunk.toString('utf8', end + 1, read)
      yield* text.split('\n')
    }
    if (rest !== '') yield rest
  } finally {
    fs.closeSync(descriptor)
  }
}
