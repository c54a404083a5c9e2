import fs from 'node:fs'
import path from 'node:path'
import {fingerprint, stringifyLedger, type LedgerEntry} from '@briefs/bitext'
import {corpusLayout, parseArticle, stringifyJson, stringifySegmentMap} from '@briefs/corpus'
import {languageProfile} from '@briefs/languages'
import {VFile} from 'vfile'
import {integer, pick, seededRandom} from './random.js'

/** A word of the corpus in French and in each target language (glossary terms are given to the checks too). */
interface Term {
  fr: string
  en: string
  ru: string
}

/** The languages the generator translates into. */
export type BenchLanguage = 'en' | 'ru'

const places: Term[] = [
  {fr: 'la Géorgie', en: 'Georgia', ru: 'Грузия'},
  {fr: 'le Kazakhstan', en: 'Kazakhstan', ru: 'Казахстан'},
  {fr: 'la Mongolie', en: 'Mongolia', ru: 'Монголия'},
  {fr: 'la Russie', en: 'Russia', ru: 'Россия'},
  {fr: "l'Ukraine", en: 'Ukraine', ru: 'Украина'},
  {fr: 'Moscou', en: 'Moscow', ru: 'Москва'},
  {fr: 'Tbilissi', en: 'Tbilisi', ru: 'Тбилиси'},
  {fr: 'Astana', en: 'Astana', ru: 'Астана'},
  {fr: 'Kiev', en: 'Kyiv', ru: 'Киев'},
  {fr: 'Bruxelles', en: 'Brussels', ru: 'Брюссель'}
]
const people: Term[] = [
  {fr: 'M. Tokaïev', en: 'Mr Tokayev', ru: 'Токаев'},
  {fr: 'Mme Dupont', en: 'Ms Dupont', ru: 'Дюпон'},
  {fr: 'M. Choïgou', en: 'Mr Shoigu', ru: 'Шойгу'},
  {fr: 'Dr Martin', en: 'Dr Martin', ru: 'Мартен'},
  {fr: 'V. Poutine', en: 'V. Putin', ru: 'Путин'},
  {fr: 'M. Gomelauri', en: 'Mr Gomelauri', ru: 'Гомелаури'}
]
/** The glossary entries of those names: the French word the checks look for, and its forms. */
const glossaryTerms: Term[] = [
  ...places.map(({fr, en, ru}) => ({fr: fr.replace(/^(?:la |le |l')/, ''), en, ru})),
  {fr: 'Tokaïev', en: 'Tokayev', ru: 'Токаев'},
  {fr: 'Choïgou', en: 'Shoigu', ru: 'Шойгу'},
  {fr: 'Poutine', en: 'Putin', ru: 'Путин'},
  {fr: 'Gomelauri', en: 'Gomelauri', ru: 'Гомелаури'}
]
const nouns = ['ministère', 'gouvernement', 'frontière', 'président', 'armée', 'mobilisation', 'région', 'conflit', 'accord', 'sécurité', 'population', 'réunion', 'décision', 'rapport', 'économie', 'élection', 'délégation', 'opposition', 'coalition', 'enquête']
const verbs = ['a annoncé', 'a confirmé', 'a indiqué', 'a rappelé', 'a dénoncé', 'a précisé', 'a souligné', 'a reconnu', 'prévoit', 'examine', 'a rejeté', 'a salué']
const adjectives = ['nouvelle', 'importante', 'régionale', 'militaire', 'économique', 'partielle', 'officielle', 'internationale', 'prochaine', 'sévère']
const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'septembre', 'octobre', 'novembre']
const agir: Record<BenchLanguage, string> = {en: 'We must act fast', ru: 'Надо действовать быстро'}

/** How each language writes what the pseudo-translations need: the space before `%`, and a quotation's attribution. */
const writing: Record<BenchLanguage, {percentSpace: string; attribution: (random: () => number, quoted: string, close: string, speaker: string) => string}> = {
  en: {percentSpace: '', attribution: (_random, quoted, close, speaker) => `${quoted},${close} said ${speaker}.`},
  ru: {percentSpace: '\u00a0', attribution: (random, quoted, close, speaker) => `${quoted}${close}, — ${filler(random, 'ru', 1)} ${speaker}.`}
}

/** How often a unit carries a fault a translator makes (a wrong number, a lost link, a final mark, a doubled space): the checks' realistic findings. */
const faultRate = 0.004
/** How often a unit is a draft (no approval) or has no translation yet. */
const draftRate = 0.02
const missingRate = 0.003

/** A French sentence and what its translations must carry: numbers (as values), a link, an emphasis, its kind. */
interface Sentence {
  markdown: string
  thousands: number
  day: number
  person: Term
  place: Term
  speaker?: Term
  /** A second place the sentence names (`p. ex. à Kiev`, `de Moscou`). */
  also?: Term
  share?: {integer: number; decimal: number}
  link?: string
  kind: 'quote' | 'share' | 'question' | 'plain'
}

/** A French news sentence of about 25 words with the constructs the segmenter must handle. */
function frenchSentence(random: () => number): Sentence {
  const thousands = integer(random, 2, 300) * 1000
  const count = thousands >= 100000 ? thousands.toLocaleString('fr-FR').replace(/\u202f/g, ' ') : `${Math.floor(thousands / 1000)}.000`
  const day = integer(random, 1, 28)
  const person = pick(random, people)
  const place = pick(random, places)
  const core = `Selon ${person.fr}, le ${pick(random, nouns)} de ${place.fr} ${pick(random, verbs)} une ${pick(random, adjectives)} ${pick(random, nouns)} concernant ${count} personnes le ${day} ${pick(random, months)}`
  const kind = random()
  const base = {thousands, day, person, place}
  if (kind < 0.2) {
    const speaker = pick(random, people)
    return {...base, speaker, kind: 'quote', markdown: `« ${capitalize(core)}. Il faut agir vite », ${pick(random, verbs)} ${speaker.fr}.`}
  }
  if (kind < 0.35) {
    const share = {integer: integer(random, 1, 9), decimal: integer(random, 1, 9)}
    const link = `https://www.reuters.com/world/${integer(random, 1000, 9999)}`
    return {...base, share, link, kind: 'share', markdown: `${capitalize(core)}, soit une hausse de *${share.integer},${share.decimal} %* d'après [Reuters](${link}).`}
  }
  const also = pick(random, places)
  if (kind < 0.45) return {...base, also, kind: 'question', markdown: `${capitalize(core)}, p. ex. à ${also.fr} ?`}
  return {...base, also, kind: 'plain', markdown: `${capitalize(core)} et ${pick(random, verbs)} la ${pick(random, adjectives)} ${pick(random, nouns)} de ${also.fr}.`}
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** `count` words of the language's common words. */
function filler(random: () => number, lng: BenchLanguage, count: number): string {
  const vocabulary = languageProfile(lng).commonWords
  return Array.from({length: count}, () => pick(random, vocabulary)).join(' ')
}

/**
 * A pseudo-translation of a French sentence: the target language's common
 * words around what the checks compare, carried over as a translator would:
 * the numbers in the language's conventions, the names in their glossary
 * forms, the emphasis and the link, the quotation marks and the final mark.
 */
function translateSentence(random: () => number, sentence: Sentence, lng: BenchLanguage): string {
  const numbers = new Intl.NumberFormat(lng)
  const decimals = new Intl.NumberFormat(lng, {minimumFractionDigits: 1})
  const percent = (share: {integer: number; decimal: number}) =>
    `${decimals.format(share.integer + share.decimal / 10)}${writing[lng].percentSpace}%`
  const core = `${capitalize(filler(random, lng, 2))} ${sentence.person[lng]} ${filler(random, lng, integer(random, 4, 7))} ${sentence.place[lng]} ${filler(random, lng, integer(random, 4, 7))} ${numbers.format(sentence.thousands)} ${filler(random, lng, 2)} ${sentence.day} ${filler(random, lng, integer(random, 2, 4))}`
  switch (sentence.kind) {
    case 'quote': {
      const [open, close] = languageProfile(lng).quotes.primary
      return writing[lng].attribution(random, `${open}${core}. ${agir[lng]}`, close, sentence.speaker![lng])
    }
    case 'share':
      return `${core} *${percent(sentence.share!)}* ${filler(random, lng, 2)} [Reuters](${sentence.link}).`
    case 'question':
      return `${core} ${filler(random, lng, 2)} ${sentence.also![lng]}?`
    case 'plain':
      return `${core} ${filler(random, lng, integer(random, 4, 7))} ${sentence.also![lng]}.`
  }
}

/** A translation as a translator may get it wrong once in a while: the realistic findings of the checks. */
function withFault(random: () => number, value: string): string {
  const fault = random()
  if (fault < 0.4) return value.replace(/\d+(?=\D*$)/, (digits) => String(Number(digits) + 1))
  if (fault < 0.6 && value.includes('](')) return value.replace(/\[([^\]]*)\]\([^)]*\)/, '$1')
  if (fault < 0.8) return `${value.replace(/[.?!]$/, '')}`
  return value.replace(' ', '  ')
}

/** Headings and titles are translated the same way wherever the same French stands: a seeded translation of the text. */
function phraseTranslation(french: string, lng: BenchLanguage, count: number): string {
  let seed = 2166136261
  for (const character of `${lng}:${french}`) seed = Math.imul(seed ^ character.codePointAt(0)!, 16777619)
  return capitalize(filler(seededRandom(seed), lng, count))
}

export interface GeneratedCorpus {
  corpus: string
  articles: number
  files: number
}

export interface GenerateOptions {
  seed?: number
  languages?: readonly BenchLanguage[]
  /** Approve every unit and translate every segment (no draft, no missing translation, no fault). */
  clean?: boolean
}

/**
 * Write a reproducible corpus of `size` articles of about 600 words each
 * under `directory`: configuration, glossary, articles, segment maps, and
 * per language a resource and a review ledger. Translations carry what
 * the checks compare (numbers, names, links, emphasis, quotation marks,
 * final marks), so they mostly pass: a few units have a translator's fault,
 * a few are drafts or untranslated, as on a real desk.
 */
export function generateCorpus(directory: string, size: number, options: GenerateOptions = {}): GeneratedCorpus {
  const languages = options.languages ?? ['en', 'ru']
  const random = seededRandom(options.seed ?? 2022)
  const corpus = path.join(directory, 'corpus')
  const layout = corpusLayout(corpus)
  for (const folder of ['articles', 'segments', ...languages.flatMap((lng) => [`locales/${lng}`, `reviews/${lng}`])]) fs.mkdirSync(path.join(corpus, folder), {recursive: true})
  fs.writeFileSync(layout.configFile, stringifyJson({languages}))
  fs.writeFileSync(path.join(corpus, 'glossary.json'), stringifyJson({terms: glossaryTerms.map((term) => Object.fromEntries([['fr', term.fr], ...languages.map((lng) => [lng, term[lng]])]))}))
  let files = 2
  for (let index = 0; index < size; index++) {
    const id = articleId(index)
    const date = `2022-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`
    const blocks: Array<{heading: string} | {sentences: Sentence[]}> = []
    let words = 0
    while (words < 600) {
      const sentences = Array.from({length: integer(random, 2, 4)}, () => frenchSentence(random))
      if (random() < 0.08) blocks.push({heading: `${capitalize(pick(random, nouns))} ${pick(random, adjectives)}`})
      blocks.push({sentences})
      words += sentences.map((sentence) => sentence.markdown).join(' ').split(/\s+/).length
    }
    const titlePlace = pick(random, places)
    const title = `${capitalize(pick(random, nouns))} ${pick(random, adjectives)} à ${titlePlace.fr.replace(/^l'|^la |^le /, '')} ${index}`
    const body = blocks.map((block) => ('heading' in block ? `## ${block.heading}` : block.sentences.map((sentence) => sentence.markdown).join(' '))).join('\n\n')
    const markdown = `---\nid: ${id}\ndate: ${date}\nlang: fr\ntitle: ${title}\nsource:\n  file: synthetic-${index}.txt\n  format: markdown\n---\n\n${body}\n`
    const article = parseArticle(new VFile({path: layout.articleFile(id), value: markdown}))
    fs.writeFileSync(layout.articleFile(id), markdown)
    fs.writeFileSync(layout.segmentMapFile(id), stringifySegmentMap(article.segmentMap))
    files += 2
    // The segments after the title, in order: a heading is one, each sentence generated is one.
    const generated = blocks.flatMap((block): Array<string | Sentence> => ('heading' in block ? [block.heading] : block.sentences))
    if (generated.length !== article.segments.length - 1) throw new Error(`The segmenter split article ${id} into ${article.segments.length - 1} segments, expected ${generated.length}`)
    for (const lng of languages) {
      const entries: Record<string, string> = {}
      const ledger = new Map<string, LedgerEntry>()
      article.segments.forEach((segment, position) => {
        const source = position === 0 ? undefined : generated[position - 1]!
        let value =
          source === undefined
            ? `${phraseTranslation(title, lng, 3)} ${titlePlace[lng]} ${index}`
            : typeof source === 'string'
              ? phraseTranslation(source, lng, 2)
              : translateSentence(random, source, lng)
        if (!options.clean && position > 0 && random() < missingRate) return
        if (!options.clean && typeof source === 'object' && random() < faultRate) value = withFault(random, value)
        entries[segment.id] = value
        if (!options.clean && random() < draftRate) return
        ledger.set(segment.id, {source: fingerprint(segment.text), target: fingerprint(value), reviewer: 'bench', date: '2026-11-21', text: segment.text})
      })
      fs.writeFileSync(layout.resourceFile(lng, id), stringifyJson(entries))
      fs.writeFileSync(layout.reviewFile(lng, id), stringifyLedger(ledger, article.segments.map((segment) => segment.id)))
      files += 2
    }
  }
  return {corpus, articles: size, files}
}

/** The ID of the `index`-th generated article. */
export function articleId(index: number): string {
  return `2022-${String(1 + (index % 12)).padStart(2, '0')}-article-${String(index).padStart(5, '0')}`
}
