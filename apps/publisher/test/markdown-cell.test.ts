import {createRequire} from 'node:module'
import type {Sentence} from '@briefs/segment'
import fc from 'fast-check'
import type {Parents, PhrasingContent, Root, Table, TableCell} from 'mdast'
import {gfmTableToMarkdown} from 'mdast-util-gfm-table'
import type {Info, State} from 'mdast-util-to-markdown'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {writeTableCell} from '../src/markdown-cell.js'
import {cellContent, stringifier} from '../src/markdown.js'

/** remark-gfm's own cell handler, as `tableFromCells` falls back on. */
const remarkCell = gfmTableToMarkdown({tablePipeAlign: false}).handlers!.tableCell!

interface Written {
  /** `writeTableCell`'s bytes, `undefined` when it leaves the cell to remark-gfm. */
  fast: string | undefined
  /** remark-gfm's bytes. */
  reference: string
}

/**
 * Each cell written both ways by the Markdown briefs' own serializer, in a
 * `table > tableRow` as `tableFromCells` writes them.
 */
function bothWays(cells: PhrasingContent[][]): Written[] {
  const written: Written[] = []
  const processor = stringifier().use(function () {
    this.data().toMarkdownExtensions!.push({
      handlers: {
        table(node: Table, _: Parents | undefined, state: State, info: Info): string {
          const exitTable = state.enter('table')
          for (const row of node.children) {
            const exitRow = state.enter('tableRow')
            for (const cell of row.children) {
              const fast = writeTableCell(cell, state)
              written.push({fast, reference: remarkCell(cell, row, state, info)})
            }
            exitRow()
          }
          exitTable()
          return ''
        }
      }
    })
  })
  processor.stringify({type: 'root', children: [{type: 'table', align: [null], children: cells.map((children) => ({type: 'tableRow', children: [{type: 'tableCell', children} satisfies TableCell]}))}]})
  return written
}

/** Compares every cell, and returns how many took the fast path. */
function expectSameBytes(cells: PhrasingContent[][], label = ''): number {
  let fast = 0
  bothWays(cells).forEach(({fast: bytes, reference}, index) => {
    if (bytes === undefined) return
    fast++
    expect(bytes, `${label} cell ${index}: ${JSON.stringify(cells[index])}`).toBe(reference)
  })
  return fast
}

// Every ASCII punctuation character, spaces, a carriage return, letters and digits, French, Russian, symbols and an astral character.
const characters = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', ...'  \t\r', ...'aZé0Жж', '\u00a0', '\u202f', '«', '»', '’', '⚠', '⚑', '😀', 'e\u0301']
const alphabet = fc.oneof(
  {weight: 4, arbitrary: fc.constantFrom(...characters)},
  fc.constantFrom('www.', 'http://', 'https://a.org', 'mailto:', '&amp;', '&#x2A;', '1. ', '1) ', '- ', '> ', '# ', '```', '~~', '__', '**', '](', '![', '<br>', '\\|', 'Mr Tokayev', ' 12,3 %', 'Надо действовать')
)
const text = fc.array(alphabet, {maxLength: 12}).map((parts) => parts.join(''))
const url = fc.oneof(text, fc.constantFrom('https://www.reuters.com/world/1234', 'https://example.org/a b', 'https://example.org/(x)', '#a', '', 'mailto:a@b.org', 'https://a.org/x_y*z'))

