import fc from 'fast-check'
import {toString} from 'mdast-util-to-string'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {ingestArticle} from '../src/index.js'

const encoder = new TextEncoder()

/** Ingest `text` as if received in a file named `name`. */
function ingest(text: string, options: Parameters<typeof ingestArticle>[2] = {}, name = '000_wire.txt') {
  return ingestArticle(new VFile({path: `/inbox/${name}`, value: text}), encoder.encode(text), options)
}

function fatalOf(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    const message = error as {line?: number; column?: number; reason?: string; fatal?: boolean}
    if (message.fatal) return `${message.line ?? ''}:${message.column ?? ''}: ${message.reason}`
    throw error
  }
  throw new Error('Expected a fatal message')
}

/** The plain text of every paragraph of the body, as the pipeline reads it. */
function paragraphs(markdown: string): string[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '')
  return unified()
    .use(remarkParse)
    .parse(body)
    .children.map((node) => toString(node))
}

// The start of a real wire article, copied as received (header on the first line, curly quotes, an editorial insertion).
const wire =
  ' date 2022-10 Plus de 200 000 citoyens russes ont été enrôlés dans l’armée suite à l’ordre de mobilisation du président russe Vladimir Poutine le mois dernier.\n\n' +
  '“Il y a environ quatre ou cinq jours, il y avait cinq à six mille visiteurs [from Russia] quotidiennement, et maintenant il est passé à environ dix mille », a déclaré le ministre géorgien de l’Intérieur Vakhtang Gomelauri aux journalistes la semaine dernière.\n\n' +
  'Les forces ukrainiennes ont également regagné lundi des bastions clés dans les régions de Kherson, Dontesk et Louhansk, que Poutine a prétendu annexer lors d’une cérémonie élaborée la semaine dernière.'

