// The tree remarkSegment builds, beyond what the fixtures print: node shapes, HTML
// rendering, positions, and the pieces of markup split at a sentence boundary.
import type {Heading, Paragraph, PhrasingContent, Root, TableCell} from 'mdast'
import {toHast} from 'mdast-util-to-hast'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {diffSegmentMaps, remarkSegment, type Sentence, splitBlock} from '../src/index.js'
import {segment} from './helpers.js'

function sentencesOf(tree: Root): Sentence[] {
  const sentences: Sentence[] = []
  visit(tree, 'sentence', (node: Sentence) => {
    sentences.push(node)
  })
  return sentences
}

function blocksOf(tree: Root): Array<Paragraph | Heading | TableCell> {
  const blocks: Array<Paragraph | Heading | TableCell> = []
  visit(tree, (node) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') blocks.push(node)
  })
  return blocks
}

describe('remarkSegment', () => {
  it('wraps each sentence in a `sentence` node with its ID and text, and the whitespace between as text', () => {
    const {tree, segments} = segment('"Ces derniers jours, beaucoup de gens viennent chez nous de Russie. La plupart sont obligés de partir", a déclaré M. Tokaïev. Il a ajouté.\n')
    const paragraph = tree.children[0] as Paragraph
    expect(paragraph.children.map((child) => child.type)).toEqual(['sentence', 'text', 'sentence'])
    expect(paragraph.children[1]).toEqual({type: 'text', value: ' '})
    const [first, , second] = paragraph.children as [Sentence, PhrasingContent, Sentence]
    expect(first.data).toEqual({
      segmentId: segments[0]!.id,
      text: '"Ces derniers jours, beaucoup de gens viennent chez nous de Russie. La plupart sont obligés de partir", a déclaré M. Tokaïev.',
      hName: 'span',
      hProperties: {dataSegment: segments[0]!.id}
    })
    expect(second.data.text).toBe('Il a ajouté.')
    expect(paragraph.data?.blockId).toBe(segments[0]!.paragraph)
  })

  it('sets file.data.segments and file.data.segmentMap in agreement', () => {
    const {segments, map} = segment('# Titre\n\nUn. Deux.\n\n| A | B |\n| - | - |\n| Trois. | Quatre. Cinq. |\n')
    expect(map.blocks.flatMap((block) => block.sentences.map((sentence) => ({id: sentence.id, paragraph: block.id, text: sentence.text})))).toEqual(segments)
    expect(segments.map((sentence) => sentence.text)).toEqual(['Titre', 'Un.', 'Deux.', 'A', 'B', 'Trois.', 'Quatre.', 'Cinq.'])
  })

  it('sets blockId on every paragraph, heading and table cell with text, and on nothing else', () => {
    const {tree, map} = segment('# Titre\n\n> Cité.\n\n* Point.\n\n| A | |\n| - | - |\n\n![](image-sans-texte.png)\n')
    const withId = blocksOf(tree).filter((block) => block.data?.blockId)
    expect(withId.map((block) => block.type)).toEqual(['heading', 'paragraph', 'paragraph', 'tableCell'])
    expect(withId.map((block) => block.data!.blockId)).toEqual(map.blocks.map((block) => block.id))
    // The empty cell and the image without alt text have no sentence and no ID.
    expect(blocksOf(tree).filter((block) => !block.data?.blockId).map((block) => block.type)).toEqual(['tableCell', 'paragraph'])
    visit(tree, (node) => {
      if (node.data && 'blockId' in node.data) expect(['paragraph', 'heading', 'tableCell']).toContain(node.type)
    })
  })

  it('renders sentences as <span data-segment> with mdast-util-to-hast', () => {
    const {tree, segments} = segment('Un *mot*. Deux.\n')
    const hast = toHast(tree)
    const spans: Array<{id: unknown; children: string}> = []
    visit(hast, 'element', (node) => {
      if (node.tagName === 'span') spans.push({id: node.properties['dataSegment'], children: JSON.stringify(node.children.map((child) => child.type))})
    })
    expect(spans).toEqual([
      {id: segments[0]!.id, children: '["text","element","text"]'},
      {id: segments[1]!.id, children: '["text"]'}
    ])
  })

  it('leaves the YAML front matter alone', () => {
    const {tree, segments} = segment('---\ntitle: Un titre. Avec deux phrases.\n---\n\nLe texte.\n')
    expect(tree.children[0]).toMatchObject({type: 'yaml', value: 'title: Un titre. Avec deux phrases.'})
    expect(segments.map((sentence) => sentence.text)).toEqual(['Le texte.'])
  })

  it('works without remark-frontmatter or remark-gfm, and with an empty document', () => {
    const processor = unified().use(remarkParse).use(remarkSegment)
    const tree = processor.runSync(processor.parse('Un. Deux.'))
    expect(sentencesOf(tree as Root)).toHaveLength(2)
    expect(segment('').segments).toEqual([])
    expect(segment('').map).toEqual({blocks: []})
  })
})

