import type {Point} from 'unist'
import type {VFile} from 'vfile'
import type {Element, ElementContent} from 'xast'
import {x} from 'xastscript'
import {inlineFromMarkdown, inlineFromPhrasing, inlineText, inlineToMarkdown, mergeTexts, type Inline} from './inline.js'
import type {ExchangeArticle} from './types.js'
import {exchangeSourceLanguage} from './xliff-export.js'
import {attribute, childElement, childElements, indented, localName, messageSource, parseXmlFile, placeOf, rootElement, serializeXml, textContent, xmlSafe, xmlText} from './xml.js'

/** Props of a TMX unit written by `toTmx`. */
export const tmxProps = {article: 'x-article', key: 'x-key', reviewer: 'x-reviewer', previous: 'x-previous', next: 'x-next'} as const

/**
 * A TMX 1.4b memory of the reviewed units of these articles (one target
 * language): one `<tu>` per reviewed unit, French and translation, dated by
 * the approval (`creationdate` and `changedate`: the ledger knows no other
 * date), the reviewer as `creationid`/`changeid` and a prop, the article,
 * the unit key and the neighbouring French (for in-context matches) as
 * props. Inline Markdown is kept as native codes (`<bpt>`, `<ept>`, `<ph>`).
 * Same articles, same bytes.
 */
export function toTmx(articles: readonly ExchangeArticle[]): string {
  const lng = articles[0]?.lng ?? ''
  if (articles.some((article) => article.lng !== lng)) throw new Error('Unexpected articles in several target languages, expected one language per TMX document')
  const units: Element[] = []
  for (const article of articles) {
    article.units.forEach((unit, index) => {
      if (unit.state !== 'reviewed' || unit.target === undefined || unit.target.trim() === '') return
      const date = unit.approvedOn ? tmxDate(unit.approvedOn) : undefined
      const previous = article.units[index - 1]?.sourceText
      const next = article.units[index + 1]?.sourceText
      const props: Array<[string, string | undefined]> = [
        [tmxProps.article, article.id],
        [tmxProps.key, unit.key],
        [tmxProps.reviewer, unit.reviewer],
        [tmxProps.previous, previous],
        [tmxProps.next, next]
      ]
      units.push(
        x(
          'tu',
          {
            tuid: xmlSafe(`${article.id}:${unit.key}`),
            ...(date ? {creationdate: date} : {}),
            ...(unit.reviewer ? {creationid: xmlSafe(unit.reviewer)} : {}),
            ...(date ? {changedate: date} : {}),
            ...(unit.reviewer ? {changeid: xmlSafe(unit.reviewer)} : {})
          },
          indented(6, [
            ...props.flatMap(([type, value]) => (value === undefined ? [] : [x('prop', {type}, xmlText(value))])),
            x('tuv', {'xml:lang': exchangeSourceLanguage}, [x('seg', seg(inlineFromPhrasing(unit.source)))]),
            x('tuv', {'xml:lang': xmlSafe(lng)}, [x('seg', seg(inlineFromMarkdown(unit.target)))])
          ])
        )
      )
    })
  }
  const header = x('header', {
    creationtool: 'briefs',
    creationtoolversion: '1',
    segtype: 'sentence',
    'o-tmf': 'briefs',
    adminlang: 'en',
    srclang: exchangeSourceLanguage,
    datatype: 'plaintext'
  })
  return serializeXml(x('tmx', {version: '1.4'}, indented(2, [header, x('body', indented(4, units))])), {name: 'tmx', system: 'tmx14.dtd'})
}

/** `YYYY-MM-DD` (or `YYYY-MM`) as a TMX date, `YYYYMMDDThhmmssZ`. */
function tmxDate(date: string): string | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date)
  return match ? `${match[1]}${match[2]}${match[3] ?? '01'}T000000Z` : undefined
}

function seg(inlines: readonly Inline[]): ElementContent[] {
  let next = 1
  const convert = (items: readonly Inline[]): ElementContent[] =>
    items.flatMap((item): ElementContent[] => {
      if (item.type === 'text') return xmlText(item.value)
      if (item.type === 'placeholder') return [x('ph', xmlText(item.data))]
      const i = String(next++)
      return [x('bpt', {i}, xmlText(item.start)), ...convert(item.children), x('ept', {i}, xmlText(item.end))]
    })
  return convert(inlines)
}

/** One language version of a TMX unit. */
export interface TmxVariant {
  /** `xml:lang` (TMX 1.4) or `lang` (TMX 1.1). */
  lang: string
  inlines: Inline[]
  /** Plain text. */
  text: string
  /** Inline Markdown (native codes written as they are, text escaped). */
  markdown: string
}

export interface TmxUnit {
  tuid?: string
  props: Array<{type: string; value: string}>
  notes: string[]
  creationdate?: string
  creationid?: string
  changedate?: string
  changeid?: string
  variants: TmxVariant[]
  place?: Point
}

export interface TmxDocument {
  version: string
  srclang?: string
  units: TmxUnit[]
}

function problem(file: VFile, reason: string, place: Point | undefined, ruleId: string): void {
  const message = file.message(reason, {place, ruleId, source: messageSource})
  message.fatal = true
}

