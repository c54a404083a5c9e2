// Runs every folder under test/fixtures (one folder per behaviour, named after it):
//
// - input.md: a Markdown document, parsed like an article (YAML front matter, GFM)
//   and segmented without a segment map;
// - output.json: the expected `file.data.segments`, `[{id, paragraph, text}]`;
// - output.md (only where it shows something): the segmented tree stringified with
//   remark-stringify and `sentenceToMarkdown()`.
//
// For every fixture the segmented tree must stringify exactly like the unsegmented
// one (segmentation loses nothing), except in `splitsMarkup`, where inline markup
// straddling a sentence boundary is split in two on purpose.
//
// UPDATE=1 rewrites output.json, and output.md where it exists, from the current
// behaviour instead of comparing. To add an output.md, create it empty and update.
import {existsSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Parents, PhrasingContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import type {Sentence} from '../src/index.js'
import {segment, segmentAndStringify, stringify} from './helpers.js'

const fixturesDirectory = fileURLToPath(new URL('fixtures/', import.meta.url))
const updating = process.env.UPDATE === '1'

const fixtureNames = readdirSync(fixturesDirectory, {withFileTypes: true})
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()

/** Fixtures whose markup crosses a sentence boundary: it prints as two nodes. */
const splitsMarkup = new Set([
  'emphasis-across-sentence-boundary-is-split',
  'link-across-sentence-boundary-is-split',
  'strong-across-sentence-boundary-is-split'
])

const blockTypes = new Set(['paragraph', 'heading', 'tableCell'])

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

describe('fixtures', () => {
  it('has fixtures to run', () => {
    expect(fixtureNames.length).toBeGreaterThan(0)
    for (const name of splitsMarkup) expect(fixtureNames).toContain(name)
  })

  it.each(fixtureNames)('%s', (name) => {
    const folder = join(fixturesDirectory, name)
    const input = readFileSync(join(folder, 'input.md'), 'utf8')
    const {segments, tree} = segment(input)
    const markdown = segmentAndStringify(input)
    const jsonPath = join(folder, 'output.json')
    const markdownPath = join(folder, 'output.md')

    if (updating) {
      writeFileSync(jsonPath, json(segments))
      if (existsSync(markdownPath)) writeFileSync(markdownPath, markdown)
      return
    }

    expect(existsSync(jsonPath), `${name}/output.json is missing; run with UPDATE=1`).toBe(true)
    expect(json(segments)).toBe(readFileSync(jsonPath, 'utf8'))
    if (existsSync(markdownPath)) expect(markdown).toBe(readFileSync(markdownPath, 'utf8'))

    if (splitsMarkup.has(name)) {
      // Nothing but markup boundaries changed: same text, same segments.
      expect(toString(segment(markdown).tree)).toBe(toString(segment(input).tree))
      expect(segment(markdown).segments).toEqual(segments)
    } else {
      expect(markdown).toBe(stringify(input))
    }

    // The tree agrees with `file.data.segments`.
    const inTree: Array<{id: string; paragraph: string | undefined; text: string}> = []
    visit(tree, 'sentence', (node: Sentence, _, block) => {
      if (!block) throw new Error('Unexpected sentence without parent')
      expect(blockTypes.has(block.type), `sentence inside ${block.type}`).toBe(true)
      expect(node.data.hName).toBe('span')
      expect(node.data.hProperties).toEqual({dataSegment: node.data.segmentId})
      expect(plainText(node)).toBe(node.data.text)
      inTree.push({id: node.data.segmentId, paragraph: blockIdOf(block), text: node.data.text})
      return 'skip'
    })
    expect(inTree).toEqual(segments)
  })
})

function blockIdOf(node: Parents): string | undefined {
  return node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell' ? node.data?.blockId : undefined
}

/**
 * A sentence's text as a reader sees it: text, inline code, image alt text; line
 * breaks (soft or hard) read as a space; HTML and footnote references add nothing.
 */
function plainText(node: Sentence): string {
  function text(node: PhrasingContent): string {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        return node.value
      case 'image':
        return node.alt ?? ''
      case 'break':
        return '\n'
      default:
        return 'children' in node ? node.children.map(text).join('') : ''
    }
  }
  return node.children.map(text).join('').replace(/[ \t]*\n[ \t]*/g, ' ')
}
