import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** The repository's corpus: read-only for tests, copy it before changing anything. */
export const repositoryCorpus = fileURLToPath(new URL('../../../corpus/', import.meta.url))

export async function copyCorpus(): Promise<string> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'briefs-corpus-'))
  await fs.cp(repositoryCorpus, directory, {recursive: true})
  return directory
}

/** The message a fatal vfile error carries, as `line:column: reason`. */
export async function fatal(promise: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof promise === 'function' ? promise() : promise)
  } catch (error) {
    const message = error as {line?: number; column?: number; reason?: string; fatal?: boolean}
    if (message.fatal !== true) throw error
    return `${message.line}:${message.column}: ${message.reason}`
  }
  throw new Error('Expected a fatal message, got none')
}
