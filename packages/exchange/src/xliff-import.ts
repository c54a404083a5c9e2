import type {Point} from 'unist'
import type {VFile} from 'vfile'
import type {Element} from 'xast'
import {inlineFromMarkdown, inlineFromPhrasing, inlineSignature, inlineTexts, inlineText, inlineToMarkdown, mergeTexts, withRawTexts, type Inline} from './inline.js'
import type {ExchangeArticle, ExchangeState, ExchangeUnit} from './types.js'
import {exchangeSourceLanguage, markdownContextGroup, type XliffVersion} from './xliff-export.js'
import {attribute, childElement, childElements, descendantElements, localName, messageSource, parseXmlFile, placeOf, rootElement, textContent, xmlSafe} from './xml.js'

function withTextValues(inlines: readonly Inline[], change: (value: string) => string): Inline[] {
  return inlines.map((item): Inline => (item.type === 'text' ? {...item, value: change(item.value)} : item.type === 'paired' ? {...item, children: withTextValues(item.children, change)} : item))
}

/** A unit whose translation the file changes: the lead writes `target` and makes it a draft. */
export interface ChangedUnit {
  key: string
  /** The new translation, inline Markdown. */
  target: string
  /** The translation it replaces, if there was one. */
  previous?: string
  /** A changed translation is a draft until a reviewer approves it. */
  state: 'draft'
}

/** A unit of the file that is not taken. */
export interface RefusedUnit {
  key: string
  /**
   * `source-changed`: the French changed since the export, so the file's
   * translation is of another text; `invalid-target`: the target has codes
   * the import cannot turn back into the Markdown it came from (the
   * messages say which).
   */
  reason: 'source-changed' | 'invalid-target'
  /** The French of the file, plain text. */
  fileSource: string
  /** The French now, plain text. */
  currentSource: string
}

/** A unit the file leaves as it is: it keeps its translation (byte for byte) and its state. */
export interface UnchangedUnit {
  key: string
  state: ExchangeState
  target?: string
}

export interface ArticleImport {
  id: string
  changed: ChangedUnit[]
  refused: RefusedUnit[]
  unchanged: UnchangedUnit[]
}

export interface XliffImport {
  version: XliffVersion
  /** The target language of the file. */
  lng: string
  /** The articles of the file that are known, in file order. */
  articles: ArticleImport[]
}

export interface XliffImportOptions {
  /** The target language expected; default: that of the articles. */
  lng?: string
}

interface FileUnit {
  key: string
  element: Element
  source: Inline[]
  target: Inline[] | undefined
  /** A code of the source or the target could not be read back (reported). */
  unreadable: boolean
  /** The file says the target is a translation (a state past `initial`/`new`, or `approved="yes"`). */
  markedTranslated: boolean
}

// Messages that do not stop the import are errors all the same (unified's convention: fatal, not thrown).
function problem(file: VFile, reason: string, place: Point | undefined, ruleId: string): void {
  const message = file.message(reason, {place, ruleId, source: messageSource})
  message.fatal = true
}

/**
 * Read an XLIFF file (1.2 or 2.0) made from an export of these articles
 * and compare it with them: the translations it changes, the units it
 * cannot give (French changed since the export), the units it leaves as
 * they are. Pure: it writes nothing, and reports problems on `file`.
 *
 * Malformed XML, a document that is not XLIFF 1.2 or 2.0, another source
 * language or another target language stop the import (thrown, with their
 * line and column); an unknown article or unit, or an unreadable target, is
 * an error message and that part is left out.
 */
