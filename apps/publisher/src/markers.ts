import {randomBytes} from 'node:crypto'

/*
 * Markers left in serialized HTML where something is written in later (a
 * page's title and body, a sentence's counterparts): private-use characters
 * and a random nonce, which hast-util-to-html writes as they are and no
 * corpus text can know.
 */
const nonce = randomBytes(8).toString('hex')

/** The marker named `name`. */
export const marker = (name: string): string => `\uE000${nonce}:${name}\uE001`

/** A pattern finding the markers whose names match `name` (a regular expression source), the name captured. */
export const markerPattern = (name: string, flags?: string): RegExp => new RegExp(`\uE000${nonce}:(${name})\uE001`, flags)
