import {visit} from 'unist-util-visit'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {parseArticle, sourceNameProblem} from '../src/index.js'
import {fatal} from './helpers.js'

const matter = '---\nid: 2099-01-test\ndate: 2099-01\nlang: fr\ntitle: Titre\n---\n\n'
// The body starts on line 8.
const parse = (body: string, head = matter) => parseArticle(new VFile({path: 'articles/2099-01-test.md', value: `${head}${body}`}))

describe('what an article may hold (remarkArticleConstructs)', () => {
  it('refuses a raw HTML block at its place, saying why and what to write instead', async () => {
    const reason = await fatal(() => parse('Avant.\n\n<div class="encadre">\nUn encadré. Avec du texte.\n</div>\n'))
    expect(reason).toMatch(/^10:1: Unexpected raw HTML block `<div class="encadre">`, expected Markdown: the text of raw HTML cannot be split into sentences/)
    expect(reason).toContain('as a block quote, `> …`')
    // In a block quote or a list item too.
    expect(await fatal(() => parse('> <p>Cité.</p>\n'))).toMatch(/^8:3: Unexpected raw HTML block/)
    expect(await fatal(() => parse('- <p>Point.</p>\n'))).toMatch(/^8:3: Unexpected raw HTML block/)
  })

  it('accepts HTML comments, block or inline, and shows them nowhere', () => {
    const article = parse('<!-- note de la rédaction -->\n\nUne phrase <!-- à vérifier --> complète.\n')
    expect(article.file.messages).toEqual([])
    expect(article.segments.map((segment) => segment.text)).toEqual(['Titre', 'Une phrase  complète.'])
  })

  it('warns about an inline HTML tag at its place, keeping the text around it', () => {
    const article = parse('Un mot <b>gras</b> ici.\n')
    expect(article.file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.fatal}`)).toEqual(['8:8 inline-html false', '8:15 inline-html false'])
    expect(article.file.messages[0]!.reason).toMatch(/^Unexpected inline HTML `<b>`, expected Markdown: the briefs show no raw HTML, only the text around the tag/)
    expect(article.segments[1]!.text).toBe('Un mot gras ici.')
  })

  it('refuses inline HTML a browser shows part of as text (CDATA, processing instructions, declarations)', async () => {
    expect(await fatal(() => parse('foo <![CDATA[>&<]]> bar\n'))).toMatch(/^8:5: Unexpected inline HTML `<!\[CDATA\[>&<\]\]>`, expected Markdown: a browser shows part of it as text/)
    expect(await fatal(() => parse('foo <?php echo 1; ?> bar\n'))).toMatch(/^8:5: Unexpected inline HTML/)
  })

  it('refuses a table cell beyond the header, which GFM does not show', async () => {
    expect(await fatal(() => parse('| a | b |\n| - | - |\n| c | d | e |\n'))).toMatch(/^10:9: Unexpected cell 3 in a row of a table of 2 columns, expected at most 2 cells/)
  })

  it('resolves reference links and images into links and images with their URL and title', () => {
    const article = parse('Selon [l’AFP][afp], et ![la carte][carte] aussi.\n\n[afp]: https://www.afp.com "Agence"\n[carte]: https://example.org/carte.png\n')
    const found: string[] = []
    visit(article.tree, (node) => {
      if (node.type === 'link' || node.type === 'image') found.push(`${node.type} ${node.url} ${node.title ?? ''}`)
      if (node.type === 'linkReference' || node.type === 'imageReference') found.push(node.type)
    })
    expect(found).toEqual(['link https://www.afp.com Agence', 'image https://example.org/carte.png '])
    expect(article.segments[1]!.text).toBe('Selon l’AFP, et la carte aussi.')
  })
})

describe('source.name', () => {
  it('is the publication readers see, one line of at most 80 characters', async () => {
    expect(parse('Texte.\n', matter.replace('---\n\n', 'source:\n  name: Reuters\n  file: a.txt\n---\n\n')).meta.source).toEqual({name: 'Reuters', file: 'a.txt'})
    expect(await fatal(() => parse('Texte.\n', matter.replace('---\n\n', 'source:\n  name: " AFP"\n---\n\n')))).toMatch(/^7:9: Unexpected white space around `source.name`/)
    expect(sourceNameProblem('')).toMatch(/empty/)
    expect(sourceNameProblem('A\nB')).toMatch(/line break/)
    expect(sourceNameProblem('x'.repeat(81))).toMatch(/81 characters, expected at most 80/)
    expect(sourceNameProblem('Agence France-Presse')).toBeUndefined()
  })
})
