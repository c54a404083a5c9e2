import type {VFile} from 'vfile'
import {location} from 'vfile-location'

export interface RawArticle {
  /** `YYYY-MM`. */
  date: string
  /** Paragraph texts with their offsets in the file. */
  paragraphs: Array<{text: string; offset: number}>
}

const header = /^[ \t]*date[ \t]+(\S+)(?:[ \t]+|[ \t]*\n|$)/
const month = /^\d{4}-(?:0[1-9]|1[0-2])$/

/**
 * Read the raw wire format: ` date YYYY-MM ` then the text, paragraphs
 * separated by blank lines. Lines within a paragraph are kept as they are.
 */
export function readRawArticle(file: VFile): RawArticle {
  const value = String(file.value)
  const match = header.exec(value)
  if (!match) {
    const found = value.trimStart().split(/\s+/).slice(0, 3).join(' ')
    file.fail(`Unexpected \`${found.slice(0, 40)}\` at the start of the file, expected a \` date YYYY-MM \` header or YAML front matter`, {
      place: {line: 1, column: 1},
      ruleId: 'date-header',
      source: 'briefs'
    })
  }
  const date = match[1]!
  if (!month.test(date)) {
    file.fail(`Unexpected date ${JSON.stringify(date)} in the header, expected \`YYYY-MM\``, {
      place: location(file).toPoint(match[0].indexOf(date)),
      ruleId: 'date-header',
      source: 'briefs'
    })
  }
  const paragraphs: RawArticle['paragraphs'] = []
  const separator = /\n[ \t]*\n/g
  let start = match[0].length
  for (;;) {
    const next = separator.exec(value)
    const end = next ? next.index : value.length
    if (!next || end >= start) {
      const chunk = value.slice(start, end)
      const text = chunk.trim()
      if (text) paragraphs.push({text: text.split('\n').map((line) => line.trim()).join('\n'), offset: start + (chunk.length - chunk.trimStart().length)})
      if (!next) break
      start = separator.lastIndex
    }
  }
  return {date, paragraphs}
}