/** Phrasing content as `cellContent` and `markdownSafe` leave it: no line ending in text, breaks as `<br>`, sentences from the segmenter. */
const phrasing: fc.Arbitrary<PhrasingContent> = fc.letrec<{node: PhrasingContent}>((tie) => {
  const children = fc.array(tie('node'), {maxLength: 3}) as fc.Arbitrary<PhrasingContent[]>
  return {
    node: fc.oneof(
      {depthSize: 'small', withCrossShrink: true},
      {weight: 6, arbitrary: fc.record({type: fc.constant('text' as const), value: text})},
      {weight: 2, arbitrary: fc.record({type: fc.constant('emphasis' as const), children})},
      {weight: 2, arbitrary: fc.record({type: fc.constant('strong' as const), children})},
      fc.record({type: fc.constant('delete' as const), children}),
      {weight: 2, arbitrary: fc.record({type: fc.constant('link' as const), url, title: fc.option(text, {nil: null, freq: 4}), children})},
      // An autolink: its text is its destination.
      url.map((value): PhrasingContent => ({type: 'link', url: value, children: [{type: 'text', value}]})),
      fc.record({type: fc.constant('inlineCode' as const), value: text}),
      fc.record({type: fc.constant('html' as const), value: fc.oneof(text, fc.constant('<br>'))}),
      fc.constant({type: 'break' as const}),
      {weight: 2, arbitrary: children.map((nodes): Sentence => ({type: 'sentence', children: nodes, data: {segmentId: 's-aaaaaa', text: ''}}))},
      // What the briefs add: a heading's marks, a missing translation, a review flag, the space between sentences.
      fc.constantFrom<PhrasingContent>(
        {type: 'text', value: '## '},
        {type: 'strong', children: [{type: 'text', value: '⚠ missing translation'}]},
        {type: 'emphasis', children: [{type: 'text', value: '(⚑ draft)'}]},
        {type: 'text', value: ' '},
        {type: 'text', value: '> - '}
      )
    ) as fc.Arbitrary<PhrasingContent>
  }
}).node

const cells = fc.array(fc.array(phrasing, {maxLength: 5}).map(cellContent), {minLength: 1, maxLength: 4})

