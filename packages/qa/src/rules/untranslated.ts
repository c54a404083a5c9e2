import {languageCodes, languageProfile, sourceLanguage, words} from '@briefs/languages'
import {francAll} from 'franc-min'
import {defineRule, type Finding, type Pair} from '../rule.js'

/** franc's score of the runner-up (1 is the best): above this, the text is too close to call. */
const runnerUpLimit = 0.8

const source = languageProfile(sourceLanguage)
const others = languageCodes.filter((code) => code !== sourceLanguage).map((code) => languageProfile(code))
const sourceWords = new Set(source.commonWords)
const otherWords = others.map((language) => new Set(language.commonWords))
// franc chooses among the languages briefs knows: short text never reads as a language nobody writes here.
const detectable = [source, ...others].map((language) => language.francCode)

/**
 * `untranslated`: the translation is the French itself, or French text.
 * The French copied as is counts only when it has a common word (a
 * lowercase word of three letters or more): a heading that is a name
 * (`Kazakhstan`, `Reuters`) is the same in every language. French text
 * needs three kinds of evidence, since franc's trigrams alone take short
 * English for French ("Nearly 1,5 million people have left."): franc
 * ranks French first among the known languages by a clear margin; the text
 * has French function words (`les`, `une`, `dans`…) and more of them than
 * of any other language's; in a language of another script, most letters
 * are Latin.
 */
export const untranslated = defineRule({
  id: 'untranslated',
  severity: 'error',
  summary: 'the translation equals the French, or is still French',
  scope: 'unit',
  check: checkUntranslated
})

function checkUntranslated(pair: Pair): Finding[] {
  const language = languageProfile(pair.lng).name
  const french = comparable(pair.french.text)
  if (comparable(pair.translation.text) === french && /(?:^|[^\p{L}])\p{Ll}{3,}/u.test(pair.french.text)) {
    return [{reason: `Unexpected translation identical to the French, expected it in ${language}`}]
  }
  if (isFrench(pair.translation.text, pair.lng)) {
    return [{reason: `Unexpected French text in the ${language} translation, expected ${language}`}]
  }
  return []
}

function isFrench(text: string, lng: Pair['lng']): boolean {
  const found = words(text, source)
  if (found.length < 4) return false
  const french = found.filter((word) => sourceWords.has(word.norm)).length
  const other = Math.max(0, ...otherWords.map((set) => found.filter((word) => set.has(word.norm)).length))
  if (french < 2 || french <= other) return false
  const target = languageProfile(lng)
  if (target.script !== source.script) {
    const latin = text.match(new RegExp(`\\p{Script=${source.script}}`, 'gu'))?.length ?? 0
    const own = text.match(new RegExp(`\\p{Script=${target.script}}`, 'gu'))?.length ?? 0
    if (latin <= own) return false
  }
  const [first, second] = francAll(text, {only: detectable, minLength: 10})
  return first?.[0] === source.francCode && (second?.[1] ?? 0) <= runnerUpLimit
}

function comparable(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}
