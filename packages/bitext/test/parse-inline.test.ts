import {remarkArticleSyntax} from '@briefs/corpus'
import fc from 'fast-check'
import type {PhrasingContent, Root} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {removePosition} from 'unist-util-remove-position'
import {describe, expect, it} from 'vitest'
import {parseInline, plainText} from '../src/index.js'

// Characters Markdown reads as syntax, and plain ones, in French, English and Russian.
const alphabet = fc.constantFrom(...'aZé Жж 0123456789.,;:!?*_`[]()<>#+-=|\\&~"«»“”’\u00a0\u202f^$%{}/@\t\n\r'.split(''), 'www.', 'http://', '&amp;', '1. ', '- ', '  \n', '~~', '[^1]')
const strings = fc.array(alphabet, {maxLength: 30}).map((parts) => parts.join(''))

/** What the articles' parser makes of a text, with no shortcut: the reference. */
function parsedByRemark(value: string): PhrasingContent[] {
  const tree = unified().use(remarkParse).use(remarkArticleSyntax).parse(value)
  removePosition(tree, {force: true})
  const only = tree.children[0]
  return tree.children.length === 1 && only?.type === 'paragraph' ? only.children : [{type: 'text', value}]
}

function withoutPositions(nodes: PhrasingContent[]): PhrasingContent[] {
  const root: Root = {type: 'root', children: [{type: 'paragraph', children: structuredClone(nodes)}]}
  removePosition(root, {force: true})
  return (root.children[0] as {children: PhrasingContent[]}).children
}

describe('parseInline', () => {
  it('gives what the parser gives: a translation without Markdown syntax is one text node, parsing skipped', () => {
    fc.assert(
      fc.property(strings, (value) => {
        expect(withoutPositions(parseInline(value).nodes)).toEqual(parsedByRemark(value))
      }),
      {numRuns: 3000}
    )
    for (const value of ['Plain sentence, with 10,000 people.', 'Не 10 000, а 11 200 человек.', '1.5 million', '2022. Then', '1. Item']) {
      expect(withoutPositions(parseInline(value).nodes)).toEqual(parsedByRemark(value))
    }
  })

  it('reads the articles’ Markdown: strikethrough, and no autolink literals', () => {
    expect(withoutPositions(parseInline('It was ~~not~~ so, see www.reuters.com').nodes)).toEqual([
      {type: 'text', value: 'It was '},
      {type: 'delete', children: [{type: 'text', value: 'not'}]},
      {type: 'text', value: ' so, see www.reuters.com'}
    ])
  })

  it('keeps block Markdown as literal text, and says so', () => {
    expect(parseInline('# Title')).toEqual({value: '# Title', nodes: [{type: 'text', value: '# Title'}], text: '# Title', block: true})
    expect(parseInline('').block).toBe(false)
  })

  it('gives the words without inline code, a line break as a space', () => {
    expect(parseInline('Run `make` *now*,  \nplease').text).toBe('Run   now, please')
    expect(plainText([{type: 'image', url: 'x', alt: 'a map'}])).toBe('a map')
  })
})