describe('writeTableCell', () => {
  it('writes the bytes remark-gfm writes in a table cell, or leaves the cell to it (fast-check)', () => {
    let total = 0
    let fast = 0
    fc.assert(
      fc.property(cells, (generated) => {
        total += generated.length
        fast += expectSameBytes(generated)
      }),
      {numRuns: 4000}
    )
    // The property is about the fast path: most cells must take it.
    expect(fast / total).toBeGreaterThan(0.5)
  })

  it('… where a text meets the next node: what it writes depends on the first character of the next (fast-check)', () => {
    // Short runs of punctuation on both sides of the boundary, where escapes depend on the other side.
    const short = fc.array(fc.constantFrom(...'!"#&()*+-.:<>[\\]_`|~ a1'.split(''), '\t', '\r'), {minLength: 1, maxLength: 4}).map((parts) => parts.join(''))
    const sentence = (children: PhrasingContent[]): Sentence => ({type: 'sentence', children, data: {segmentId: 's-aaaaaa', text: ''}})
    const boundary = fc.tuple(short, short, fc.array(phrasing, {maxLength: 2}), fc.constantFrom('text', 'sentence', 'sentences')).map(([left, right, rest, shape]): PhrasingContent[] => {
      const next: PhrasingContent[] = [{type: 'text', value: right}, ...rest]
      if (shape === 'text') return [{type: 'text', value: left}, ...next]
      if (shape === 'sentence') return [{type: 'text', value: left}, sentence(next)]
      return [sentence([{type: 'text', value: left}]), sentence(next)]
    })
    let fast = 0
    fc.assert(
      fc.property(fc.array(boundary, {minLength: 1, maxLength: 4}), (generated) => {
        fast += expectSameBytes(generated)
      }),
      {numRuns: 3000}
    )
    expect(fast).toBeGreaterThan(3000)
  })

  it('reads the first character a sentence writes from its first three characters, as `peek` assumes (fast-check)', () => {
    let state: State | undefined
    stringifier()
      .use(function () {
        this.data().toMarkdownExtensions!.push({
          handlers: {
            table(_: Table, __: Parents | undefined, current: State): string {
              state = current
              return ''
            }
          }
        })
      })
      .stringify({type: 'root', children: [{type: 'table', children: []}]})
    const stacks = [[], ['emphasis'], ['strong', 'strikethrough'], ['link', 'label']].map((inner) => ['table', 'tableRow', 'tableCell', 'phrasing', ...inner])
    const first = (value: string) => [...state!.safe(value, {before: '', after: ''})][0]
    fc.assert(
      fc.property(fc.constantFrom(...stacks), fc.array(alphabet, {minLength: 1, maxLength: 8}).map((parts) => parts.join('')).filter((value) => value.length >= 3), (stack, value) => {
        state!.stack = stack as State['stack']
        expect(first(value.slice(0, 3))).toBe(first(value))
      }),
      {numRuns: 20000}
    )
  })

  it('… for the inline content of every example of the CommonMark specification', () => {
    const {tests} = createRequire(import.meta.url)('commonmark-spec') as {tests: Array<{markdown: string; number: number}>}
    const parser = unified().use(remarkParse).use(remarkGfm)
    let total = 0
    let fast = 0
    for (const example of tests) {
      const found: PhrasingContent[][] = []
      visit(parser.parse(example.markdown) as Root, (node) => {
        if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') found.push(node.children)
      })
      // As parsed (line endings, breaks), and as a brief's cell holds it.
      const examples = [...found, ...found.map(cellContent)]
      total += examples.length
      fast += expectSameBytes(examples, `example ${example.number}`)
    }
    expect(total).toBeGreaterThan(1000)
    expect(fast / total).toBeGreaterThan(0.5)
  })

  it('writes a brief\u2019s usual cells itself', () => {
    const sentence = (...children: PhrasingContent[]): Sentence => ({type: 'sentence', children, data: {segmentId: 's-aaaaaa', text: ''}})
    const usual: PhrasingContent[][] = [
      [{type: 'text', value: '> - '}, sentence({type: 'text', value: 'Selon M. Tokaïev, une hausse de '}, {type: 'emphasis', children: [{type: 'text', value: '12,3 %'}]}, {type: 'text', value: " d'après "}, {type: 'link', url: 'https://www.reuters.com/world/1234', children: [{type: 'text', value: 'Reuters'}]}, {type: 'text', value: '.'})],
      [sentence({type: 'strong', children: [{type: 'text', value: '⚠ missing translation'}]}), {type: 'text', value: ' '}, sentence({type: 'text', value: 'Kyiv?'}, {type: 'text', value: ' '}, {type: 'emphasis', children: [{type: 'text', value: '(⚑ draft)'}]})],
      [{type: 'text', value: '## '}, {type: 'strong', children: [sentence({type: 'text', value: 'Économie régionale'})]}],
      [{type: 'inlineCode', value: 'const a = b | c'}, {type: 'html', value: '<br>'}, {type: 'inlineCode', value: '  return a'}]
    ]
    const written = bothWays(usual)
    expect(written.map(({fast}) => fast)).toEqual(written.map(({reference}) => reference))
  })

  it('leaves to remark-gfm what it does not write exactly', () => {
    const leftOver: PhrasingContent[][] = [
      // A character reference around attention: `a&#x20;_b_`.
      [{type: 'text', value: 'a '}, {type: 'emphasis', children: [{type: 'text', value: ' b'}]}],
      // Another sequence than the preferred one: `_a_*b*`.
      [{type: 'emphasis', children: [{type: 'text', value: 'a'}]}, {type: 'emphasis', children: [{type: 'text', value: 'b'}]}],
      [{type: 'link', url: 'https://a.org', children: [{type: 'text', value: 'https://a.org'}]}],
      [{type: 'link', url: 'https://a.org', title: 'A', children: [{type: 'text', value: 'a'}]}],
      [{type: 'link', url: 'https://a.org/a b', children: [{type: 'text', value: 'a'}]}],
      [{type: 'inlineCode', value: 'a`b'}],
      [{type: 'break'}]
    ]
    const written = bothWays(leftOver)
    expect(written.map(({fast}) => fast)).toEqual(leftOver.map(() => undefined))
  })
})