describe('markup across a sentence boundary', () => {
  it('splits an emphasis into one emphasis per sentence, each with its own text', () => {
    const {tree} = segment('Le ministère a publié ses chiffres. *Les arrivées ont presque doublé. Elles atteignent 10.000 par jour*, selon le communiqué.\n')
    const [, second, third] = sentencesOf(tree)
    expect(second!.children).toMatchObject([{type: 'emphasis', children: [{type: 'text', value: 'Les arrivées ont presque doublé.'}]}])
    expect(second!.children).toHaveLength(1)
    expect(third!.children.map((child) => child.type)).toEqual(['emphasis', 'text'])
    expect(third!.children[0]).toMatchObject({type: 'emphasis', children: [{type: 'text', value: 'Elles atteignent 10.000 par jour'}]})
    expect(third!.children[1]).toMatchObject({type: 'text', value: ', selon le communiqué.'})
  })

  it('splits strong and nested markup the same way', () => {
    const {tree} = segment('**Un *deux. Trois* quatre.** Cinq.\n')
    const [first, second, third] = sentencesOf(tree)
    expect(first!.children).toMatchObject([{type: 'strong', children: [{type: 'text', value: 'Un '}, {type: 'emphasis', children: [{type: 'text', value: 'deux.'}]}]}])
    expect(second!.children).toMatchObject([{type: 'strong', children: [{type: 'emphasis', children: [{type: 'text', value: 'Trois'}]}, {type: 'text', value: ' quatre.'}]}])
    expect(third!.data.text).toBe('Cinq.')
  })

  it('gives both parts of a split link the same URL and title', () => {
    const {tree} = segment('Selon [Reuters. Le chiffre](https://www.reuters.com/ "Reuters") est faux.\n')
    const [first, second] = sentencesOf(tree)
    expect(first!.children[1]).toMatchObject({type: 'link', url: 'https://www.reuters.com/', title: 'Reuters', children: [{type: 'text', value: 'Reuters.'}]})
    expect(second!.children[0]).toMatchObject({type: 'link', url: 'https://www.reuters.com/', title: 'Reuters', children: [{type: 'text', value: 'Le chiffre'}]})
    expect(first!.data.text).toBe('Selon Reuters.')
    expect(second!.data.text).toBe('Le chiffre est faux.')
  })

  it('never cuts inline code, even when it holds ". X"', () => {
    const {tree, segments} = segment('Le message `Erreur. Veuillez réessayer` est resté affiché. Fin.\n')
    expect(segments.map((sentence) => sentence.text)).toEqual(['Le message Erreur. Veuillez réessayer est resté affiché.', 'Fin.'])
    expect(sentencesOf(tree)[0]!.children[1]).toMatchObject({type: 'inlineCode', value: 'Erreur. Veuillez réessayer'})
  })
})

