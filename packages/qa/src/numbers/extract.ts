import {fold, languageProfile, type LanguageCode, type LanguageProfile} from '@briefs/languages'
import type {Quantity, QuantityValue} from './quantity.js'
import {numberVocabulary, type NumberVocabulary} from './vocabulary.js'

type Token =
  | {type: 'digits'; value: number; plain: boolean; start: number; end: number}
  | {type: 'time'; minutes: number; meridiem: boolean; start: number; end: number}
  | {type: 'word'; norm: string; start: number; end: number}
  | {type: 'mark'; char: string; start: number; end: number}
  | {type: 'code'; start: number; end: number}

/** The longest reading of digits at `index` and its value. */
function matchDigits(text: string, index: number, language: LanguageProfile): {raw: string; value: number} {
  let best = {raw: '', value: 0}
  for (const {pattern, group, decimal} of language.numbers.digits) {
    pattern.lastIndex = index
    const raw = pattern.exec(text)?.[0]
    if (!raw || raw.length <= best.raw.length) continue
    best = {raw, value: Number(raw.replace(group, '').replace(decimal, '.'))}
    // The grouped readings come first: once one matched, it is the reading.
    if (/\D/.test(raw) && raw.replace(group, '') !== raw) break
  }
  return best
}

const letter = /[\p{L}\p{M}]/u

function tokenize(text: string, language: LanguageProfile, vocabulary: NumberVocabulary): Token[] {
  const tokens: Token[] = []
  let index = 0
  while (index < text.length) {
    const char = text[index]!
    if (/\s/.test(char)) {
      index++
      continue
    }
    if (/\d/.test(char)) {
      const before = text[index - 1] ?? ''
      // `G7`, `MH17`, `Су-25`, `COVID-19`: codes, not quantities.
      if (letter.test(before) || (before === '-' && letter.test(text[index - 2] ?? ''))) {
        const end = index + /^[\d.,]*\d|^\d/.exec(text.slice(index))![0].length
        tokens.push({type: 'code', start: index, end})
        index = end
        continue
      }
      const time = matchTime(text, index, language)
      if (time) {
        tokens.push(time)
        index = time.end
        continue
      }
      const {raw, value} = matchDigits(text, index, language)
      let end = index + raw.length
      // A unit or an ordinal written right after the digits (`1er`, `21st`, `10km`, `1-го`).
      const suffix = /^-?[\p{L}\p{M}]+/u.exec(text.slice(end))?.[0] ?? ''
      if (suffix && (!suffix.startsWith('-') || vocabulary.ordinalSuffix.test(fold(suffix.slice(1), language)))) end += suffix.length
      const plain = /^\d+$/.test(raw) && (suffix === '' || vocabulary.ordinalSuffix.test(fold(suffix.replace(/^-/, ''), language)))
      tokens.push({type: 'digits', value, plain, start: index, end})
      index = end
      continue
    }
    if (letter.test(char)) {
      const raw = /^[\p{L}\p{M}]+/u.exec(text.slice(index))![0]
      tokens.push({type: 'word', norm: vocabulary.normalize(fold(raw, language)), start: index, end: index + raw.length})
      index += raw.length
      continue
    }
    tokens.push({type: 'mark', char, start: index, end: index + 1})
    index++
  }
  return tokens
}

function matchTime(text: string, index: number, language: LanguageProfile): Token | undefined {
  for (const pattern of language.numbers.times) {
    pattern.lastIndex = index
    const groups = pattern.exec(text)?.groups
    if (!groups) continue
    const hours = Number(groups.hours)
    const minutes = Number(groups.minutes ?? 0)
    if (hours > 24 || minutes > 59) continue
    const afternoon = groups.meridiem?.toLowerCase() === 'p'
    const hours24 = groups.meridiem ? (hours % 12) + (afternoon ? 12 : 0) : hours
    return {type: 'time', minutes: hours24 * 60 + minutes, meridiem: groups.meridiem !== undefined || hours > 12, start: index, end: pattern.lastIndex}
  }
  return undefined
}

