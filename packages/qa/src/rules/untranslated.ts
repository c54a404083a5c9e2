import {francAll} from 'franc-min'
import {languageNames} from '../language.js'
import type {Finding, Pair} from '../pair.js'
import {words} from '../words.js'

const detectable = ['fra', 'eng', 'rus']
/** franc's score of the runner-up (1 is the best): above this, the text is too close to call. */
const runnerUpLimit = 0.8

// Words that say "French" or "English" and are not words of the other language (no `a`, `on`, `son`, `pour`).
const frenchWords = new Set(['le', 'la', 'les', 'des', 'du', 'de', 'et', 'est', 'une', 'que', 'qui', 'dans', 'pas', 'sur', 'au', 'aux', 'ce', 'cette', 'ces', 'il', 'elle', 'ils', 'elles', 'ont', 'sont', 'avec', 'leur', 'leurs', 'nous', 'vous', 'mais', 'par', 'selon', 'ou', 'se', 'ne', 'lui', 'été'])
const englishWords = new Set(['the', 'of', 'and', 'to', 'in', 'is', 'that', 'for', 'on', 'with', 'was', 'were', 'he', 'she', 'it', 'by', 'as', 'at', 'from', 'this', 'have', 'has', 'are', 'be', 'his', 'her', 'their', 'they', 'which', 'not', 'but', 'said'])

/**
 * `untranslated`: the translation is the French itself, or French text.
 * The French copied as is counts only when it has a common word (a
 * lowercase word of three letters or more): a heading that is a name
 * (`Kazakhstan`, `Reuters`) is the same in every language. French text
 * needs three kinds of evidence, since franc's trigrams alone take short
 * English for French ("Nearly 1,5 million people have left."): franc
 * ranks French first among French, English and Russian by a clear margin;
 * the text has French function words (`les`, `une`, `dans`…) and fewer
 * English ones; in Russian, most letters are Latin.
 */
export function untranslated(pair: Pair): Finding[] {
  const language = languageNames[pair.lng]
  const french = comparable(pair.french.text)
  if (comparable(pair.translation.text) === french && /(?:^|[^\p{L}])\p{Ll}{3,}/u.test(pair.french.text)) {
    return [{ruleId: 'untranslated', reason: `Unexpected translation identical to the French, expected it in ${language}`}]
  }
  if (isFrench(pair.translation.text, pair.lng)) {
    return [{ruleId: 'untranslated', reason: `Unexpected French text in the ${language} translation, expected ${language}`}]
  }
  return []
}

function isFrench(text: string, lng: Pair['lng']): boolean {
  const found = words(text, 'fr')
  if (found.length < 4) return false
  const french = found.filter((word) => frenchWords.has(word.norm)).length
  const english = found.filter((word) => englishWords.has(word.norm)).length
  if (french < 2 || french <= english) return false
  if (lng === 'ru') {
    const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0
    const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0
    if (latin <= cyrillic) return false
  }
  const [first, second] = francAll(text, {only: detectable, minLength: 10})
  return first?.[0] === 'fra' && (second?.[1] ?? 0) <= runnerUpLimit
}

function comparable(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}
