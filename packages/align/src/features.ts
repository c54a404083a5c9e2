// What each sentence offers as evidence of translation: its length and its
// tokens. A token is a word, a number, a code or a punctuation mark, with
// comparison keys; a source token and a target token are linked when they
// share a key. Keys are built so that sharing one means "may translate":
// the same number, the same glossary term, a dictionary or learned
// translation (`w:` + target stem), the same sound prefix (cognates and
// names, across scripts), the same code (`G7`), the same mark (`?`).
import {numberKeys, readsNumberWords} from './numbers.js'
import {stemWord} from './stem.js'
import {soundForm} from './transliterate.js'

/** Kinds of evidence, from the most to the least reliable; a token's class is its best linked key. */
export const tokenClasses = ['number', 'code', 'glossary', 'name', 'lexicon', 'cognate', 'punctuation'] as const
export type TokenClass = (typeof tokenClasses)[number]

export interface Token {
  /** Interned keys. */
  keys: number[]
  /** Key kinds, parallel to `keys`. */
  kinds: TokenClass[]
  /** The word's comparison stem, for lexicon learning; empty for numbers, codes and marks. */
  stem: string
  /**
   * What a translation would almost surely carry over (a number, a code, a
   * name inside the sentence): when the token links nowhere on the other
   * side, its class, since its absence is then evidence against any unit.
   */
  expected?: TokenClass
}

export interface SentenceFeatures {
  /** Characters other than whitespace: what Gale–Church compares. */
  length: number
  tokens: Token[]
  /** The comparison stems of all its words of three letters or more, linked or not: what lexicon learning counts. */
  stems: string[]
  /** Whether the sentence opens a paragraph (the first one does). */
  paragraphStart: boolean
  /** How the sentence ends: an index into `endings`. */
  ending: number
  /**
   * No word of two letters, no digit, no capital: OCR or layout debris
   * (`.....`, `- _-`, `f r`), which a translation rarely carries over. A
   * lone capital is an initial or an abbreviation the splitter cut (`C ) .`
   * of `H. C.`), part of a sentence.
   */
  debris: boolean
}

/**
 * How a sentence ends, the strongest boundary first: a full stop (`.`, `?`,
 * `!`, closing marks after it), a semicolon, a colon, anything else (a
 * comma, nothing: a line broken in a sentence, a heading). A splitter that
 * cuts at semicolons and colons leaves clauses that a translation joins
 * far more often than sentences.
 */
export const endings = ['stop', 'semicolon', 'colon', 'open'] as const

