import {languageProfile} from '@briefs/languages'
import {defineRule, type Finding, type Pair} from '../rule.js'

const space = '[ \\t\\u00a0\\u202f]'

/**
 * `whitespace`: leading or trailing spaces, doubled spaces (not the two
 * spaces of a Markdown hard break, `  ` before a newline), and a space
 * before `? ! : ; , .`, French spacing, in a language that does not use it.
 */
export const whitespace = defineRule({
  id: 'whitespace',
  severity: 'warning',
  summary: 'doubled, leading or trailing spaces, or French spacing before punctuation',
  scope: 'unit',
  check: checkWhitespace
})

function checkWhitespace(pair: Pair): Finding[] {
  const language = languageProfile(pair.lng)
  const value = pair.translation.value
  const findings: Finding[] = []
  const leading = new RegExp(`^${space}+`).exec(value)
  if (leading) findings.push({reason: 'Unexpected leading space, expected the translation to start with its first word', at: {start: 0, end: leading[0].length}})
  const trailing = new RegExp(`${space}+$`).exec(value)
  if (trailing) findings.push({reason: 'Unexpected trailing space, expected the translation to end with its last character', at: {start: trailing.index, end: value.length}})
  for (const match of value.matchAll(new RegExp(`${space}{2,}`, 'g'))) {
    const end = match.index + match[0].length
    if (match.index === 0 || end === value.length || value[end] === '\n') continue
    findings.push({reason: 'Unexpected doubled space, expected one space', at: {start: match.index, end}})
  }
  if (language.spaceBeforeHighPunctuation) return findings
  for (const match of value.matchAll(new RegExp(`(?<=\\S)${space}+(?=[?!:;](?:\\s|$|[»”"’)\\]*_])|[,.](?![.\\d]))`, 'g'))) {
    const end = match.index + match[0].length
    if (end === value.length) continue
    findings.push({
      reason: `Unexpected space before \`${value[end]}\`, expected none in ${language.name} (French spacing)`,
      at: {start: match.index, end: end + 1}
    })
  }
  return findings
}
