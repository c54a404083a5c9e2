import fs from 'node:fs/promises'
import path from 'node:path'
import {fingerprint, stringifyLedger, type LedgerEntry} from '@briefs/bitext'
import {corpusLayout, parseArticle, stringifyJson, stringifySegmentMap, type TargetLanguage} from '@briefs/corpus'
import {languageProfile} from '@briefs/languages'
import {VFile} from 'vfile'
import {integer, pick, seededRandom} from './random.js'

const nouns = ['ministère', 'gouvernement', 'frontière', 'président', 'armée', 'mobilisation', 'région', 'conflit', 'accord', 'sécurité', 'population', 'réunion', 'décision', 'rapport', 'économie', 'élection', 'délégation', 'opposition', 'coalition', 'enquête']
const verbs = ['a annoncé', 'a confirmé', 'a indiqué', 'a rappelé', 'a dénoncé', 'a précisé', 'a souligné', 'a reconnu', 'prévoit', 'examine', 'a rejeté', 'a salué']
const adjectives = ['nouvelle', 'importante', 'régionale', 'militaire', 'économique', 'partielle', 'officielle', 'internationale', 'prochaine', 'sévère']
const places = ['la Géorgie', 'le Kazakhstan', 'la Mongolie', 'la Russie', "l'Ukraine", 'Moscou', 'Tbilissi', 'Astana', 'Kiev', 'Bruxelles']
const people = ['M. Tokaïev', 'Mme Dupont', 'M. Choïgou', 'Dr Martin', 'V. Poutine', 'M. Gomelauri']
const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'septembre', 'octobre', 'novembre']

interface Sentence {
  markdown: string
  numbers: number[]
}

/** A French news sentence of about 20 words with the constructs the segmenter must handle. */
function frenchSentence(random: () => number): Sentence {
  const numbers: number[] = []
  const thousands = integer(random, 2, 300) * 1000
  numbers.push(thousands)
  const count = thousands >= 100000 ? thousands.toLocaleString('fr-FR').replace(/\u202f/g, ' ') : `${Math.floor(thousands / 1000)}.000`
  const words = [
    `Selon ${pick(random, people)}, le ${pick(random, nouns)} de ${pick(random, places)} ${pick(random, verbs)} une ${pick(random, adjectives)} ${pick(random, nouns)}`,
    `concernant ${count} personnes le ${integer(random, 1, 28)} ${pick(random, months)}`
  ]
  numbers.push(integer(random, 1, 28))
  const kind = random()
  if (kind < 0.2) {
    return {markdown: `« ${capitalize(words.join(' '))}. Il faut agir vite », ${pick(random, verbs)} ${pick(random, people)}.`, numbers}
  }
  if (kind < 0.35) {
    const share = `${integer(random, 1, 9)},${integer(random, 1, 9)} %`
    return {markdown: `${capitalize(words.join(' '))}, soit une hausse de *${share}* d'après [Reuters](https://www.reuters.com/world/${integer(random, 1000, 9999)}).`, numbers}
  }
  if (kind < 0.45) return {markdown: `${capitalize(words.join(' '))}, p. ex. à ${pick(random, places)} ?`, numbers}
  return {markdown: `${capitalize(words.join(' '))} et ${pick(random, verbs)} la ${pick(random, adjectives)} ${pick(random, nouns)} de ${pick(random, places)}.`, numbers}
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/**
 * A pseudo-translation of the same length class, in the target language's
 * words (its profile's common words), numbers and quotation marks.
 */
function translation(random: () => number, text: string, lng: TargetLanguage): string {
  const language = languageProfile(lng)
  const vocabulary = language.commonWords
  const numbers = new Intl.NumberFormat(lng)
  const words = text.split(/\s+/).map((word) => {
    if (/^\d+\.000$/.test(word)) return numbers.format(Number(word.replace('.', '')))
    if (/^\d+$/.test(word)) return word
    return pick(random, vocabulary)
  })
  const sentence = capitalize(words.join(' ').replace(/\s+([,.?!])/g, '$1'))
  const [open, close] = language.quotes.primary
  const quoted = text.startsWith('«') ? `${open}${sentence}${close}` : sentence
  return random() < 0.1 ? `${quoted.slice(0, -1)} *${pick(random, vocabulary)}*.` : quoted.endsWith('.') ? quoted : `${quoted}.`
}

export interface GeneratedCorpus {
  corpus: string
  articles: number
  files: number
}

/**
 * Write a reproducible corpus of `size` articles of about 600 words each
 * (configuration, articles, segment maps, a resource and a review ledger
 * approving everything per language) under `directory`.
 */
export async function generateCorpus(directory: string, size: number, seed = 2022, languages: readonly TargetLanguage[] = ['en', 'ru']): Promise<GeneratedCorpus> {
  const random = seededRandom(seed)
  const corpus = path.join(directory, 'corpus')
  const layout = corpusLayout(corpus)
  for (const folder of ['articles', 'segments', ...languages.flatMap((lng) => [`locales/${lng}`, `reviews/${lng}`])]) await fs.mkdir(path.join(corpus, folder), {recursive: true})
  await fs.writeFile(layout.configFile, stringifyJson({languages}))
  let files = 1
  for (let index = 0; index < size; index++) {
    const id = `2022-${String(1 + (index % 12)).padStart(2, '0')}-article-${String(index).padStart(5, '0')}`
    const date = `2022-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`
    const paragraphs: string[] = []
    let words = 0
    while (words < 600) {
      const sentences = Array.from({length: integer(random, 2, 4)}, () => frenchSentence(random).markdown)
      if (random() < 0.08) paragraphs.push(`## ${capitalize(pick(random, nouns))} ${pick(random, adjectives)}`)
      paragraphs.push(sentences.join(' '))
      words += sentences.join(' ').split(/\s+/).length
    }
    const markdown = `---\nid: ${id}\ndate: ${date}\nlang: fr\ntitle: ${capitalize(pick(random, nouns))} ${pick(random, adjectives)} à ${pick(random, places).replace(/^l'|^la |^le /, '')} ${index}\nsource:\n  file: synthetic-${index}.txt\n  format: markdown\n---\n\n${paragraphs.join('\n\n')}\n`
    const article = parseArticle(new VFile({path: layout.articleFile(id), value: markdown}))
    await fs.writeFile(layout.articleFile(id), markdown)
    await fs.writeFile(layout.segmentMapFile(id), stringifySegmentMap(article.segmentMap))
    files += 2
    for (const lng of languages) {
      const entries: Record<string, string> = {}
      const ledger = new Map<string, LedgerEntry>()
      for (const segment of article.segments) {
        const value = translation(random, segment.text, lng)
        entries[segment.id] = value
        ledger.set(segment.id, {source: fingerprint(segment.text), target: fingerprint(value), reviewer: 'bench', date: '2026-11-21', text: segment.text})
      }
      await fs.writeFile(layout.resourceFile(lng, id), stringifyJson(entries))
      await fs.writeFile(layout.reviewFile(lng, id), stringifyLedger(ledger, article.segments.map((segment) => segment.id)))
      files += 2
    }
  }
  return {corpus, articles: size, files}
}
