import {createHash} from 'node:crypto'
import path from 'node:path'
import {
  articleIdProblem,
  dateProblem,
  normalizeText,
  parseArticle,
  remarkArticleConstructs,
  remarkArticleSyntax,
  sourceNameProblem,
  sourceLanguage,
  slugify,
  textProblems,
  type Article,
  type ArticleMeta,
  type ArticleSource
} from '@briefs/corpus'
import type {SegmentMap} from '@briefs/segment'
import {splitSentences} from '@briefs/sentences'
import type {Paragraph, Root, Yaml} from 'mdast'
import {toString} from 'mdast-util-to-string'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {location} from 'vfile-location'
import {parseDocument, stringify} from 'yaml'
import {readRawArticle} from './raw.js'

export interface IngestOptions {
  /** Article ID to use instead of the one derived from the date and first words. */
  id?: string | undefined
  /** Title to use instead of the front matter's or the first sentence. */
  title?: string | undefined
  /** Fix a BOM, CRLF line endings and NFD text instead of refusing them. */
  normalize?: boolean | undefined
  /** The existing segment map of the article being replaced, so its IDs are kept. */
  map?: SegmentMap | undefined
  /** The publication the desk credits (`AFP`, `Reuters`): `source.name`, the only source readers see. */
  sourceName?: string | undefined
}

export interface Ingested {
  id: string
  /** The corpus article: front matter and Markdown body. */
  markdown: string
  /** The parsed corpus article, with its segments and segment map. */
  article: Article
}

/**
 * Turn an article as received into a corpus article. `file` holds the
 * received text and its path. Accepted forms:
 *
 * - raw: a leading ` date YYYY-MM ` header, then paragraphs separated by
 *   blank lines (as the wire delivers them);
 * - Markdown with YAML front matter (`date` required; `id`, `lang`,
 *   `title`, `source` optional).
 *
 * The French text is kept exactly: raw paragraphs become Markdown whose
 * text reads back identical (checked), Markdown bodies are kept byte for
 * byte. Problems are fatal vfile messages on `file`.
 */
