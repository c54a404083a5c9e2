import path from 'node:path'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'

/** A vfile message as plain data: it crosses worker threads and lives in caches. */
export interface MessageData {
  reason: string
  ruleId?: string | undefined
  source?: string | undefined
  /** `true` error, `false` warning, `null` info. */
  fatal: boolean | null
  place?: VFileMessage['place']
}

/** A file's messages, its path relative to the corpus (a cache outlives where the corpus is). */
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

/** A thrown vfile message (a file that cannot be read) as plain data, or the error of the machine (`ENOENT`…) it was. */
export type ErrorData = {message: MessageData & {file: string}} | {system: {code: string; syscall: string; path?: string | undefined; message: string}}

/** A thrown error as data, when it is a vfile message or an error of the machine; anything else is a bug and goes on up. */
export function serializeError(error: unknown, root: string): ErrorData {
  if (error instanceof VFileMessage) {
    return {
      message: {
        reason: error.reason,
        file: error.file ? path.relative(root, error.file) : '',
        ...(error.ruleId ? {ruleId: error.ruleId} : {}),
        ...(error.source ? {source: error.source} : {}),
        fatal: error.fatal ?? null,
        ...(error.place ? {place: error.place} : {})
      }
    }
  }
  const failure = error as NodeJS.ErrnoException
  if (failure instanceof Error && typeof failure.code === 'string' && typeof failure.syscall === 'string') {
    return {system: {code: failure.code, syscall: failure.syscall, ...(failure.path ? {path: failure.path} : {}), message: failure.message}}
  }
  throw error
}

/** The error `serializeError` was, to throw again. */
export function deserializeError(data: ErrorData, root: string): Error {
  if ('system' in data) return Object.assign(new Error(data.system.message), data.system)
  const message = new VFileMessage(data.message.reason, {place: data.message.place ?? undefined, ruleId: data.message.ruleId, source: data.message.source})
  message.file = data.message.file === '' ? '' : path.resolve(root, data.message.file)
  message.fatal = data.message.fatal ?? undefined
  return message
}