export function importXliff(file: VFile, articles: readonly ExchangeArticle[], options: XliffImportOptions = {}): XliffImport {
  const expectedLng = options.lng ?? articles[0]?.lng
  const {root, version} = readXliffRoot(file)
  const checkLanguages = (element: Element, source: string | undefined, target: string | undefined, names: [string, string]) => {
    if (!sameLanguage(source, exchangeSourceLanguage)) {
      file.fail(`Unexpected source language \`${source ?? ''}\` (\`${names[0]}\`), expected \`${exchangeSourceLanguage}\``, {place: placeOf(element), ruleId: 'xliff-language', source: messageSource})
    }
    if (expectedLng !== undefined && !sameLanguage(target, expectedLng)) {
      file.fail(`Unexpected target language \`${target ?? ''}\` (\`${names[1]}\`), expected \`${expectedLng}\``, {place: placeOf(element), ruleId: 'xliff-language', source: messageSource})
    }
  }
  if (version === '2.0') checkLanguages(root, attribute(root, 'srcLang'), attribute(root, 'trgLang'), ['srcLang', 'trgLang'])
  const byId = new Map(articles.map((article) => [article.id, article]))
  const imports: ArticleImport[] = []
  const seenArticles = new Set<string>()
  for (const fileElement of childElements(root, 'file')) {
    if (version === '1.2') checkLanguages(fileElement, attribute(fileElement, 'source-language'), attribute(fileElement, 'target-language'), ['source-language', 'target-language'])
    const id = attribute(fileElement, 'original') ?? attribute(fileElement, 'id') ?? ''
    const article = byId.get(id)
    if (!article) {
      problem(file, `Unexpected article \`${id}\`, expected one of the corpus (${[...byId.keys()].map((known) => `\`${known}\``).join(', ') || 'none'})`, placeOf(fileElement), 'unknown-article')
      continue
    }
    if (seenArticles.has(id)) {
      problem(file, `Unexpected second \`<file>\` for article \`${id}\`, expected one`, placeOf(fileElement), 'duplicate-article')
      continue
    }
    seenArticles.add(id)
    const units = version === '2.0' ? units20(file, fileElement) : units12(file, fileElement)
    // 1.2 has no way to write characters XML cannot carry (2.0 has `<cp>`): the export wrote U+FFFD for them.
    imports.push(compareArticle(file, article, units, version === '1.2'))
  }
  return {version, lng: expectedLng ?? '', articles: imports}
}

/** The languages an XLIFF file says it holds, and where it says so. */
export interface XliffLanguages {
  version: XliffVersion
  /** 2.0 `srcLang`; 1.2 the first `<file>`'s `source-language`. */
  source: string | undefined
  /** 2.0 `trgLang`; 1.2 the first `<file>`'s `target-language`. */
  target: string | undefined
  /** The element that says it (the root in 2.0, the first `<file>` in 1.2), for messages. */
  place: Point | undefined
}

/**
 * Read what an XLIFF file declares before importing it: its version and
 * languages, so the caller can choose the articles of that language.
 * Malformed XML, a root that is not `xliff` and an unknown version stop it,
 * as they stop `importXliff` (thrown, at their line and column).
 */
export function xliffLanguages(file: VFile): XliffLanguages {
  const {root, version} = readXliffRoot(file)
  if (version === '2.0') return {version, source: attribute(root, 'srcLang'), target: attribute(root, 'trgLang'), place: placeOf(root)}
  const first = childElements(root, 'file')[0]
  return {version, source: first && attribute(first, 'source-language'), target: first && attribute(first, 'target-language'), place: placeOf(first ?? root)}
}

function readXliffRoot(file: VFile): {root: Element; version: XliffVersion} {
  const root = rootElement(parseXmlFile(file, 'an XLIFF 1.2 or 2.0 document'))
  if (!root || localName(root) !== 'xliff') {
    return file.fail(`Unexpected ${root ? `root element \`${root.name}\`` : 'document without element'}, expected \`xliff\``, {place: root ? placeOf(root) : undefined, ruleId: 'not-xliff', source: messageSource})
  }
  const versionAttribute = attribute(root, 'version')
  const version: XliffVersion | undefined = versionAttribute === '1.2' ? '1.2' : versionAttribute === '2.0' || versionAttribute === '2.1' ? '2.0' : undefined
  if (!version) {
    return file.fail(`Unexpected XLIFF version \`${versionAttribute ?? ''}\`, expected \`1.2\` or \`2.0\``, {place: placeOf(root), ruleId: 'xliff-version', source: messageSource})
  }
  return {root, version}
}