export function ingestArticle(file: VFile, bytes: Uint8Array, options: Readonly<IngestOptions> = {}): Ingested {
  let value = String(file.value)
  const problems = textProblems(value)
  if (problems.length > 0) {
    if (!options.normalize) {
      const first = problems[0]!
      file.fail(`${first.reason}; run with \`--normalize\` to fix it`, {place: location(file).toPoint(first.offset), ruleId: first.ruleId, source: 'briefs'})
    }
    value = normalizeText(value)
    file.info(`Normalized ${problems.map((problem) => problem.ruleId).join(', ')}`, {ruleId: 'normalized', source: 'briefs'})
    file.value = value
  }
  if (value.trim() === '') {
    file.fail('Unexpected empty file, expected an article (a ` date YYYY-MM ` header or YAML front matter, then text)', {place: {line: 1, column: 1}, ruleId: 'empty-article', source: 'briefs'})
  }

  const source: ArticleSource = {file: path.basename(file.path), format: '', sha256: createHash('sha256').update(bytes).digest('hex')}
  let fields: Partial<ArticleMeta> & {source?: ArticleSource}
  let body: string

  if (/^---\n/.test(value)) {
    ;({fields, body} = readMarkdownArticle(file))
    source.format = 'markdown'
    // What the briefs cannot show is refused (or warned about) at its place in the file as received, before anything else.
    const constructs = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkArticleSyntax).use(remarkArticleConstructs)
    constructs.runSync(constructs.parse(file), file)
  } else {
    const raw = readRawArticle(file)
    fields = {date: raw.date}
    body = stringifyParagraphs(raw.paragraphs, file)
    source.format = 'raw'
  }

  const firstParagraph = firstParagraphText(body)
  if (firstParagraph === '') {
    file.fail('Unexpected article without text, expected paragraphs after the header', {place: {line: 1, column: 1}, ruleId: 'empty-article', source: 'briefs'})
  }
  const date = fields.date!
  const id = options.id ?? fields.id ?? `${date}-${slugify(firstParagraph, 40)}`
  const idProblem = articleIdProblem(id)
  if (idProblem) file.fail(`${idProblem}; choose one with \`--id\``, {ruleId: 'article-id', source: 'briefs'})
  const firstRange = splitSentences(firstParagraph)[0]
  const title = options.title ?? fields.title ?? firstParagraph.slice(firstRange?.start ?? 0, firstRange?.end ?? firstParagraph.length)

  const sourceName = options.sourceName ?? fields.source?.name
  if (options.sourceName !== undefined) {
    const problem = sourceNameProblem(options.sourceName)
    if (problem) file.fail(`${problem} (\`--source-name\`)`, {ruleId: 'front-matter', source: 'briefs'})
  }
  const meta: ArticleMeta = {
    id,
    date,
    lang: sourceLanguage,
    title,
    source: {...source, ...fields.source, file: fields.source?.file ?? source.file, format: source.format, sha256: source.sha256, ...(sourceName === undefined ? {} : {name: sourceName})}
  }
  const header = `---\n${stringifyMatter(meta)}---\n\n`
  const markdown = `${header}${body}`

  // Parse what will be written with the corpus's own parser: ingest cannot produce an article the build refuses.
  // Its messages point into the received file: a Markdown body is kept byte for byte, only the lines before it differ.
  const output = new VFile({path: file.path, value: markdown})
  const shift = source.format === 'markdown' ? lineOf(value, value.length - body.length) - lineOf(markdown, header.length) : 0
  let article: Article
  try {
    article = parseArticle(output, options.map)
  } catch (error) {
    if (error instanceof VFileMessage) file.fail(error.reason, {place: shifted(error, shift), ruleId: error.ruleId ?? undefined, source: error.source ?? undefined})
    throw error
  }
  // Its warnings (inline HTML) are already on `file`, found in the file as received.
  return {id, markdown, article}
}

/** The 1-based line of `offset` in `text`. */
function lineOf(text: string, offset: number): number {
  let line = 1
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++
  return line
}

/** A message's place moved by `lines` (from the article as written to the file as received); none when it fell in the front matter. */
function shifted(message: VFileMessage, lines: number): VFileMessage['place'] {
  const move = (point: {line: number; column: number}) => ({line: point.line + lines, column: point.column})
  const place = message.place
  if (!place) return undefined
  if ('start' in place) return place.start.line + lines < 1 ? undefined : {start: move(place.start), end: move(place.end)}
  return place.line + lines < 1 ? undefined : move(place)
}

