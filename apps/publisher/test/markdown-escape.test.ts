import {createRequire} from 'node:module'
import fc from 'fast-check'
import type {BlockContent, PhrasingContent, Root, RootContent, TableRow} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify, {type Options as StringifyOptions} from 'remark-stringify'
import {unified} from 'unified'
import {describe, expect, it} from 'vitest'
import {remarkFastEscape} from '../src/markdown-escape.js'

/** remark-stringify as it is, and with the fast escaper: both must write the same bytes. */
function processors(options: StringifyOptions, gfm = true) {
  const base = () => {
    const processor = unified()
    return (gfm ? processor.use(remarkGfm, {tablePipeAlign: false}) : processor).use(remarkStringify, options)
  }
  return {reference: base().freeze(), fast: base().use(remarkFastEscape).freeze()}
}

const optionSets: StringifyOptions[] = [
  {},
  {bullet: '-', emphasis: '_', strong: '*', rule: '-'},
  {bullet: '+', emphasis: '*', strong: '_', fences: false, resourceLink: true, closeAtx: true, setext: true, incrementListMarker: false, quote: "'"}
]

// Characters Markdown reads as syntax (and their neighbours), in French, English and Russian text.
const alphabet = fc.constantFrom(
  ...'aZé Жж 0123456789.,;:!?*_`[]()<>#+-=|\\&~"\'«»“”’\u00a0\u202f^$%{}/@\t\n\r\u007f\u0000'.split(''),
  'www.',
  'http://',
  'mailto:',
  '&amp;',
  '&#x2A;',
  '1. ',
  '1) ',
  '- ',
  '* ',
  '> ',
  '# ',
  '```',
  '~~~',
  '    ',
  '  \n',
  '\\\n',
  '<div>',
  '<!--',
  '](',
  '![',
  '__',
  '**'
)
const text = fc.array(alphabet, {maxLength: 20}).map((parts) => parts.join(''))
const url = fc.oneof(text, fc.constantFrom('https://example.org/a b', 'https://example.org/(x)', '<>', '', '#a', 'javascript:alert(1)'))

const phrasing: fc.Arbitrary<PhrasingContent> = fc.letrec<{node: PhrasingContent}>((tie) => {
  const children = fc.array(tie('node'), {maxLength: 3}) as fc.Arbitrary<PhrasingContent[]>
  return {
    node: fc.oneof(
      {depthSize: 'small', withCrossShrink: true},
      fc.record({type: fc.constant('text' as const), value: text}),
      fc.record({type: fc.constant('inlineCode' as const), value: text}),
      fc.record({type: fc.constant('html' as const), value: text}),
      fc.constant({type: 'break' as const}),
      fc.record({type: fc.constant('emphasis' as const), children}),
      fc.record({type: fc.constant('strong' as const), children}),
      fc.record({type: fc.constant('delete' as const), children}),
      fc.record({type: fc.constant('link' as const), url, title: fc.option(text, {nil: null}), children}),
      fc.record({type: fc.constant('image' as const), url, title: fc.option(text, {nil: null}), alt: fc.option(text, {nil: null})}),
      fc.record({type: fc.constant('linkReference' as const), identifier: text.filter((value) => value.trim() !== ''), label: text, referenceType: fc.constantFrom('full' as const, 'collapsed' as const, 'shortcut' as const), children}),
      fc.record({type: fc.constant('footnoteReference' as const), identifier: text.filter((value) => value.trim() !== ''), label: text})
    ) as fc.Arbitrary<PhrasingContent>
  }
}).node

const inline = fc.array(phrasing, {minLength: 1, maxLength: 4})

const block: fc.Arbitrary<BlockContent> = fc.letrec<{block: BlockContent}>((tie) => ({
  block: fc.oneof(
    {depthSize: 'small', withCrossShrink: true},
    fc.record({type: fc.constant('paragraph' as const), children: inline}),
    fc.record({type: fc.constant('heading' as const), depth: fc.constantFrom(1 as const, 2 as const, 3 as const), children: inline}),
    fc.record({type: fc.constant('code' as const), lang: fc.option(text, {nil: null}), meta: fc.option(text, {nil: null}), value: text}),
    fc.record({type: fc.constant('blockquote' as const), children: fc.array(tie('block'), {minLength: 1, maxLength: 2})}),
    fc.record({type: fc.constant('thematicBreak' as const)}),
    fc.record({
      type: fc.constant('list' as const),
      ordered: fc.boolean(),
      spread: fc.boolean(),
      children: fc.array(fc.record({type: fc.constant('listItem' as const), spread: fc.boolean(), checked: fc.option(fc.boolean(), {nil: null}), children: fc.array(tie('block'), {minLength: 1, maxLength: 2})}), {minLength: 1, maxLength: 3})
    }),
    fc.integer({min: 1, max: 3}).chain((width) =>
      fc.record({
        type: fc.constant('table' as const),
        align: fc.array(fc.constantFrom(null, 'left' as const, 'right' as const, 'center' as const), {minLength: width, maxLength: width}),
        children: fc.array(fc.array(inline, {minLength: width, maxLength: width}).map((cells): TableRow => ({type: 'tableRow', children: cells.map((children) => ({type: 'tableCell', children}))})), {minLength: 1, maxLength: 3})
      })
    ),
    fc.record({type: fc.constant('definition' as const), identifier: text.filter((value) => value.trim() !== ''), label: text, url, title: fc.option(text, {nil: null})})
  ) as fc.Arbitrary<BlockContent>
})).block

const documents = fc.array(block, {minLength: 1, maxLength: 4}).map((children): Root => ({type: 'root', children: children as RootContent[]}))

/** The serializer throws on some trees (an unsafe definition label...): the fast one must throw alike. */
function written(processor: ReturnType<typeof processors>['reference'], tree: Root): string {
  try {
    return processor.stringify(structuredClone(tree))
  } catch (error) {
    return `throws: ${(error as Error).message}`
  }
}

describe('the fast Markdown escaper', () => {
  it('writes what remark-stringify writes, for any document (fast-check)', () => {
    for (const options of optionSets) {
      const {reference, fast} = processors(options)
      fc.assert(
        fc.property(documents, (tree) => {
          expect(written(fast, tree)).toBe(written(reference, tree))
        }),
        {numRuns: 400}
      )
    }
  })

  it('… for every text a table cell may hold', () => {
    const {reference, fast} = processors({bullet: '-', emphasis: '_', strong: '*', rule: '-'})
    fc.assert(
      fc.property(fc.array(inline, {minLength: 1, maxLength: 3}), (cells) => {
        const tree: Root = {type: 'root', children: [{type: 'table', align: [], children: cells.map((children): TableRow => ({type: 'tableRow', children: [{type: 'tableCell', children}]}))}]}
        expect(written(fast, tree)).toBe(written(reference, tree))
      }),
      {numRuns: 2000}
    )
  })

  it('… for every example of the CommonMark specification, with and without GFM', () => {
    const {tests} = createRequire(import.meta.url)('commonmark-spec') as {tests: Array<{markdown: string; number: number}>}
    expect(tests.length).toBeGreaterThan(600)
    for (const gfm of [true, false]) {
      for (const options of optionSets) {
        const {reference, fast} = processors(options, gfm)
        const parser = gfm ? unified().use(remarkParse).use(remarkGfm) : unified().use(remarkParse)
        for (const example of tests) {
          const tree = parser.parse(example.markdown)
          expect(written(fast, tree), `example ${example.number}`).toBe(written(reference, tree))
        }
      }
    }
  })
})
