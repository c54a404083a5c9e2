import type {VFile} from 'vfile'

/** Exit codes: what a script calling `briefs` can rely on. */
export const exitCodes = {
  ok: 0,
  /** Bad input (a file, a translation, an ID) or a failed build: the messages say where. */
  input: 1,
  /** The command line itself is wrong. */
  usage: 2,
  /** A bug: an error no check anticipated. */
  internal: 70
} as const

/** The command line is wrong: unknown command or option, missing argument. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** Input was refused; `files` carry the messages (file, line, column, rule). */
export class InputError extends Error {
  override name = 'InputError'
  constructor(
    message: string,
    readonly files: VFile[]
  ) {
    super(message)
  }
}

/** `--help` was asked for: not an error, the usage is the answer (exit 0). */
export class HelpRequested extends Error {
  override name = 'HelpRequested'
  constructor(readonly usage: string) {
    super('help')
  }
}