function sameLanguage(value: string | undefined, expected: string): boolean {
  return value !== undefined && (value.toLowerCase() === expected.toLowerCase() || value.toLowerCase().startsWith(`${expected.toLowerCase()}-`))
}

function compareArticle(file: VFile, article: ExchangeArticle, fileUnits: readonly FileUnit[], xmlSafeText: boolean): ArticleImport {
  const result: ArticleImport = {id: article.id, changed: [], refused: [], unchanged: []}
  const current = new Map(article.units.map((unit) => [unit.key, unit]))
  const seen = new Set<string>()
  for (const fileUnit of fileUnits) {
    const unit = current.get(fileUnit.key)
    if (!unit) {
      problem(file, `Unexpected unit \`${fileUnit.key}\` in article \`${article.id}\`, expected a unit of the article: export it again`, placeOf(fileUnit.element), 'unknown-unit')
      continue
    }
    if (seen.has(unit.key)) {
      problem(file, `Unexpected second unit \`${unit.key}\` in article \`${article.id}\`, expected one`, placeOf(fileUnit.element), 'duplicate-unit')
      continue
    }
    seen.add(unit.key)
    compareUnit(file, unit, fileUnit, result, xmlSafeText)
  }
  return result
}

function compareUnit(file: VFile, unit: ExchangeUnit, fileUnit: FileUnit, result: ArticleImport, xmlSafeText: boolean): void {
  const asWritten = (inlines: Inline[]) => (xmlSafeText ? withTextValues(inlines, xmlSafe) : inlines)
  const currentSource = asWritten(inlineFromPhrasing(unit.source))
  const loose = {looseWhitespace: true}
  const unchanged = (): void => {
    result.unchanged.push({key: unit.key, state: unit.state, ...(unit.target === undefined ? {} : {target: unit.target})})
  }
  if (!fileUnit.unreadable && inlineSignature(fileUnit.source, loose) !== inlineSignature(currentSource, loose)) {
    result.refused.push({key: unit.key, reason: 'source-changed', fileSource: inlineText(fileUnit.source), currentSource: unit.sourceText})
    const message = file.message(`Unexpected French in unit \`${unit.key}\`, changed since the export, expected the current French: its translation is not taken, export the article again`, {
      place: placeOf(fileUnit.element),
      ruleId: 'source-changed',
      source: messageSource
    })
    message.fatal = false
    return
  }
  if (fileUnit.unreadable) {
    result.refused.push({key: unit.key, reason: 'invalid-target', fileSource: inlineText(fileUnit.source), currentSource: unit.sourceText})
    return
  }
  const target = fileUnit.target
  // An empty target offers nothing: it never erases a translation.
  if (!target || (inlineText(target).trim() === '' && target.every((item) => item.type === 'text'))) return unchanged()
  // A copy of the French, not marked translated, stands in for a missing translation.
  if (!fileUnit.markedTranslated && inlineSignature(target, loose) === inlineSignature(fileUnit.source, loose)) return unchanged()
  const translated = unit.state !== 'missing' && unit.target !== undefined
  const currentTarget = translated ? asWritten(inlineFromMarkdown(unit.target!)) : []
  if (translated && inlineSignature(target) === inlineSignature(currentTarget)) return unchanged()
  if (translated && inlineSignature(target, loose) === inlineSignature(currentTarget, loose)) {
    file.info(`Unexpected white space change only in unit \`${unit.key}\`, expected a change of words: the translation is kept as it is`, {place: placeOf(fileUnit.element), ruleId: 'whitespace-only', source: messageSource})
    return unchanged()
  }
  // Text the translator left as it was keeps its Markdown. New text is written as it is when it reads
  // back as itself (`[from Russia]` stays so), escaped by mdast-util-to-markdown when it does not.
  const raws = new Map(inlineTexts(currentTarget).flatMap((text) => (text.raw === undefined ? [] : [[text.value, text.raw] as const])))
  const readsBack = (candidate: string) => inlineSignature(inlineFromMarkdown(candidate)) === inlineSignature(target)
  const plain = inlineToMarkdown(withRawTexts(target, (text) => raws.get(text.value) ?? text.value))
  const markdown = readsBack(plain) ? plain : inlineToMarkdown(withRawTexts(target, (text) => raws.get(text.value)))
  if (!readsBack(markdown)) {
    result.refused.push({key: unit.key, reason: 'invalid-target', fileSource: inlineText(fileUnit.source), currentSource: unit.sourceText})
    problem(file, `Unexpected target in unit \`${unit.key}\` that Markdown cannot say as written (\`${markdown}\` reads otherwise), expected formatting codes around whole words`, placeOf(fileUnit.element), 'unrepresentable-target')
    return
  }
  result.changed.push({key: unit.key, target: markdown, ...(translated ? {previous: unit.target} : {}), state: 'draft'})
}

