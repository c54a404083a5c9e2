import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'

/**
 * A thrown vfile message (invalid JSON, bad front matter...) as a file
 * holding it, named by the message's file or `filePath`; any other error is
 * a bug and goes on up.
 */
export function fileOfError(error: unknown, filePath: string): VFile {
  if (!(error instanceof VFileMessage)) throw error
  const file = new VFile({path: error.file || filePath})
  file.messages.push(error)
  return file
}