/**
 * Every quantity of a plain text, as a value: digits in the language's
 * conventions, number words (`dix mille`, `ten thousand`, `десяти тысяч`,
 * `двоих`), multipliers (`1,5 million`, `1,5 млн`), ranges whose ends share
 * a multiplier (`cinq à six mille` → 5 000 and 6 000, `от пяти до шести
 * тысяч`), dates (`21 septembre`, `September 21`, `21 сентября`), times
 * (`15h30`). Codes (`G7`, `F-16`) and ordinal words are not quantities;
 * `un`, `a`, `один` count only before a multiplier.
 */
export function extractQuantities(text: string, lng: LanguageCode): Quantity[] {
  const language = languageProfile(lng)
  const vocabulary = numberVocabulary(lng)
  const tokens = tokenize(text, language, vocabulary)
  const used = new Set<number>()
  const quantities: Located[] = []
  const raw = (first: number, last: number) => text.slice(tokens[first]!.start, tokens[last]!.end)
  const place = (first: number, last: number) => ({raw: raw(first, last), start: tokens[first]!.start, end: tokens[last]!.end, first, last})
  const month = (index: number): number | undefined => {
    const token = tokens[index]
    return token?.type === 'word' ? vocabulary.months.get(token.norm) : undefined
  }

  // Times, then dates: a day number next to a month name.
  tokens.forEach((token, index) => {
    if (token.type === 'time') {
      quantities.push({kind: 'time', minutes: token.minutes, meridiem: token.meridiem, ...place(index, index)})
      used.add(index)
    }
  })
  tokens.forEach((token, index) => {
    if (token.type !== 'digits' || !token.plain || token.value < 1 || token.value > 31 || used.has(index)) return
    // German writes the day as an ordinal: `21. September`.
    const mark = tokens[index + 1]
    const gap = mark?.type === 'mark' && mark.start === token.end && language.numbers.dayMarks.includes(mark.char) ? 1 : 0
    const after = month(index + 1 + gap)
    if (after !== undefined && !used.has(index + 1 + gap)) {
      const monthIndex = index + 1 + gap
      const last = tokens[monthIndex + 1]?.type === 'mark' && (tokens[monthIndex + 1] as {char: string}).char === '.' && tokens[monthIndex + 1]!.start === tokens[monthIndex]!.end ? monthIndex + 1 : monthIndex
      quantities.push({kind: 'date', month: after, day: token.value, ...place(index, monthIndex)})
      for (let covered = index; covered <= last; covered++) used.add(covered)
      return
    }
    if (!language.numbers.monthFirstDates) return
    const dot = tokens[index - 1]?.type === 'mark' && (tokens[index - 1] as {char: string}).char === '.'
    const before = month(dot ? index - 2 : index - 1)
    if (before !== undefined && !used.has(dot ? index - 2 : index - 1)) {
      const first = dot ? index - 2 : index - 1
      quantities.push({kind: 'date', month: before, day: token.value, ...place(first, index)})
      for (let covered = first; covered <= index; covered++) used.add(covered)
    }
  })

  // Numbers in digits and words.
  let index = 0
  while (index < tokens.length) {
    if (used.has(index)) {
      index++
      continue
    }
    const parsed = parseNumber(tokens, index, used, vocabulary, language)
    if (!parsed) {
      index++
      continue
    }
    if (parsed.quantity) quantities.push({...parsed.quantity, ...place(index, parsed.last), ...(parsed.multiplier === undefined ? {} : {multiplier: parsed.multiplier})} as Located)
    index = parsed.last + 1
  }

  quantities.sort((a, b) => a.start - b.start)
  distributeRanges(quantities, tokens, vocabulary)
  return quantities.map(({first, last, multiplier, ...quantity}) => quantity as Quantity)
}

/** A quantity with the tokens it spans, and the multiplier it ends with (`six mille`: 1000). */
type Located = Quantity & {first: number; last: number; multiplier?: number}

type Parsed = {last: number; quantity?: QuantityValue; multiplier?: number}

