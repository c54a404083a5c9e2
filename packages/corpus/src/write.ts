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
