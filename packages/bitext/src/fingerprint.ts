import {createHash} from 'node:crypto'

/** 16 hex digits of SHA-256: enough to tell texts apart, short enough for a readable diff. */
export function fingerprint(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16)
}

export const fingerprintPattern = /^[0-9a-f]{16}$/