/**
 * Read a TMX file (1.4b, and the 1.1 to 1.4 that CAT tools write).
 * Malformed XML or a document that is not TMX stops it (thrown, at its line
 * and column); a unit or a variant that cannot be read is an error message
 * at its place and is left out.
 */
export function readTmx(file: VFile): TmxDocument {
  const root = rootElement(parseXmlFile(file, 'a TMX document'))
  if (!root || localName(root) !== 'tmx') {
    return file.fail(`Unexpected ${root ? `root element \`${root.name}\`` : 'document without element'}, expected \`tmx\``, {place: root ? placeOf(root) : undefined, ruleId: 'not-tmx', source: messageSource})
  }
  const version = attribute(root, 'version') ?? ''
  if (!/^1\.[1-4]b?$/.test(version)) {
    return file.fail(`Unexpected TMX version \`${version}\`, expected \`1.4\``, {place: placeOf(root), ruleId: 'tmx-version', source: messageSource})
  }
  const header = childElement(root, 'header')
  const body = childElement(root, 'body')
  if (!body) return file.fail('Unexpected TMX without `<body>`, expected `<header>` then `<body>`', {place: placeOf(root), ruleId: 'not-tmx', source: messageSource})
  const units: TmxUnit[] = []
  for (const tu of childElements(body, 'tu')) {
    const variants: TmxVariant[] = []
    for (const tuv of childElements(tu, 'tuv')) {
      const lang = attribute(tuv, 'xml:lang') ?? attribute(tuv, 'lang')
      const segment = childElement(tuv, 'seg')
      if (!lang) {
        problem(file, 'Unexpected `<tuv>` without `xml:lang`, expected its language', placeOf(tuv), 'tmx-variant')
        continue
      }
      if (!segment) {
        problem(file, `Unexpected \`<tuv xml:lang="${lang}">\` without \`<seg>\`, expected its text`, placeOf(tuv), 'tmx-variant')
        continue
      }
      const inlines = segInlines(file, segment)
      if (inlines) variants.push({lang, inlines, text: inlineText(inlines), markdown: inlineToMarkdown(inlines)})
    }
    if (variants.length === 0) {
      problem(file, 'Unexpected `<tu>` without a readable `<tuv>`, expected one per language', placeOf(tu), 'tmx-unit')
      continue
    }
    const optional = (name: string) => {
      const value = attribute(tu, name)
      return value === undefined ? {} : {[name]: value}
    }
    units.push({
      ...optional('tuid'),
      props: childElements(tu, 'prop').map((prop) => ({type: attribute(prop, 'type') ?? '', value: textContent(prop)})),
      notes: childElements(tu, 'note').map(textContent),
      ...optional('creationdate'),
      ...optional('creationid'),
      ...optional('changedate'),
      ...optional('changeid'),
      variants,
      ...(placeOf(tu) ? {place: placeOf(tu)} : {})
    })
  }
  const srclang = header ? attribute(header, 'srclang') : undefined
  return {version, ...(srclang ? {srclang} : {}), units}
}

/** A `<seg>` as inline content: `<bpt>`/`<ept>` pairs around text, `<ph>`, `<it>` and `<ut>` as placeholders, `<hi>` as its text. */
function segInlines(file: VFile, segment: Element): Inline[] | null {
  let readable = true
  const root: Inline[] = []
  const stack: Array<{i: string; item: Extract<Inline, {type: 'paired'}>; place: Point | undefined}> = []
  const push = (item: Inline) => (stack.at(-1)?.item.children ?? root).push(item)
  const walk = (parent: Element) => {
    for (const node of parent.children) {
      if (node.type === 'text' || node.type === 'cdata') push({type: 'text', value: node.value})
      if (node.type !== 'element') continue
      const name = localName(node)
      if (name === 'bpt') {
        const item = {type: 'paired' as const, kind: 'code', start: textContent(node), end: '', children: []}
        push(item)
        stack.push({i: attribute(node, 'i') ?? '', item, place: placeOf(node)})
      } else if (name === 'ept') {
        const open = stack.pop()
        if (!open || open.i !== (attribute(node, 'i') ?? '')) {
          problem(file, `Unexpected \`<ept i="${attribute(node, 'i') ?? ''}">\`, expected the \`<ept>\` of ${open ? `\`<bpt i="${open.i}">\`` : 'an open `<bpt>`'}`, placeOf(node), 'tmx-codes')
          readable = false
          return
        }
        open.item.end = textContent(node)
      } else if (name === 'ph' || name === 'it' || name === 'ut') {
        // TMX has no plain text for a code: that of its Markdown (inline code's code) stands in.
        const data = textContent(node)
        push({type: 'placeholder', kind: 'code', data, equiv: inlineText(inlineFromMarkdown(data))})
      } else if (name === 'hi') {
        walk(node)
      } else {
        problem(file, `Unexpected \`<${node.name}>\` in \`<seg>\`, expected text, \`<bpt>\`, \`<ept>\`, \`<ph>\`, \`<it>\` or \`<hi>\``, placeOf(node), 'tmx-codes')
        readable = false
      }
    }
  }
  walk(segment)
  if (readable && stack.length > 0) {
    const open = stack.at(-1)!
    problem(file, `Unexpected \`<bpt i="${open.i}">\` without \`<ept>\`, expected a pair`, open.place, 'tmx-codes')
    readable = false
  }
  return readable ? mergeTexts(root) : null
}
