import type {Language} from '../language.js'
import {sameWord} from '../stem.js'
import {words, type Word} from '../words.js'

/** One entry of the term base: a French name or term and its established forms. */
export interface GlossaryTerm {
  /** The French forms: the term and its variants (a source typo such as `Dontesk`). */
  fr: string[]
  /** The English forms; the first is the preferred one. */
  en: string[]
  /** The Russian forms, matched in any grammatical case; the first is the preferred one. */
  ru: string[]
  note?: string | undefined
}

/** Where a form's words stand in `text`, or `undefined` when they do not follow each other there. */
export function findForm(text: readonly Word[], form: string, lng: Language): {start: number; end: number} | undefined {
  const wanted = formWords(form, lng)
  if (wanted.length === 0) return undefined
  for (let index = 0; index + wanted.length <= text.length; index++) {
    if (wanted.every((word, offset) => sameWord(text[index + offset]!.norm, word, lng))) {
      return {start: text[index]!.start, end: text[index + wanted.length - 1]!.end}
    }
  }
  return undefined
}

const forms: Record<Language, Map<string, string[]>> = {fr: new Map(), en: new Map(), ru: new Map()}

/** The folded words of a glossary form, split once. */
function formWords(form: string, lng: Language): string[] {
  let found = forms[lng].get(form)
  if (!found) {
    found = words(form, lng).map((word) => word.norm)
    forms[lng].set(form, found)
  }
  return found
}
