import {frenchSegments, parseInline, type TranslationUnit} from '@briefs/bitext'
import {parseArticle, remarkArticleSyntax} from '@briefs/corpus'
import fc from 'fast-check'
import type {ElementContent} from 'hast'
import type {PhrasingContent, Root, TableCell} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {removePosition} from 'unist-util-remove-position'
import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {toHtml} from 'hast-util-to-html'
import {articleView, renderColumnCells, renderTargetRows, translateBlock} from '../src/index.js'
import {toSafeHast} from '../src/sanitize.js'

/**
 * One parse of a translation, seen alike everywhere: the checks read the
 * unit's `target.nodes` (what `parseInline` gives), and both briefs show
 * exactly those nodes, sanitized alike: the HTML brief's span holds them
 * as sanitized HTML, and the Markdown brief's cell reads back as them
 * (without raw HTML, unsafe links or images, which neither brief shows).
 */
const parsed = parseArticle(new VFile({path: 'corpus/articles/2099-01-test.md', value: '---\nid: 2099-01-test\ndate: 2099-01\nlang: fr\ntitle: Titre\n---\n\nUne phrase.\n'}))
const article = articleView(parsed)
const block = article.blocks[0]!

function unitOf(value: string): TranslationUnit {
  return {key: block.sentenceIds[0]!, segments: frenchSegments(parsed).slice(1), source: 'Une phrase.', target: parseInline(value), state: 'reviewed'}
}

// The briefs' own Markdown: GFM tables, without autolink literals (a bare URL is text in both briefs; GitHub's
// renderer links it, see the publisher's README).
const cellReader = unified().use(remarkParse).use(remarkArticleSyntax)

/** What a reader of the Markdown brief gets back from the cell. */
function cellNodes(markdown: string): PhrasingContent[] {
  const tree = cellReader.parse(`| a |\n| - |\n| ${markdown} |\n`) as Root
  removePosition(tree, {force: true})
  const table = tree.children[0]
  if (table?.type !== 'table') return []
  return (table.children[1]!.children[0] as TableCell).children
}

function withoutPositions(nodes: PhrasingContent[]): PhrasingContent[] {
  const root: Root = {type: 'root', children: [{type: 'paragraph', children: structuredClone(nodes)}]}
  removePosition(root, {force: true})
  return (root.children[0] as {children: PhrasingContent[]}).children
}

// Translations on one line, as a cell holds them (a line break is written `<br>` there), without surrounding spaces (a cell trims them).
const alphabet = fc.constantFrom(...'aZé Жж 0123456789.,;:!?*_`[]()<>#+-=|\\&~"«»“”’\u00a0^$%{}/@'.split(''), 'www.', 'http://x.y', '&amp;', '~~', '**', '[l](https://example.org)', '`code`')
const translations = fc
  .array(alphabet, {minLength: 1, maxLength: 24})
  .map((parts) => parts.join('').trim())
  .filter((value) => value !== '' && !parseInline(value).block)

/** Code holding a backslash right before a pipe, which a GFM table cell cannot hold (the publisher's README): tested apart. */
function codeWithEscapedPipe(value: string): boolean {
  let found = false
  visit({type: 'root', children: [{type: 'paragraph', children: parseInline(value).nodes}]} satisfies Root, 'inlineCode', (node) => {
    if (node.value.includes('\\|')) found = true
  })
  return found
}

/**
 * What a reader sees of inline content, as sanitized HTML: a link the
 * sanitizer emptied (`javascript:`) reads as its text, an image as the
 * link to it (the HTML brief's `image-link` class aside).
 */
function shown(nodes: PhrasingContent[]): string {
  const unwrap = (children: ElementContent[]): ElementContent[] =>
    children.flatMap((node) => {
      if (node.type !== 'element') return [node]
      const element = {...node, properties: {...node.properties, className: undefined}, children: unwrap(node.children)}
      return element.tagName === 'a' && element.properties.href === undefined ? element.children : [element]
    })
  return toHtml(unwrap(toSafeHast({type: 'paragraph', children: nodes})))
}

describe('one parse of each translation', () => {
  it('the Markdown brief reads back as the nodes the checks read, sanitized as in the HTML brief (property)', () => {
    fc.assert(
      fc.property(translations.filter((value) => !codeWithEscapedPipe(value)), (value) => {
        const unit = unitOf(value)
        const [cell] = renderColumnCells(article, [translateBlock([unit], {missing: 'missing', draft: 'draft', stale: 'stale'}).children])
        const back = cellNodes(cell!)
        expect(shown(back)).toBe(shown(unit.target!.nodes))
        // Nothing the HTML brief would not show comes back: no raw HTML, no image.
        expect(JSON.stringify(back)).not.toMatch(/"type":"(?:html|image)"/)
        if (!/[<!]/.test(value)) expect(back).toEqual(withoutPositions(unit.target!.nodes))
      }),
      {numRuns: 1500}
    )
  })

  it('the HTML brief shows the nodes the checks read (property)', () => {
    fc.assert(
      fc.property(translations, (value) => {
        const unit = unitOf(value)
        const [rendered] = renderTargetRows(article, 'en', [translateBlock([unit], {missing: 'missing', draft: 'draft', stale: 'stale'})])
        const span = (rendered![0] as ElementContent & {type: 'element'}).children[0] as ElementContent & {type: 'element'}
        expect(span.properties.dataSegment).toBe(block.sentenceIds[0])
        const [paragraph] = toSafeHast({type: 'paragraph', children: unit.target!.nodes}) as Array<ElementContent & {type: 'element'}>
        expect(span.children).toEqual(paragraph!.children)
      }),
      {numRuns: 1500}
    )
  })

  it('cuts code holding a backslash before a pipe at its pipes in the Markdown brief, each pipe as text: GFM cannot write it in a cell', () => {
    const unit = unitOf('`\\|`code`')
    expect(codeWithEscapedPipe('`\\|`code`')).toBe(true)
    const [cell] = renderColumnCells(article, [translateBlock([unit], {missing: 'm', draft: 'd', stale: 's'}).children])
    expect(shown(cellNodes(cell!))).toBe('<p><code>\\</code>|code`</p>')
    expect(shown(unit.target!.nodes)).toBe('<p><code>\\|</code>code`</p>')
  })

  it('strikes through `~~this~~` in the checks and in both briefs alike', () => {
    const unit = unitOf('It was ~~not~~ so.')
    expect(unit.target!.nodes.map((node) => node.type)).toEqual(['text', 'delete', 'text'])
    const [cell] = renderColumnCells(article, [translateBlock([unit], {missing: 'm', draft: 'd', stale: 's'}).children])
    expect(cell).toBe('It was ~~not~~ so.')
  })
})