/** A number starting at token `start`: a cardinal phrase or digits, then multipliers and smaller parts. */
function parseNumber(tokens: Token[], start: number, used: Set<number>, vocabulary: NumberVocabulary, language: LanguageProfile): Parsed | undefined {
  const token = tokens[start]!
  if (token.type === 'code' || token.type === 'mark') return undefined
  if (token.type === 'word') {
    const approximate = vocabulary.approximations.get(token.norm)
    if (approximate !== undefined) return approximation(tokens, start, approximate, token.norm.endsWith('s'), vocabulary)
    const optional = vocabulary.optional.get(token.norm)
    if (optional !== undefined && !phraseAt(tokens, start, used, vocabulary, 2)) return {last: start, quantity: {kind: 'number', value: optional, optional: true}}
  }
  const first = smallAt(tokens, start, used, vocabulary)
  let total = 0
  let current: number | undefined
  let last: number
  let smallestMultiplier = Infinity
  let multiplier: number | undefined
  let standaloneOptional = false
  if (first) {
    // "pour cent": a percent sign in words, not a hundred.
    if (first.value === 100 && first.last === start) {
      const before = tokens[start - 1]
      if (before?.type === 'word' && language.numbers.percentAfter.includes(before.norm)) return {last: start}
    }
    current = first.value
    last = first.last
  } else {
    const found = token.type === 'word' ? vocabulary.multipliers.get(token.norm) : undefined
    if (!found) return undefined
    // A multiplier with no number before it: `mille` is 1000, `тысячи` may be, `thousands` is no number.
    const standalone = found.standalone
    if (standalone === 'approximate') return {last: start, quantity: {kind: 'approximate', min: 2 * found.value, max: 1000 * found.value - 1}}
    if (standalone !== 'exact' && standalone !== 'optional') return {last: start}
    // `mille un`, `тысяча двести`: smaller parts may follow, as after `deux mille`.
    total = found.value
    last = start
    smallestMultiplier = found.value
    multiplier = found.value
    standaloneOptional = standalone === 'optional'
  }
  for (let next = last + 1; next < tokens.length && !used.has(next); ) {
    const nextToken = tokens[next]!
    const found = nextToken.type === 'word' ? vocabulary.multipliers.get(nextToken.norm) : undefined
    if (found && current !== undefined && found.value < smallestMultiplier) {
      total += current * found.value
      current = undefined
      smallestMultiplier = found.value
      multiplier ??= found.value
      last = next
      next++
      continue
    }
    if (current === undefined && smallestMultiplier !== Infinity) {
      // "two thousand and five"
      const skip = nextToken.type === 'word' && language.numbers.joiners.includes(nextToken.norm) ? 1 : 0
      const part = smallAt(tokens, next + skip, used, vocabulary)
      if (part && part.value < smallestMultiplier && (tokens[next + skip]!.type === 'word') === (tokens[start]!.type === 'word')) {
        current = part.value
        last = part.last
        next = part.last + 1
        continue
      }
    }
    break
  }
  const value = total + (current ?? 0)
  if (!first) return {last, quantity: {kind: 'number', value, ...(standaloneOptional && last === start ? {optional: true} : {})}, ...(last === start ? {} : {multiplier})}
  if (first.one && last === first.last) return {last}
  return {last, quantity: {kind: 'number', value, ...(first.optional && last === first.last ? {optional: true} : {})}, ...(multiplier === undefined ? {} : {multiplier})}
}

/** Digits, or the longest cardinal phrase of words, at `start`. */
function smallAt(tokens: Token[], start: number, used: Set<number>, vocabulary: NumberVocabulary): {value: number; last: number; one?: boolean; optional?: boolean} | undefined {
  const token = tokens[start]
  if (!token || used.has(start)) return undefined
  if (token.type === 'digits') return {value: token.value, last: start}
  if (token.type !== 'word') return undefined
  const phrase = phraseAt(tokens, start, used, vocabulary, vocabulary.longestPhrase)
  if (!phrase) return undefined
  const single = phrase.last === start
  return {
    value: phrase.value,
    last: phrase.last,
    ...(single && vocabulary.ones.has(tokens[start]!.type === 'word' ? (tokens[start] as {norm: string}).norm : '') ? {one: true} : {}),
    ...(single && vocabulary.optional.has((tokens[start] as {norm: string}).norm) ? {optional: true} : {})
  }
}

