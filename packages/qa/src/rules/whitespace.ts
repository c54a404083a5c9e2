import {languageNames} from '../language.js'
import type {Finding, Pair} from '../pair.js'

const space = '[ \\t\\u00a0\\u202f]'

/**
 * `whitespace`: leading or trailing spaces, doubled spaces (not the two
 * spaces of a Markdown hard break, `  ` before a newline), and a space
 * before `? ! : ; , .`, French spacing that English and Russian do not use.
 */
export function whitespace(pair: Pair): Finding[] {
  const value = pair.translation.value
  const findings: Finding[] = []
  const leading = new RegExp(`^${space}+`).exec(value)
  if (leading) findings.push({ruleId: 'whitespace', reason: 'Unexpected leading space, expected the translation to start with its first word', at: {start: 0, end: leading[0].length}})
  const trailing = new RegExp(`${space}+$`).exec(value)
  if (trailing) findings.push({ruleId: 'whitespace', reason: 'Unexpected trailing space, expected the translation to end with its last character', at: {start: trailing.index, end: value.length}})
  for (const match of value.matchAll(new RegExp(`${space}{2,}`, 'g'))) {
    const end = match.index + match[0].length
    if (match.index === 0 || end === value.length || value[end] === '\n') continue
    findings.push({ruleId: 'whitespace', reason: 'Unexpected doubled space, expected one space', at: {start: match.index, end}})
  }
  for (const match of value.matchAll(new RegExp(`(?<=\\S)${space}+(?=[?!:;](?:\\s|$|[»”"’)\\]*_])|[,.](?![.\\d]))`, 'g'))) {
    const end = match.index + match[0].length
    if (end === value.length) continue
    findings.push({
      ruleId: 'whitespace',
      reason: `Unexpected space before \`${value[end]}\`, expected none in ${languageNames[pair.lng]} (French spacing)`,
      at: {start: match.index, end: end + 1}
    })
  }
  return findings
}
