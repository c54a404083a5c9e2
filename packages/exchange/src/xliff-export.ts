import type {Element, ElementContent} from 'xast'
import {x} from 'xastscript'
import {codeIds, codeType, type InlineCode} from './codes.js'
import {inlineFromMarkdown, inlineFromPhrasing, type Inline} from './inline.js'
import type {ExchangeArticle, ExchangeUnit} from './types.js'
import {indented, serializeXml, xmlSafe, xmlText} from './xml.js'

export type XliffVersion = '1.2' | '2.0'

export interface XliffExportOptions {
  version: XliffVersion
  /**
   * What a unit without translation carries as target: nothing (`'empty'`,
   * the default) or a copy of the French (`'source'`), which is what
   * OmegaT's own XLIFF filter translates (it leaves `<source>` alone and
   * translates the text of `<target>`). The copy keeps state `initial`
   * (2.0) / `new` (1.2), and the import does not take it for a translation.
   */
  missingTargets?: 'empty' | 'source'
}

export const xliff12Namespace = 'urn:oasis:names:tc:xliff:document:1.2'
export const xliff20Namespace = 'urn:oasis:names:tc:xliff:document:2.0'
/** The French: the corpus's source language. */
export const exchangeSourceLanguage = 'fr'
/** 1.2 keeps each code's Markdown in a context group named so, then the unit key (2.0 has `<originalData>`); group names are unique in a file. */
export const markdownContextGroup = 'x-briefs-markdown'
/** 2.0 `subState` of a stale unit, by what changed since approval. */
export const staleSubStatePrefix = 'briefs:stale-'

/**
 * One XLIFF document (1.2 or 2.0) for articles of one target language: one
 * `<file>` per article, one unit per translation unit in document order,
 * the title first. Same articles, same bytes.
 */
export function toXliff(articles: readonly ExchangeArticle[], options: XliffExportOptions): string {
  const lng = articles[0]?.lng
  if (articles.some((article) => article.lng !== lng)) throw new Error('Unexpected articles in several target languages, expected one language per XLIFF document')
  const fill = options.missingTargets ?? 'empty'
  if (options.version === '2.0') {
    const files = articles.map((article) => x('file', {id: xmlId(article.id), original: xmlSafe(article.id)}, indented(4, [articleNotes20(article), ...uniqueUnitIds(article.units).map(([unit, id]) => unit20(article, unit, id, fill))])))
    return serializeXml(x('xliff', {xmlns: xliff20Namespace, version: '2.0', srcLang: exchangeSourceLanguage, ...(lng ? {trgLang: xmlSafe(lng)} : {})}, indented(2, files)))
  }
  const files = articles.map((article) =>
    x('file', {original: xmlSafe(article.id), 'source-language': exchangeSourceLanguage, 'target-language': xmlSafe(article.lng), datatype: 'x-markdown'}, indented(4, [
      x('header', indented(6, [x('note', {from: 'article'}, xmlText(articleLine(article)))])),
      x('body', indented(6, article.units.map((unit) => unit12(article, unit, fill))))
    ]))
  )
  return serializeXml(x('xliff', {version: '1.2', xmlns: xliff12Namespace}, indented(2, files)))
}

function articleLine(article: ExchangeArticle): string {
  return `${article.title} (${article.date})`
}

/** 2.0 IDs are NMTOKENs (no `+`): the key goes to `name`, the ID spells it with `_`. */
function xmlId(value: string): string {
  return value.replace(/[^\p{L}\p{N}._:-]/gu, '_') || '_'
}

function uniqueUnitIds(units: readonly ExchangeUnit[]): Array<[ExchangeUnit, string]> {
  const seen = new Set<string>()
  return units.map((unit, index) => {
    let id = xmlId(unit.key)
    if (seen.has(id)) id = `${id}_${index}`
    seen.add(id)
    return [unit, id]
  })
}

interface UnitContent {
  source: Inline[]
  target: Inline[] | undefined
  ids: Map<InlineCode, string>
  /** The target is a copy of the French, standing in for a missing translation. */
  copied: boolean
}

function unitContent(unit: ExchangeUnit, fill: 'empty' | 'source'): UnitContent {
  const source = inlineFromPhrasing(unit.source)
  const translated = unit.state !== 'missing' && unit.target !== undefined && unit.target.trim() !== ''
  const target = translated ? inlineFromMarkdown(unit.target!) : fill === 'source' ? source : undefined
  return {source, target, ids: codeIds(source, translated ? target : undefined), copied: !translated && target !== undefined}
}

function unitNotes(article: ExchangeArticle, unit: ExchangeUnit): Array<{category: string; text: string}> {
  const notes = [{category: 'article', text: articleLine(article)}]
  if (unit.context.length > 0) notes.push({category: 'context', text: unit.context.join('\n')})
  const approval = unit.reviewer || unit.approvedOn ? `${unit.reviewer ? ` by ${unit.reviewer}` : ''}${unit.approvedOn ? ` on ${unit.approvedOn}` : ''}` : ''
  if (unit.state === 'reviewed') notes.push({category: 'review', text: `Approved${approval}.`})
  if (unit.state === 'stale') {
    const reason = unit.staleReason ?? 'source'
    const what = reason === 'source' ? 'French' : reason === 'target' ? 'translation' : 'French and the translation'
    notes.push({category: 'stale', text: `The ${what} changed since approval${approval}.${unit.staleSourceDiff ? `\nFrench since approval: ${unit.staleSourceDiff}` : ''}`})
  }
  return notes
}

