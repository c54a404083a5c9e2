import path from 'node:path'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'

/** A vfile message as plain data: it crosses worker threads and lives in the build cache. */
export interface MessageData {
  reason: string
  ruleId?: string | undefined
  source?: string | undefined
  /** `true` error, `false` warning, `null` info. */
  fatal: boolean | null
  place?: VFileMessage['place']
}

/** A file's messages, its path relative to the corpus (the cache outlives where the corpus is). */
export interface FileMessages {
  path: string
  messages: MessageData[]
}

export function serializeFiles(files: readonly VFile[], root: string): FileMessages[] {
  return files
    .filter((file) => file.messages.length > 0)
    .map((file) => ({
      path: path.relative(root, file.path),
      messages: file.messages.map((message) => ({
        reason: message.reason,
        ...(message.ruleId ? {ruleId: message.ruleId} : {}),
        ...(message.source ? {source: message.source} : {}),
        fatal: message.fatal ?? null,
        ...(message.place ? {place: message.place} : {})
      }))
    }))
}

export function deserializeFiles(files: readonly FileMessages[], root: string): VFile[] {
  return files.map((data) => {
    const file = new VFile({path: path.resolve(root, data.path)})
    for (const message of data.messages) {
      const restored = new VFileMessage(message.reason, {place: message.place ?? undefined, ruleId: message.ruleId, source: message.source})
      restored.file = file.path
      restored.fatal = message.fatal ?? undefined
      file.messages.push(restored)
    }
    return file
  })
}
