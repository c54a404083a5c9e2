import {randomBytes} from 'node:crypto'
import fsSync from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'

export interface WriteOptions {
  /**
   * Flush to disk before the rename (default), so the new content survives
   * a power cut too. Files rebuilt from the corpus at will can skip it.
   */
  durable?: boolean
}

/**
 * Write a file so that readers see the old content or the new one, never
 * half of it: write a temporary file beside it, flush, then rename over.
 */
export async function writeFileAtomic(filePath: string, content: string, options: Readonly<WriteOptions> = {}): Promise<void> {
  const directory = path.dirname(filePath)
  await fs.mkdir(directory, {recursive: true})
  const temporary = temporaryPath(filePath)
  const handle = await fs.open(temporary, 'wx')
  try {
    await handle.writeFile(content, 'utf8')
    if (options.durable !== false) await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await fs.rename(temporary, filePath)
  } catch (error) {
    await fs.rm(temporary, {force: true})
    throw error
  }
}

/**
 * Write several files as one change, as far as a file system allows: every
 * content goes to a temporary file beside its target first (flushed); only
 * when all are written are they renamed over their targets, one after the
 * other. A failure while writing leaves every target as it was and removes
 * the temporary files. (The renames themselves are not one atomic step: a
 * crash between two of them leaves some files new and some old, each whole.)
 */
export async function writeFilesAtomic(files: ReadonlyArray<{path: string; content: string}>, options: Readonly<WriteOptions> = {}): Promise<void> {
  const targets = new Set<string>()
  for (const file of files) {
    const resolved = path.resolve(file.path)
    if (targets.has(resolved)) throw new Error(`Unexpected file \`${file.path}\` twice in one write, expected each file once`)
    targets.add(resolved)
  }
  const staged: Array<{temporary: string; target: string}> = []
  try {
    for (const file of files) {
      await fs.mkdir(path.dirname(file.path), {recursive: true})
      const temporary = temporaryPath(file.path)
      const handle = await fs.open(temporary, 'wx')
      staged.push({temporary, target: file.path})
      try {
        await handle.writeFile(file.content, 'utf8')
        if (options.durable !== false) await handle.sync()
      } finally {
        await handle.close()
      }
    }
  } catch (error) {
    await Promise.all(staged.map(({temporary}) => fs.rm(temporary, {force: true})))
    throw error
  }
  for (const [index, {temporary, target}] of staged.entries()) {
    try {
      await fs.rename(temporary, target)
    } catch (error) {
      await Promise.all(staged.slice(index).map((entry) => fs.rm(entry.temporary, {force: true})))
      throw error
    }
  }
}

/**
 * `writeFileAtomic` without the event loop, for worker threads that write
 * many small files: each call blocks only its own thread, and does not queue
 * behind other threads on libuv's small pool. Returns the file's stat.
 */
export function writeFileAtomicSync(filePath: string, content: string, options: Readonly<WriteOptions> = {}): fsSync.Stats {
  fsSync.mkdirSync(path.dirname(filePath), {recursive: true})
  const temporary = temporaryPath(filePath)
  const descriptor = fsSync.openSync(temporary, 'wx')
  let stat: fsSync.Stats
  try {
    fsSync.writeFileSync(descriptor, content, 'utf8')
    if (options.durable !== false) fsSync.fsyncSync(descriptor)
    stat = fsSync.fstatSync(descriptor)
  } finally {
    fsSync.closeSync(descriptor)
  }
  try {
    fsSync.renameSync(temporary, filePath)
  } catch (error) {
    fsSync.rmSync(temporary, {force: true})
    throw error
  }
  return stat
}

/** A temporary name beside the target: same folder, so the rename is atomic. */
function temporaryPath(filePath: string): string {
  return path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
}