export function sentenceEnding(text: string): number {
  const end = /([.?!…;:])[\s"'»“”’)\]]*$/u.exec(text)
  if (!end) return 3
  return end[1] === ';' ? 1 : end[1] === ':' ? 2 : 0
}

export function isDebris(text: string): boolean {
  return !/\p{L}\p{M}*\p{L}|\p{N}|\p{Lu}/u.test(text)
}

/** Translations known before aligning: source stem → target stems. */
export type Lexicon = Map<string, Set<string>>

/** Glossary forms by the stems and folded words of their words → term IDs. */
export type GlossaryIndex = Map<string, number[]>

/** Key interning shared by both sides of one alignment. */
export class KeyTable {
  private readonly ids = new Map<string, number>()
  id(key: string): number {
    let id = this.ids.get(key)
    if (id === undefined) {
      id = this.ids.size
      this.ids.set(key, id)
    }
    return id
  }
  get size(): number {
    return this.ids.size
  }
}

export interface SideContext {
  language: string
  side: 'source' | 'target'
  keys: KeyTable
  /** Source side only: known translations of its stems. */
  lexicon?: Lexicon
  glossary?: GlossaryIndex
  /** Whether number words count (false when the other language has none). */
  numberWords: boolean
  /** Kinds of evidence in use (all by default; the evaluation switches them off one at a time). */
  use: EvidenceSwitches
}

export interface EvidenceSwitches {
  numbers: boolean
  cognates: boolean
  punctuation: boolean
  /** Letters of the sound form that two cognates share: Simard et al. used four letters of the spelling. */
  cognatePrefix: number
}

const wordPattern = /[\p{L}\p{M}]+/gu
const codePattern = /(?<![\p{L}\p{N}])(?=[\p{L}\p{N}-]*\p{L})(?=[\p{L}\p{N}-]*\p{N})[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu
const marks: Array<[RegExp, string]> = [
  [/\?/, '?'],
  [/!/, '!'],
  [/["«»“”„]/, '"'],
  [/[()[\]]/, '('],
  [/:/, ':']
]

export function sentenceFeatures(text: string, paragraphStart: boolean, context: SideContext): SentenceFeatures {
  const tokens: Token[] = []
  const stems: string[] = []
  const seen = new Set<string>()
  const add = (token: Token, identity: string) => {
    if (seen.has(identity) || token.keys.length === 0) return
    seen.add(identity)
    tokens.push(token)
  }

  for (const quantity of context.use.numbers ? numberKeys(text, context.language, context.numberWords) : []) {
    add({keys: quantity.map((key) => context.keys.id(key)), kinds: quantity.map(() => 'number'), stem: '', expected: 'number'}, quantity.join(' '))
  }

  for (const match of text.matchAll(codePattern)) {
    const key = `x:${match[0].toLowerCase()}`
    add({keys: [context.keys.id(key)], kinds: ['code'], stem: '', expected: 'code'}, key)
  }

  const firstWordEnd = /[\p{L}\p{M}]+/u.exec(text)?.index ?? 0
  for (const match of text.matchAll(wordPattern)) {
    const word = match[0]
    if (word.length < 3) continue
    const lower = word.toLowerCase()
    const stem = stemWord(lower, context.language)
    stems.push(stem)
    const keys: number[] = []
    const kinds: TokenClass[] = []
    const push = (key: string, kind: TokenClass) => {
      const id = context.keys.id(key)
      if (keys.includes(id)) return
      keys.push(id)
      kinds.push(kind)
    }
    for (const term of lookupGlossary(context.glossary, lower, stem)) push(`g:${term}`, 'glossary')
    if (context.side === 'target') push(`w:${stem}`, 'lexicon')
    else for (const translation of context.lexicon?.get(stem) ?? []) push(`w:${translation}`, 'lexicon')
    const sound = soundForm(word, context.language)
    const prefix = context.use.cognatePrefix
    if (context.use.cognates && sound.length >= prefix) push(`c:${sound.slice(0, prefix)}`, isCapitalized(word) ? 'name' : 'cognate')
    // A capitalized word after the first is a name, except where every noun is capitalized.
    const name = match.index > firstWordEnd && isCapitalized(word) && !capitalizedNouns.has(context.language)
    add(name ? {keys, kinds, stem, expected: 'name'} : {keys, kinds, stem}, `s:${stem}`)
  }

  for (const [pattern, mark] of context.use.punctuation ? marks : []) {
    if (pattern.test(text)) add({keys: [context.keys.id(`p:${mark}`)], kinds: ['punctuation'], stem: ''}, `p:${mark}`)
  }

  return {length: nonWhitespaceLength(text), tokens, stems, paragraphStart, ending: sentenceEnding(text), debris: isDebris(text)}
}

/** Languages that capitalize every noun: a capital there says nothing of a name. */
const capitalizedNouns = new Set(['de', 'lb'])

function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word)
}

function lookupGlossary(glossary: GlossaryIndex | undefined, lower: string, stem: string): number[] {
  if (!glossary) return []
  const byStem = glossary.get(stem) ?? []
  const byWord = glossary.get(lower) ?? []
  if (byWord.length === 0) return byStem
  return [...new Set([...byStem, ...byWord])]
}

export function nonWhitespaceLength(text: string): number {
  let length = 0
  for (const char of text) if (!/\s/.test(char)) length++
  return length
}

/** Whether numbers written in words can be read on both sides. */
export function numberWordsOnBothSides(sourceLanguage: string, targetLanguage: string): boolean {
  return readsNumberWords(sourceLanguage) && readsNumberWords(targetLanguage)
}

/**
 * A glossary as an index for one side: each word of each form, by its stem
 * and by its lowercase spelling (Snowball gives `Киев` and `Киева`
 * different stems, `ки` and `киев`: the spelling of one meets the stem of
 * the other).
 */
export function glossaryIndex(terms: ReadonlyArray<readonly string[]>, language: string): GlossaryIndex {
  const index: GlossaryIndex = new Map()
  terms.forEach((forms, term) => {
    for (const form of forms) {
      for (const match of form.matchAll(wordPattern)) {
        const lower = match[0].toLowerCase()
        if (lower.length < 3) continue
        for (const key of new Set([lower, stemWord(lower, language)])) {
          const list = index.get(key) ?? []
          if (!list.includes(term)) list.push(term)
          index.set(key, list)
        }
      }
    }
  })
  return index
}

/**
 * The same sentence with more translations known: its words whose stem
 * `lexicon` translates get those keys too (a word that had none becomes a
 * token). Sentences without such words are returned as they were.
 */
export function withLexicon(features: SentenceFeatures, lexicon: Lexicon, keys: KeyTable): SentenceFeatures {
  let tokens: Token[] | undefined
  const seen = new Set<string>()
  for (const stem of features.stems) {
    if (seen.has(stem)) continue
    seen.add(stem)
    const translations = lexicon.get(stem)
    if (!translations) continue
    tokens ??= [...features.tokens]
    const ids = [...translations].map((translation) => keys.id(`w:${translation}`))
    const index = tokens.findIndex((token) => token.stem === stem)
    const token = tokens[index]
    if (!token) {
      tokens.push({keys: ids, kinds: ids.map(() => 'lexicon'), stem})
      continue
    }
    const added = ids.filter((id) => !token.keys.includes(id))
    if (added.length > 0) tokens[index] = {...token, keys: [...token.keys, ...added], kinds: [...token.kinds, ...added.map(() => 'lexicon' as const)]}
  }
  return tokens ? {...features, tokens} : features
}
