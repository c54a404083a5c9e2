import {randomBytes} from 'node:crypto'
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
  const temporary = path.join(directory, `.${path.basename(filePath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
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