describe('positions', () => {
  it('give each sentence of a plain article its exact source range', () => {
    const markdown = '---\ntitle: T\n---\n\nLes arrivées ont presque doublé. "Le nombre a augmenté à quelque 10.000 par jour. Par exemple, 11.200 dimanche", a indiqué le ministère.\n\n## Un intertitre\n\nUne ligne\nqui continue. Fin.\n'
    const {tree} = segment(markdown)
    const ranges = sentencesOf(tree).map((sentence) => markdown.slice(sentence.position!.start.offset, sentence.position!.end.offset))
    expect(ranges).toEqual([
      'Les arrivées ont presque doublé.',
      '"Le nombre a augmenté à quelque 10.000 par jour. Par exemple, 11.200 dimanche", a indiqué le ministère.',
      'Un intertitre',
      'Une ligne\nqui continue.',
      'Fin.'
    ])
    const [, , , continued, end] = sentencesOf(tree)
    expect(continued!.position!.start).toMatchObject({line: 9, column: 1})
    expect(continued!.position!.end).toMatchObject({line: 10, column: 14})
    expect(end!.position!.start).toMatchObject({line: 10, column: 15})
  })

  it('cover a split emphasis part up to its own text', () => {
    const markdown = 'Il dit *une chose. Puis* une autre.\n'
    const {tree} = segment(markdown)
    const ranges = sentencesOf(tree).map((sentence) => markdown.slice(sentence.position!.start.offset, sentence.position!.end.offset))
    expect(ranges).toEqual(['Il dit *une chose.', 'Puis* une autre.'])
  })

  it('are left out rather than wrong when a piece of text has no exact source (escapes, entities)', () => {
    const markdown = 'Il a dit \\[x]. Un *mot* ici. Fin.\n'
    const {tree} = segment(markdown)
    const sentences = sentencesOf(tree)
    expect(sentences.map((sentence) => sentence.data.text)).toEqual(['Il a dit [x].', 'Un mot ici.', 'Fin.'])
    expect(sentences[0]!.position).toBeUndefined()
    expect(sentences[1]!.position).toBeUndefined()
    expect(markdown.slice(sentences[2]!.position!.start.offset, sentences[2]!.position!.end.offset)).toBe('Fin.')
  })
})

describe('sentenceToMarkdown', () => {
  it('is needed to stringify a segmented tree', () => {
    const processor = unified().use(remarkParse).use(remarkSegment).use(remarkStringify)
    expect(() => processor.processSync('Un. Deux.')).toThrow(/Cannot handle unknown node `sentence`/)
  })
})

describe('splitBlock', () => {
  it('splits phrasing content without touching the IDs', () => {
    const {children, sentences} = splitBlock([
      {type: 'text', value: 'Un. '},
      {type: 'emphasis', children: [{type: 'text', value: 'Deux.'}]}
    ])
    expect(sentences.map((sentence) => sentence.data)).toEqual([
      {segmentId: '', text: 'Un.'},
      {segmentId: '', text: 'Deux.'}
    ])
    expect(children).toEqual([sentences[0], {type: 'text', value: ' '}, sentences[1]])
  })

  it('returns whitespace-only content as it is, with no sentence', () => {
    const children: PhrasingContent[] = [{type: 'text', value: '  '}, {type: 'image', url: 'a.png', alt: ''}]
    expect(splitBlock(children)).toEqual({children, sentences: []})
  })
})

describe('the README example', () => {
  it('gives the IDs and diff it shows', () => {
    const article =
      `"Ces derniers jours, beaucoup de gens viennent chez nous de Russie. La plupart sont obligés ` +
      `de partir à cause d'une situation sans issue", a déclaré M. Tokaïev. ` +
      `"Nous devons nous occuper d'eux, assurer leur sécurité", a-t-il ajouté.\n`
    const first = segment(article)
    expect(first.segments.map(({id, paragraph}) => ({id, paragraph}))).toEqual([
      {id: 's-1a2984', paragraph: 'p-75d51a'},
      {id: 's-53b3eb', paragraph: 'p-75d51a'}
    ])
    const edited = segment(article.replace('a déclaré', 'a affirmé'), first.map)
    expect(edited.segments[0]!.id).toBe('s-1a2984')
    const diff = diffSegmentMaps(first.map, edited.map)
    expect(diff.edited.map((entry) => entry.id)).toEqual(['s-1a2984'])
    expect(diff.edited[0]!.after).toMatch(/a affirmé M\. Tokaïev\.$/)
    expect([diff.added, diff.removed, diff.moved]).toEqual([[], [], []])
  })
})
