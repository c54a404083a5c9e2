import {fileOfError} from '@briefs/corpus/files'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'

/** An error that stopped an article, as a file with one fatal message. */
export function failure(error: unknown, filePath: string): VFile {
  if (error instanceof VFileMessage) return fileOfError(error, filePath)
  // Anything else (a full disk, a bug) still stops only this article, reported like a message.
  const file = new VFile({path: filePath})
  const message = file.message(error instanceof Error ? error.message : String(error), {ruleId: 'build', source: 'briefs'})
  message.fatal = true
  return file
}