// XLIFF 2.0 -------------------------------------------------------------------

function articleNotes20(article: ExchangeArticle): Element {
  return x('notes', indented(6, [x('note', {category: 'title'}, xmlText(article.title)), x('note', {category: 'date'}, xmlText(article.date))]))
}

const states20 = {missing: 'initial', draft: 'translated', reviewed: 'reviewed', stale: 'translated'} as const

function unit20(article: ExchangeArticle, unit: ExchangeUnit, id: string, fill: 'empty' | 'source'): Element {
  const content = unitContent(unit, fill)
  const data = new Map<string, string>()
  const dataRef = (code: InlineCode, side: 'start' | 'end' | 'data') => {
    const dataId = `d${content.ids.get(code)}${side === 'end' ? 'e' : ''}`
    data.set(dataId, code.type === 'paired' ? (side === 'end' ? code.end : code.start) : code.data)
    return dataId
  }
  const inline = (items: readonly Inline[]): ElementContent[] =>
    items.flatMap((item): ElementContent[] => {
      if (item.type === 'text') return text20(item.value)
      const {type, subType} = codeType(item)
      const typing = {type, ...(subType ? {subType} : {})}
      if (item.type === 'paired') {
        return [x('pc', {id: content.ids.get(item), dataRefStart: dataRef(item, 'start'), dataRefEnd: dataRef(item, 'end'), ...typing}, inline(item.children))]
      }
      return [x('ph', {id: content.ids.get(item), dataRef: dataRef(item, 'data'), ...typing, ...(item.equiv.trim() ? {equiv: xmlSafe(item.equiv)} : {})})]
    })
  const source = x('source', inline(content.source))
  const target = content.target ? x('target', inline(content.target)) : undefined
  const staleReason = unit.state === 'stale' ? unit.staleReason ?? 'source' : undefined
  const segment = x('segment', {state: states20[unit.state], ...(staleReason ? {subState: `${staleSubStatePrefix}${staleReason}`} : {})}, indented(8, target ? [source, target] : [source]))
  const notes = x('notes', indented(8, unitNotes(article, unit).map((note) => x('note', {category: note.category}, xmlText(note.text)))))
  const originalData = data.size === 0 ? [] : [x('originalData', indented(8, [...data].sort(([a], [b]) => compareDataIds(a, b)).map(([dataId, value]) => x('data', {id: dataId}, text20(value)))))]
  return x('unit', {id, name: xmlSafe(unit.key), 'xml:space': 'preserve'}, indented(6, [notes, ...originalData, segment]))
}

function compareDataIds(a: string, b: string): number {
  return Number.parseInt(a.slice(1), 10) - Number.parseInt(b.slice(1), 10) || a.localeCompare(b)
}

/** 2.0 writes characters XML cannot carry as `<cp hex>`. */
function text20(value: string): ElementContent[] {
  const nodes: ElementContent[] = []
  let rest = ''
  for (const character of value) {
    const code = character.codePointAt(0)!
    if ((code < 0x20 && code !== 0x9 && code !== 0xa && code !== 0xd) || code === 0xfffe || code === 0xffff || (code >= 0xd800 && code <= 0xdfff)) {
      if (rest) nodes.push(...xmlText(rest))
      rest = ''
      nodes.push(x('cp', {hex: code.toString(16).toUpperCase().padStart(4, '0')}))
    } else {
      rest += character
    }
  }
  if (rest) nodes.push(...xmlText(rest))
  return nodes
}

// XLIFF 1.2 -------------------------------------------------------------------

const states12 = {missing: 'new', draft: 'translated', reviewed: 'signed-off', stale: 'needs-review-translation'} as const

function unit12(article: ExchangeArticle, unit: ExchangeUnit, fill: 'empty' | 'source'): Element {
  const content = unitContent(unit, fill)
  const data = new Map<string, {code: InlineCode}>()
  const inline = (items: readonly Inline[]): ElementContent[] =>
    items.flatMap((item): ElementContent[] => {
      if (item.type === 'text') return xmlText(item.value)
      const id = content.ids.get(item)!
      data.set(id, {code: item})
      const {ctype} = codeType(item)
      if (item.type === 'paired') return [x('g', {id, ctype}, inline(item.children))]
      return [x('x', {id, ctype, ...(item.equiv.trim() ? {'equiv-text': xmlSafe(item.equiv)} : {})})]
    })
  const source = x('source', inline(content.source))
  const target = x('target', {state: states12[unit.state]}, content.target ? inline(content.target) : [])
  const contexts = [...data]
    .sort(([a], [b]) => Number(a) - Number(b))
    .flatMap(([id, {code}]) =>
      code.type === 'paired'
        ? [x('context', {'context-type': `x-markdown-${id}-start`}, xmlText(code.start)), x('context', {'context-type': `x-markdown-${id}-end`}, xmlText(code.end))]
        : [x('context', {'context-type': `x-markdown-${id}`}, xmlText(code.data))]
    )
  const group = contexts.length === 0 ? [] : [x('context-group', {name: `${markdownContextGroup} ${unit.key}`, purpose: 'information'}, indented(10, contexts))]
  const notes = unitNotes(article, unit).map((note) => x('note', {from: note.category}, xmlText(note.text)))
  return x(
    'trans-unit',
    {id: xmlSafe(unit.key), resname: xmlSafe(unit.key), 'xml:space': 'preserve', ...(unit.state === 'reviewed' ? {approved: 'yes'} : {})},
    indented(8, [source, target, ...group, ...notes])
  )
}
