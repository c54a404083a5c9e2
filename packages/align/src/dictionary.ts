// Bilingual dictionaries as word pairs, read from FreeDict's dictd files where
// they are installed (Debian `dict-freedict-fra-eng`, `-fra-rus`, `-fra-deu`...).
// The data is read in place, never copied into the project; without it the
// aligner still works from lengths, numbers, names and cognates.
import fs from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import zlib from 'node:zlib'

const gunzip = promisify(zlib.gunzip)

/** Word pairs of two languages: a source headword and one word of one of its translations. */
export interface BilingualDictionary {
  /** Language code of the first word of each pair (`fr`). */
  source: string
  /** Language code of the second word (`en`, `ru`, `de`). */
  target: string
  pairs: ReadonlyArray<readonly [string, string]>
}

/** Where Debian installs dictd databases. */
export const dictdDirectory = '/usr/share/dictd'

/** ISO 639-1 codes to the ISO 639-3 codes in FreeDict's file names. */
const freedictCodes: Record<string, string> = {
  bg: 'bul', cs: 'ces', da: 'dan', de: 'deu', el: 'ell', en: 'eng', es: 'spa', fi: 'fin', fr: 'fra', it: 'ita',
  ja: 'jpn', la: 'lat', lt: 'lit', nl: 'nld', pl: 'pol', pt: 'por', ru: 'rus', sv: 'swe', tr: 'tur', uk: 'ukr'
}

/**
 * The FreeDict dictionary of `source` → `target` from a dictd directory: the
 * `source-target` database and the reverse `target-source` one turned around,
 * whichever are installed. `undefined` when neither is.
 */
export async function loadDictionary(options: {source: string; target: string; directory?: string}): Promise<BilingualDictionary | undefined> {
  const directory = options.directory ?? dictdDirectory
  const source = freedictCodes[options.source]
  const target = freedictCodes[options.target]
  if (!source || !target) return undefined
  const forward = await readDictdIfPresent(path.join(directory, `freedict-${source}-${target}`))
  const backward = await readDictdIfPresent(path.join(directory, `freedict-${target}-${source}`))
  if (!forward && !backward) return undefined
  const pairs: Array<readonly [string, string]> = []
  for (const entry of forward ?? []) {
    for (const translation of entry.translations) {
      // A phrase's longer words stand for the headword (`agraire` → `die Landwirtschaft betreffend`).
      for (const word of translation) if (translation.length === 1 || word.length >= 4) pairs.push([entry.headword, word])
    }
  }
  for (const entry of backward ?? []) {
    // Turned around, only single words: `Amtsgericht` → `tribunal de première instance` would make
    // `première` a translation of `Amtsgericht`.
    for (const translation of entry.translations) if (translation.length === 1) pairs.push([translation[0]!, entry.headword])
  }
  return {source: options.source, target: options.target, pairs}
}

/** One dictd entry reduced to what alignment uses. */
export interface DictdEntry {
  /** The headword as written in the entry (`Asie du Sud-Est`). */
  headword: string
  /** Its translations, each as its lowercase words. */
  translations: string[][]
}

async function readDictdIfPresent(basePath: string): Promise<DictdEntry[] | undefined> {
  try {
    return await readDictd(basePath)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/**
 * The single-word entries of a dictd database (`<base>.index` and
 * `<base>.dict.dz`, or `<base>.dict`). The index gives each headword's byte
 * offset and length in base 64; an entry is a header line (`headword /IPA/
 * <pos>`), then its senses: numbered translation lines (`1. забегать`) each
 * maybe followed by a gloss in the source language, or, unnumbered, one
 * translation line and glosses. Translations are split at `,` and `;`;
 * parenthesized remarks are dropped.
 */
export async function readDictd(basePath: string): Promise<DictdEntry[]> {
  const index = await fs.readFile(`${basePath}.index`, 'utf8')
  let data: Buffer
  try {
    data = await gunzip(await fs.readFile(`${basePath}.dict.dz`))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    data = await fs.readFile(`${basePath}.dict`)
  }
  const entries: DictdEntry[] = []
  for (const line of index.split('\n')) {
    const [word, offset, length] = line.split('\t')
    if (!word || offset === undefined || length === undefined || word.startsWith('00database')) continue
    const start = decodeBase64Number(offset)
    const text = data.subarray(start, start + decodeBase64Number(length)).toString('utf8')
    const entry = parseEntry(text)
    if (entry) entries.push(entry)
  }
  return entries
}

const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function decodeBase64Number(text: string): number {
  let value = 0
  for (const char of text) value = value * 64 + base64.indexOf(char)
  return value
}

const letters = /[\p{L}\p{M}]+/gu

function parseEntry(text: string): DictdEntry | undefined {
  const lines = text.split('\n').filter((line) => line.trim() !== '')
  const header = lines[0]
  if (!header) return undefined
  const headword = header.replace(/\s+[/<].*$/, '').trim()
  // Single words only: a phrase's words do not each mean its translation.
  if ([...headword.matchAll(letters)].length !== 1) return undefined
  const numbered = lines.slice(1).filter((line) => /^\d+\.\s/.test(line))
  const translationLines = numbered.length > 0 ? numbered.map((line) => line.replace(/^\d+\.\s+/, '')) : lines.slice(1, 2)
  const translations: string[][] = []
  for (const line of translationLines) {
    for (const translation of line.replace(/\([^)]*\)/g, ' ').split(/[,;]/)) {
      const words = [...translation.matchAll(letters)].map((match) => match[0].toLowerCase())
      if (words.length > 0) translations.push(words)
    }
  }
  if (translations.length === 0) return undefined
  return {headword, translations}
}