// XLIFF 2.0 -------------------------------------------------------------------

const translatedStates20 = new Set(['translated', 'reviewed', 'final'])

function units20(file: VFile, fileElement: Element): FileUnit[] {
  const units: FileUnit[] = []
  for (const unit of descendantElements(fileElement, 'unit')) {
    const key = attribute(unit, 'name') ?? attribute(unit, 'id') ?? ''
    const data = new Map<string, string>()
    for (const item of childElements(childElement(unit, 'originalData') ?? unit, 'data')) data.set(attribute(item, 'id') ?? '', inlineText(inline20(file, item, data) ?? []))
    const parts = childElements(unit).filter((child) => localName(child) === 'segment' || localName(child) === 'ignorable')
    const segments = parts.filter((part) => localName(part) === 'segment')
    const source: Inline[] = []
    const target: Inline[] = []
    let complete = true
    let readable = true
    for (const part of parts) {
      const sourceElement = childElement(part, 'source')
      const targetElement = childElement(part, 'target')
      const sourceInlines = sourceElement ? inline20(file, sourceElement, data) : []
      const targetInlines = targetElement ? inline20(file, targetElement, data) : undefined
      if (sourceInlines === null || targetInlines === null) readable = false
      source.push(...(sourceInlines ?? []))
      if (targetInlines) target.push(...targetInlines)
      else if (localName(part) === 'ignorable') target.push(...(sourceInlines ?? []))
      else if (inlineText(sourceInlines ?? []).trim() !== '') complete = false
    }
    const hasTarget = segments.some((segment) => childElement(segment, 'target'))
    if (hasTarget && !complete) {
      problem(file, `Unexpected unit \`${key}\` with a target in some segments only, expected a target in every segment: its translation is not taken`, placeOf(unit), 'partial-target')
    }
    const state = attribute(segments[0] ?? unit, 'state')
    units.push({
      key,
      element: unit,
      source: mergeTexts(source),
      target: hasTarget && complete ? mergeTexts(target) : undefined,
      unreadable: !readable,
      markedTranslated: state !== undefined && translatedStates20.has(state)
    })
  }
  return units
}

/** Inline content of a 2.0 `<source>`, `<target>` or `<data>`; `null` when a code cannot be read back (reported). */
function inline20(file: VFile, element: Element, data: ReadonlyMap<string, string>): Inline[] | null {
  let readable = true
  const fail = (node: Element, reason: string) => {
    problem(file, reason, placeOf(node), 'unreadable-code')
    readable = false
  }
  const dataOf = (node: Element, name: string): string => {
    const ref = attribute(node, name)
    const value = ref === undefined ? undefined : data.get(ref)
    if (value === undefined) fail(node, `Unexpected \`<${node.name}>\` without original Markdown (\`${name}\` ${ref === undefined ? 'missing' : `\`${ref}\` not in \`<originalData>\``}), expected a code of the export`)
    return value ?? ''
  }
  const convert = (parent: Element): Inline[] =>
    parent.children.flatMap((node): Inline[] => {
      if (node.type === 'text' || node.type === 'cdata') return [{type: 'text', value: node.value}]
      if (node.type !== 'element') return []
      switch (localName(node)) {
        case 'cp': {
          const code = Number.parseInt(attribute(node, 'hex') ?? '', 16)
          if (Number.isNaN(code) || code > 0x10ffff) {
            fail(node, `Unexpected \`<cp hex="${attribute(node, 'hex') ?? ''}">\`, expected a hexadecimal code point`)
            return []
          }
          return [{type: 'text', value: String.fromCodePoint(code)}]
        }
        case 'pc':
          return [{type: 'paired', kind: 'code', start: dataOf(node, 'dataRefStart'), end: dataOf(node, 'dataRefEnd'), children: convert(node)}]
        case 'ph':
          return [{type: 'placeholder', kind: 'code', data: dataOf(node, 'dataRef'), equiv: attribute(node, 'equiv') ?? ''}]
        case 'mrk':
          // Annotations (terms, comments) a tool may add: their content is the text.
          return convert(node)
        case 'sm':
        case 'em':
          return []
        default:
          fail(node, `Unexpected \`<${node.name}>\` in \`<${parent.name}>\`, expected text, \`<pc>\`, \`<ph>\`, \`<cp>\` or \`<mrk>\``)
          return []
      }
    })
  const inlines = convert(element)
  return readable ? inlines : null
}

