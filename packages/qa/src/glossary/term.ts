import {sameWord, words, type LanguageCode, type TargetLanguage, type Word} from '@briefs/languages'

/** One entry of the term base: a French name or term and its established forms. */
export interface GlossaryTerm {
  /** The French forms: the term and its variants (a source typo such as `Dontesk`). */
  fr: string[]
  /** The forms in each language the entry gives, matched as the language inflects; the first is the preferred one. */
  forms: Map<TargetLanguage, string[]>
  note?: string | undefined
}

/** Where a form's words stand in `text`, or `undefined` when they do not follow each other there. */
export function findForm(text: readonly Word[], form: string, lng: LanguageCode): {start: number; end: number} | undefined {
  const wanted = formWords(form, lng)
  if (wanted.length === 0) return undefined
  for (let index = 0; index + wanted.length <= text.length; index++) {
    if (wanted.every((word, offset) => sameWord(text[index + offset]!.norm, word, lng))) {
      return {start: text[index]!.start, end: text[index + wanted.length - 1]!.end}
    }
  }
  return undefined
}

const forms = new Map<string, string[]>()

/** The folded words of a glossary form, split once. */
function formWords(form: string, lng: LanguageCode): string[] {
  const key = `${lng}\u0000${form}`
  let found = forms.get(key)
  if (!found) {
    found = words(form, lng).map((word) => word.norm)
    forms.set(key, found)
  }
  return found
}
