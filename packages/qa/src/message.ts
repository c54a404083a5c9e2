import type {TargetLanguage} from '@briefs/corpus'
import type {VFileMessage} from 'vfile-message'

/** What a QA message is about, for JSON output and the review report. */
export interface QaMessageData {
  article: string
  lang: TargetLanguage
  /** The translation unit's key: a segment ID, `s-1+s-2` for a unit of two sentences; for a resource entry that is no unit, its key. */
  segment: string
  /** The French segments the unit covers (none for an entry attached to nothing). */
  segments: string[]
  /** Where the unit's French starts; absent for an entry attached to nothing. */
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