// XLIFF 1.2 -------------------------------------------------------------------

const untranslatedStates12 = new Set(['new', 'needs-translation'])

function units12(file: VFile, fileElement: Element): FileUnit[] {
  return descendantElements(fileElement, 'trans-unit').map((unit) => {
    const key = attribute(unit, 'resname') ?? attribute(unit, 'id') ?? ''
    const data = new Map<string, string>()
    for (const group of childElements(unit, 'context-group')) {
      if (!attribute(group, 'name')?.startsWith(markdownContextGroup)) continue
      for (const context of childElements(group, 'context')) data.set(attribute(context, 'context-type') ?? '', textContent(context))
    }
    const sourceElement = childElement(unit, 'source')
    const targetElement = childElement(unit, 'target')
    const source = sourceElement ? inline12(file, sourceElement, data) : []
    const target = targetElement ? inline12(file, targetElement, data) : undefined
    const state = targetElement ? attribute(targetElement, 'state') : undefined
    return {
      key,
      element: unit,
      source: mergeTexts(source ?? []),
      target: target ? mergeTexts(target) : undefined,
      unreadable: source === null || target === null,
      markedTranslated: attribute(unit, 'approved') === 'yes' || (state !== undefined && !untranslatedStates12.has(state))
    }
  })
}

function inline12(file: VFile, element: Element, data: ReadonlyMap<string, string>): Inline[] | null {
  let readable = true
  const fail = (node: Element, reason: string) => {
    problem(file, reason, placeOf(node), 'unreadable-code')
    readable = false
  }
  const dataOf = (node: Element, contextType: string): string => {
    const value = data.get(contextType)
    if (value === undefined) fail(node, `Unexpected \`<${node.name} id="${attribute(node, 'id') ?? ''}">\` without original Markdown (no \`${contextType}\` context in \`${markdownContextGroup}\`), expected a code of the export`)
    return value ?? ''
  }
  const convert = (parent: Element): Inline[] =>
    parent.children.flatMap((node): Inline[] => {
      if (node.type === 'text' || node.type === 'cdata') return [{type: 'text', value: node.value}]
      if (node.type !== 'element') return []
      const id = attribute(node, 'id') ?? ''
      switch (localName(node)) {
        case 'g':
          return [{type: 'paired', kind: 'code', start: dataOf(node, `x-markdown-${id}-start`), end: dataOf(node, `x-markdown-${id}-end`), children: convert(node)}]
        case 'x':
          return [{type: 'placeholder', kind: 'code', data: dataOf(node, `x-markdown-${id}`), equiv: attribute(node, 'equiv-text') ?? ''}]
        case 'mrk':
          return convert(node)
        default:
          fail(node, `Unexpected \`<${node.name}>\` in \`<${parent.name}>\`, expected text, \`<g>\`, \`<x>\` or \`<mrk>\``)
          return []
      }
    })
  const inlines = convert(element)
  return readable ? inlines : null
}