/** The longest phrase of at most `limit` words from `start`, words joined by spaces or by hyphens without spaces. */
function phraseAt(tokens: Token[], start: number, used: Set<number>, vocabulary: NumberVocabulary, limit: number): {value: number; last: number} | undefined {
  const first = tokens[start]
  if (first?.type !== 'word' || !vocabulary.phraseStarts.has(first.norm)) return undefined
  const keys: string[] = []
  const lasts: number[] = []
  let index = start
  while (keys.length < limit) {
    const token = tokens[index]
    if (!token || token.type !== 'word' || used.has(index)) break
    keys.push(token.norm)
    lasts.push(index)
    const next = tokens[index + 1]
    if (next?.type === 'mark' && next.char === '-' && next.start === token.end && tokens[index + 2]?.start === next.end) index += 2
    else index += 1
  }
  for (let length = keys.length; length > 0; length--) {
    const value = vocabulary.phrases.get(keys.slice(0, length).join(' '))
    if (value !== undefined) return {value, last: lasts[length - 1]!}
  }
  return undefined
}

/** `une vingtaine` (about 20), `des milliers` (thousands), `des dizaines de milliers`. */
function approximation(tokens: Token[], start: number, base: number, plural: boolean, vocabulary: NumberVocabulary): Parsed {
  let min = plural ? 2 * base : base / 2
  let max = plural ? 10 * base - 1 : 1.5 * base
  let last = start
  const of = tokens[start + 1]
  const multiplier = tokens[start + 2]
  if (of?.type === 'word' && vocabulary.approximationLinks.has(of.norm) && multiplier?.type === 'word') {
    const found = vocabulary.multipliers.get(multiplier.norm) ?? (vocabulary.approximations.get(multiplier.norm) === 1000 ? {value: 1000} : undefined)
    if (found) {
      min *= found.value
      max = (max + 1) * found.value - 1
      last = start + 2
    }
  }
  return {last, quantity: {kind: 'approximate', min, max}}
}

/**
 * `cinq à six mille`, `5 to 6 million`, `от пяти до шести тысяч`: the first
 * end of a range takes the multiplier of the second. `du 21 au 23
 * septembre`, `September 21-23`: a day number joined to a date is a date
 * of the same month.
 */
function distributeRanges(quantities: Located[], tokens: Token[], vocabulary: NumberVocabulary): void {
  for (let index = 0; index + 1 < quantities.length; index++) {
    const left = quantities[index]!
    const right = quantities[index + 1]!
    if (right.first !== left.last + 2) continue
    const between = tokens[left.last + 1]!
    const connector = between.type === 'word' ? between.norm : between.type === 'mark' ? between.char : undefined
    if (connector === undefined || !vocabulary.connectors.has(connector)) continue
    if (left.kind === 'number' && right.kind === 'number' && left.multiplier === undefined && right.multiplier !== undefined && left.value > 0 && left.value < right.multiplier) {
      left.value *= right.multiplier
      left.multiplier = right.multiplier
    }
    const leftToken = tokens[left.first]
    if (left.kind === 'number' && right.kind === 'date' && leftToken?.type === 'digits' && leftToken.plain && left.value >= 1 && left.value <= 31) {
      Object.assign(left, {kind: 'date', month: right.month, day: left.value})
      delete (left as {value?: number}).value
    }
    const rightToken = tokens[right.first]
    if (left.kind === 'date' && right.kind === 'number' && rightToken?.type === 'digits' && rightToken.plain && right.value >= 1 && right.value <= 31 && right.value > left.day) {
      Object.assign(right, {kind: 'date', month: left.month, day: right.value})
      delete (right as {value?: number}).value
    }
  }
}
