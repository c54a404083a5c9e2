import {hash} from 'node:crypto'

/**
 * 16 hex digits of SHA-256: enough to tell texts apart, short enough for a
 * readable diff. One-shot `hash`: a build takes two per translation unit, and
 * a `Hash` object costs twice the hashing of a sentence.
 */
export function fingerprint(text: string): string {
  return hash('sha256', text, 'hex').slice(0, 16)
}

export const fingerprintPattern = /^[0-9a-f]{16}$/
