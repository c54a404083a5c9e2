import path from 'node:path'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import type {Context} from './context.js'

/** Print messages as vfile-reporter does (file:line:column, severity, reason, rule), paths relative to the user. */
export function report(context: Context, files: VFile[], options: {quiet?: boolean} = {}): void {
  const withMessages = files
    .filter((file) => file.messages.length > 0)
    .map((file) => {
      // vfile-reporter names a file by its first path: give it the one the user would type.
      const shown = new VFile(file.path && path.isAbsolute(file.path) ? {path: path.relative(context.cwd, file.path) || file.path} : {path: file.path})
      shown.messages = file.messages
      return shown
    })
  if (withMessages.length === 0) return
  const text = reporter(withMessages, {color: context.color, quiet: options.quiet ?? false, verbose: false})
  if (text) context.stderr.write(`${text}\n`)
}
