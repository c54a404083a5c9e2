import fs from 'node:fs'
import path from 'node:path'
import type {Writable} from 'node:stream'

/** What a command may touch: its streams and where it was started. */
export interface Context {
  /** The directory the user ran the command from (pnpm's INIT_CWD, not the repository root). */
  cwd: string
  stdout: Writable
  stderr: Writable
  /** Colour in reports. */
  color: boolean
}

/** A path given by the user, relative to where they ran the command. */
export function userPath(context: Context, value: string): string {
  return path.resolve(context.cwd, value)
}

/**
 * The corpus: `--corpus`, else the nearest `corpus/` folder with
 * `articles/` from the working directory up.
 */
export function findCorpus(context: Context, option: string | undefined): string {
  if (option) return userPath(context, option)
  let directory = context.cwd
  for (;;) {
    const candidate = path.join(directory, 'corpus')
    if (fs.existsSync(path.join(candidate, 'articles'))) return candidate
    const parent = path.dirname(directory)
    if (parent === directory) return path.join(context.cwd, 'corpus')
    directory = parent
  }
}
