import {languageProfile, type LanguageProfile} from '@briefs/languages'
import {defineRule, type Finding, type Pair} from '../rule.js'

type MarkClass = 'quotation marks' | 'parentheses' | 'brackets'

interface Imbalance {
  char: string
  index: number
  kind: 'unclosed' | 'unopened'
  markClass: MarkClass
}

const closers: Record<string, string[]> = {'«': ['»'], '“': ['”'], '„': ['“', '”'], '"': ['"'], '(': [')'], '[': [']']}
const classOf = (char: string): MarkClass => (char === '(' || char === ')' ? 'parentheses' : char === '[' || char === ']' ? 'brackets' : 'quotation marks')

/**
 * Walk the quotation marks and brackets of a text with a stack. Strict
 * (translations): each opening mark needs its own closing mark (`«` `»`,
 * `“` `”`, `„` `“`). Lenient (the French, kept as received): any closing
 * quotation mark closes any opening one, so `“… »` is balanced. Single
 * quotation marks are left alone: `’` is also the apostrophe.
 */
export function imbalances(text: string, strict: boolean): Imbalance[] {
  const stack: Array<{char: string; index: number}> = []
  const problems: Imbalance[] = []
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!
    const top = stack.at(-1)
    if (char === '"') {
      if (top?.char === '"' || (!strict && top && classOf(top.char) === 'quotation marks')) stack.pop()
      else stack.push({char, index})
    } else if (char === '“') {
      // `„ “` in Russian: here `“` closes.
      if (top?.char === '„') stack.pop()
      else stack.push({char, index})
    } else if (char === '«' || char === '„' || char === '(' || char === '[') {
      stack.push({char, index})
    } else if (char === '»' || char === '”' || char === ')' || char === ']') {
      const closes = (open: {char: string}) => closers[open.char]!.includes(char) || (!strict && classOf(char) === 'quotation marks' && classOf(open.char) === 'quotation marks')
      // A closing mark of something opened further down closes it; what was opened since is left unclosed (one problem, not a cascade).
      const depth = stack.findLastIndex(closes)
      if (depth === -1) {
        problems.push({char, index, kind: 'unopened', markClass: classOf(char)})
        continue
      }
      for (const open of stack.splice(depth).slice(1)) problems.push({char: open.char, index: open.index, kind: 'unclosed', markClass: classOf(open.char)})
    }
  }
  for (const open of stack) problems.push({char: open.char, index: open.index, kind: 'unclosed', markClass: classOf(open.char)})
  return problems.sort((a, b) => a.index - b.index)
}

/** `quote-balance`: the translation leaves a quotation mark or bracket open or unopened where the French does not. */
export const quoteBalance = defineRule({
  id: 'quote-balance',
  severity: 'error',
  summary: 'unbalanced quotation marks or brackets where the French is balanced',
  scope: 'unit',
  check: checkQuoteBalance
})

function checkQuoteBalance(pair: Pair): Finding[] {
  const unbalancedInFrench = new Set(imbalances(pair.french.text, false).map((problem) => problem.markClass))
  return imbalances(pair.translation.value, true)
    .filter((problem) => !unbalancedInFrench.has(problem.markClass))
    .map((problem) => ({
      reason:
        problem.kind === 'unclosed'
          ? `Unexpected unclosed \`${problem.char}\`, expected a closing \`${closers[problem.char]![0]}\` as the French's ${problem.markClass} are balanced`
          : `Unexpected \`${problem.char}\` closing nothing, expected balanced ${problem.markClass} as in the French`,
      at: {start: problem.index, end: problem.index + 1}
    }))
}

/** The double quotation marks a translation may use wrongly; single ones are left alone (`’` is also the apostrophe). */
const doubleMarks = new Set(['«', '»', '“', '”', '„', '"'])

const expectedMarks = ({quotes}: LanguageProfile) => `${quotes.primary.join(' ')} (${quotes.nested.join(' ')} inside)`

/**
 * `quote-style`: quotation marks of the target language, as its profile
 * gives them: English “ ”, Russian « » with „ “ inside, German „ “. Straight
 * `"` and other languages' marks are reported once each; inline code is
 * left alone.
 */
export const quoteStyle = defineRule({
  id: 'quote-style',
  severity: 'warning',
  summary: 'quotation marks of another language (English “ ”, Russian « »)',
  scope: 'unit',
  check: checkQuoteStyle
})

function checkQuoteStyle(pair: Pair): Finding[] {
  const language = languageProfile(pair.lng)
  const {primary, nested} = language.quotes
  const value = pair.translation.value
  const code = [...value.matchAll(/`+[^`]*`+/g)].map((match) => [match.index, match.index + match[0].length] as const)
  const inCode = (index: number) => code.some(([start, end]) => index >= start && index < end)
  const reported = new Set<string>()
  const findings: Finding[] = []
  let innerOpen = 0
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!
    if (inCode(index)) continue
    if (!doubleMarks.has(char) || primary.includes(char)) continue
    // A nested quotation's marks are right inside a quotation only (Russian `„ “`, where `“` alone is English).
    if (char === nested[0] && nested[0] !== nested[1]) {
      innerOpen++
      continue
    }
    if (char === nested[1] && innerOpen > 0) {
      innerOpen--
      continue
    }
    if (reported.has(char)) continue
    reported.add(char)
    findings.push({
      reason: `Unexpected ${char === '"' ? 'straight ' : ''}\`${char}\` in the ${language.name} translation, expected ${expectedMarks(language)}`,
      at: {start: index, end: index + 1}
    })
  }
  return findings
}
