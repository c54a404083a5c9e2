import type {TargetLanguage} from '@briefs/corpus'
import type {VFileMessage} from 'vfile-message'

/** What a QA message is about, for JSON output and the review report. */
export interface QaMessageData {
  article: string
  lang: TargetLanguage
  /** The segment ID (for an orphan, its key). */
  segment: string
  /** Where the French segment starts; absent for an orphan. */
  french?: {file: string; line: number; column: number} | undefined
}

declare module 'vfile-message' {
  interface VFileMessage {
    /** Set by `@briefs/qa` on its findings. */
    data?: QaMessageData | undefined
  }
}

/** The QA data of a message, when it is a finding about a segment. */
export function qaData(message: VFileMessage): QaMessageData | undefined {
  return message.data
}