describe('raw articles as received', () => {
  it('keeps the French exactly: typos, mixed quotes, editorial insertions', () => {
    const result = ingest(wire)
    expect(paragraphs(result.markdown)).toEqual(wire.replace(/^ date 2022-10 /, '').split('\n\n'))
    expect(result.id).toBe('2022-10-plus-de-200-000-citoyens-russes-ont-ete')
    expect(result.article.meta).toMatchObject({id: result.id, date: '2022-10', lang: 'fr', source: {file: '000_wire.txt', format: 'raw'}})
    expect(result.article.meta.source?.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(result.article.meta.title).toBe(
      'Plus de 200 000 citoyens russes ont été enrôlés dans l’armée suite à l’ordre de mobilisation du président russe Vladimir Poutine le mois dernier.'
    )
    expect(result.article.segments.map((segment) => segment.id)[0]).toBe('title')
    expect(result.article.segments).toHaveLength(4)
  })

  it('is deterministic: the same input gives the same bytes', () => {
    expect(ingest(wire).markdown).toBe(ingest(wire).markdown)
  })

  it('takes the title and ID it is given', () => {
    const result = ingest(wire, {id: 'mobilisation-2022', title: 'Mobilisation : 200 000 enrôlés'})
    expect(result.id).toBe('mobilisation-2022')
    expect(result.markdown).toContain('title: "Mobilisation : 200 000 enrôlés"')
  })

  it('keeps any paragraph text exactly, whatever Markdown would read into it', () => {
    const characters = fc.constantFrom(...'abcAZé 01.,;:!?*_`[]()<>#+-=|\\&~"«»“”’\u00a0\u202f^$%{}'.split(''))
    const paragraph = fc
      .array(characters, {minLength: 1, maxLength: 40})
      .map((chars) => chars.join('').replace(/\s+/g, ' ').trim())
      .filter((text) => text.length > 0 && /[a-zA-Zé0-9]/.test(text))
    fc.assert(
      fc.property(fc.array(paragraph, {minLength: 1, maxLength: 4}), (texts) => {
        const result = ingest(` date 2022-10 ${texts.join('\n\n')}`, {id: 'property-test'})
        expect(paragraphs(result.markdown)).toEqual(texts)
      }),
      {numRuns: 300}
    )
  }, 60_000)
})

describe('Markdown articles with front matter', () => {
  const markdown = '---\ndate: 2022-09-27\ntitle: Afflux de Russes\n---\n\n## Géorgie\n\nLes arrivées *ont presque doublé*. Le ministère l’a [confirmé](https://example.org).\n'

  it('keeps the body byte for byte and completes the front matter', () => {
    const result = ingest(markdown, {}, 'afflux.md')
    expect(result.markdown.endsWith('\n\n## Géorgie\n\nLes arrivées *ont presque doublé*. Le ministère l’a [confirmé](https://example.org).\n')).toBe(true)
    expect(result.id).toBe('2022-09-27-georgie')
    expect(result.article.meta).toMatchObject({title: 'Afflux de Russes', lang: 'fr', source: {file: 'afflux.md', format: 'markdown'}})
  })

  it('refuses a missing date', () => {
    expect(fatalOf(() => ingest('---\ntitle: X\n---\n\nTexte.\n'))).toBe('2:1: Unexpected front matter without `date`, expected `date: YYYY-MM`')
  })

  it('refuses another language', () => {
    expect(fatalOf(() => ingest('---\ndate: 2022-09\nlang: de\n---\n\nText.\n'))).toBe('3:7: Unexpected language "de", expected `fr` (articles are French)')
  })

  it('points at a YAML error', () => {
    expect(fatalOf(() => ingest('---\ndate: 2022-09\ntitle: [oops\n---\n\nTexte.\n'))).toMatch(/^\d+:\d+: Unexpected YAML: /)
  })

  it('refuses an unterminated front matter', () => {
    expect(fatalOf(() => ingest('---\ndate: 2022-09\n\nTexte.\n'))).toBe('1:1: Unexpected unterminated front matter, expected a closing `---` line')
  })
})

describe('bad input', () => {
  it('refuses an empty file', () => {
    expect(fatalOf(() => ingest(''))).toMatch(/^1:1: Unexpected empty file/)
    expect(fatalOf(() => ingest('  \n\n '))).toMatch(/^1:1: Unexpected empty file/)
  })

  it('refuses a file without a date header', () => {
    expect(fatalOf(() => ingest('Plus de 200 000 citoyens russes ont été enrôlés.'))).toBe(
      '1:1: Unexpected `Plus de 200` at the start of the file, expected a ` date YYYY-MM ` header or YAML front matter'
    )
  })

  it('refuses an impossible month', () => {
    expect(fatalOf(() => ingest(' date 2022-13 Texte.'))).toBe('1:7: Unexpected date "2022-13" in the header, expected `YYYY-MM`')
  })

  it('refuses a header without text', () => {
    expect(fatalOf(() => ingest(' date 2022-10 \n\n'))).toMatch(/^1:1: Unexpected article without text/)
  })

  it('refuses an unsafe ID', () => {
    expect(fatalOf(() => ingest(wire, {id: '../../etc/passwd'}))).toMatch(/^:: Unexpected article ID "..\/..\/etc\/passwd"/)
  })

  it('refuses BOM, CRLF and NFD unless asked to normalize, and then says so', () => {
    expect(fatalOf(() => ingest(`\uFEFF${wire}`))).toBe('1:1: Unexpected byte order mark, expected UTF-8 without BOM; run with `--normalize` to fix it')
    const crlf = wire.replaceAll('\n', '\r\n')
    expect(fatalOf(() => ingest(crlf))).toMatch(/^1:\d+: Unexpected carriage return/)
    const nfd = wire.normalize('NFD')
    expect(fatalOf(() => ingest(nfd))).toMatch(/^1:\d+: Unexpected decomposed \(NFD\) character/)
    const file = new VFile({path: '/inbox/x.txt', value: `\uFEFF${crlf.normalize('NFD')}`})
    const result = ingestArticle(file, encoder.encode(String(file.value)), {normalize: true})
    // The same article as the clean text, but for the fingerprint of what was received.
    const clean = ingest(wire, {}, 'x.txt')
    expect(result.markdown.replace(/sha256: \w+/, '')).toBe(clean.markdown.replace(/sha256: \w+/, ''))
    expect(result.article.meta.source!.sha256).not.toBe(clean.article.meta.source!.sha256)
    expect(file.messages.map((message) => message.reason)).toEqual(['Normalized byte-order-mark, unicode-normalization, line-ending'])
  })
})
