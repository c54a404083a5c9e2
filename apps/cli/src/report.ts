import path from 'node:path'
import type {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import type {Context} from './context.js'

/** Print messages as vfile-reporter does (file:line:column, severity, reason, rule), paths relative to the user. */
export function report(context: Context, files: VFile[], options: {quiet?: boolean} = {}): void {
  const withMessages = files.filter((file) => file.messages.length > 0)
  if (withMessages.length === 0) return
  for (const file of withMessages) {
    if (file.path && path.isAbsolute(file.path)) file.path = path.relative(context.cwd, file.path) || file.path
  }
  const text = reporter(withMessages, {color: context.color, quiet: options.quiet ?? false, verbose: false})
  if (text) context.stderr.write(`${text}\n`)
}