function readMarkdownArticle(file: VFile): {fields: Partial<ArticleMeta> & {source?: ArticleSource}; body: string} {
  const value = String(file.value)
  const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(file) as Root
  const yamlNode = tree.children[0]?.type === 'yaml' ? (tree.children[0] as Yaml) : undefined
  if (!yamlNode) {
    file.fail('Unexpected unterminated front matter, expected a closing `---` line', {place: {line: 1, column: 1}, ruleId: 'front-matter', source: 'briefs'})
  }
  const base = 4
  const document = parseDocument(yamlNode.value, {prettyErrors: false, uniqueKeys: true})
  const error = document.errors[0]
  if (error) {
    file.fail(`Unexpected YAML: ${error.message.split('\n')[0]}`, {place: location(file).toPoint(base + error.pos[0]), ruleId: 'front-matter', source: 'briefs'})
  }
  const data: unknown = document.toJS()
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    file.fail('Unexpected front matter, expected a YAML mapping with at least `date`', {place: {line: 2, column: 1}, ruleId: 'front-matter', source: 'briefs'})
  }
  const record = data as Record<string, unknown>
  const pointAt = (key: string) => {
    const node = document.get(key, true) as {range?: [number, number, number]} | undefined
    return location(file).toPoint(base + (node?.range?.[0] ?? 0))
  }
  const stringOf = (key: string): string | undefined => {
    const field = record[key]
    if (field === undefined) return undefined
    if (typeof field !== 'string' || field.trim() === '') {
      file.fail(`Unexpected \`${key}\` value, expected a non-empty string`, {place: pointAt(key), ruleId: 'front-matter', source: 'briefs'})
    }
    return field as string
  }
  const date = stringOf('date')
  if (date === undefined) {
    file.fail('Unexpected front matter without `date`, expected `date: YYYY-MM`', {place: {line: 2, column: 1}, ruleId: 'front-matter', source: 'briefs'})
  }
  const dateIssue = dateProblem(date!)
  if (dateIssue) file.fail(dateIssue, {place: pointAt('date'), ruleId: 'front-matter', source: 'briefs'})
  const lang = stringOf('lang')
  if (lang !== undefined && lang !== sourceLanguage) {
    file.fail(`Unexpected language ${JSON.stringify(lang)}, expected \`${sourceLanguage}\` (articles are French)`, {place: pointAt('lang'), ruleId: 'front-matter', source: 'briefs'})
  }
  const fields: Partial<ArticleMeta> & {source?: ArticleSource} = {date: date!}
  const id = stringOf('id')
  if (id !== undefined) fields.id = id
  const title = stringOf('title')
  if (title !== undefined) fields.title = title
  if (record.source !== undefined) {
    if (typeof record.source !== 'object' || record.source === null || Array.isArray(record.source)) {
      file.fail('Unexpected `source`, expected a mapping', {place: pointAt('source'), ruleId: 'front-matter', source: 'briefs'})
    }
    fields.source = record.source as ArticleSource
  }
  const bodyStart = yamlNode.position?.end.offset ?? 0
  const body = value.slice(bodyStart).replace(/^\n+/, '')
  return {fields, body: body.endsWith('\n') ? body : `${body}\n`}
}

/**
 * Raw paragraphs as Markdown: one text node per paragraph, serialized by
 * remark-stringify, which escapes whatever Markdown would otherwise read as
 * syntax (`[from Russia]`, a leading `#` or `1.`, `*`). Read back, every
 * paragraph must give its text exactly.
 */
function stringifyParagraphs(paragraphs: Array<{text: string; offset: number}>, file: VFile): string {
  const tree: Root = {
    type: 'root',
    children: paragraphs.map((paragraph): Paragraph => ({type: 'paragraph', children: [{type: 'text', value: paragraph.text}]}))
  }
  const markdown = unified().use(remarkStringify, {bullet: '-', emphasis: '_'}).stringify(tree)
  const back = unified().use(remarkParse).parse(markdown)
  const texts = back.children.map((node) => toString(node))
  paragraphs.forEach((paragraph, index) => {
    if (texts[index] !== paragraph.text || back.children.length !== paragraphs.length) {
      file.fail('Unexpected paragraph that Markdown cannot keep exactly, expected plain text', {place: location(file).toPoint(paragraph.offset), ruleId: 'ingest-roundtrip', source: 'briefs'})
    }
  })
  return markdown
}

function firstParagraphText(body: string): string {
  const tree = unified().use(remarkParse).parse(body)
  const paragraph = tree.children.find((node) => node.type === 'paragraph' || node.type === 'heading')
  return paragraph ? toString(paragraph).replace(/\s+/g, ' ').trim() : ''
}

/** Front matter in a fixed key order, so re-ingesting gives the same bytes. */
function stringifyMatter(meta: ArticleMeta): string {
  const source: ArticleSource = {}
  for (const key of ['file', 'format', 'sha256', 'url', 'name'] as const) {
    const field = meta.source?.[key]
    if (field) source[key] = field
  }
  return stringify({id: meta.id, date: meta.date, lang: meta.lang, title: meta.title, source}, {lineWidth: 0})
}
