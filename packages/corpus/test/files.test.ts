import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {
  articleIdProblem,
  corpusLayout,
  isSafeArticleId,
  loadArticle,
  parseJson,
  readResource,
  slugify,
  textFile,
  writeFileAtomic,
  writeFilesAtomic
} from '../src/index.js'
import {copyCorpus, fatal} from './helpers.js'

const encoder = new TextEncoder()

describe('text hygiene', () => {
  it('refuses a byte order mark at 1:1', async () => {
    expect(await fatal(() => textFile(encoder.encode('\uFEFF---\nid: a\n'), 'a.md'))).toBe('1:1: Unexpected byte order mark, expected UTF-8 without BOM')
  })

  it('refuses CRLF at the first carriage return', async () => {
    expect(await fatal(() => textFile(encoder.encode('line one\nline two\r\n'), 'a.md'))).toBe(
      '2:9: Unexpected carriage return (CRLF or CR line ending), expected LF line endings'
    )
  })

  it('refuses decomposed text at the letter that would compose', async () => {
    expect(await fatal(() => textFile(encoder.encode('Bonjour\nLa Ge\u0301orgie'), 'a.md'))).toBe(
      '2:5: Unexpected decomposed (NFD) character, expected text in Unicode normalization form NFC'
    )
  })

  it('refuses invalid UTF-8', async () => {
    expect(await fatal(() => textFile(new Uint8Array([0x61, 0xff, 0x62]), 'a.md'))).toBe('1:1: Unexpected invalid UTF-8, expected UTF-8 text')
  })

  it('accepts NFC text with combining marks that have no precomposed form', () => {
    expect(String(textFile(encoder.encode('q\u0307 et é'), 'a.md').value)).toBe('q\u0307 et é')
  })
})

describe('strict JSON', () => {
  const parse = (text: string) => () => parseJson(new VFile({path: 'x.json', value: text}))

  it('points at a missing comma', async () => {
    expect(await fatal(parse('{\n  "a": "x"\n  "b": "y"\n}\n'))).toBe('3:3: Unexpected "\\"b\\"" in JSON, expected `,` between entries')
  })

  it('refuses a trailing comma', async () => {
    expect(await fatal(parse('{\n  "a": "x",\n}\n'))).toMatch(/^3:1: Unexpected "}" in JSON/)
  })

  it('refuses comments', async () => {
    expect(await fatal(parse('{\n  // note\n  "a": "x"\n}\n'))).toMatch(/^2:3: Unexpected/)
  })

  it('refuses an empty file', async () => {
    expect(await fatal(parse(''))).toBe('1:1: Unexpected end of file in JSON, expected a value')
  })
})

describe('resources', () => {
  async function withResource(text: string) {
    const corpus = await copyCorpus()
    const id = '2022-09-la-georgie-et-le-kazakhstan-deux-pays'
    await fs.writeFile(path.join(corpus, 'locales/en', `${id}.json`), text)
    return () => readResource(corpusLayout(corpus), 'en', id)
  }

  it('refuses a nested object at its line and column', async () => {
    expect(await fatal(await withResource('{\n  "title": "T",\n  "s-315253": {"text": "x"}\n}\n'))).toBe(
      '3:15: Unexpected object for `s-315253`, expected a string (resources are flat: one translation per segment ID)'
    )
  })

  it('refuses a duplicate key', async () => {
    expect(await fatal(await withResource('{\n  "title": "T",\n  "title": "U"\n}\n'))).toBe('3:3: Unexpected duplicate key `title`, expected each segment once')
  })

  it('refuses an array', async () => {
    expect(await fatal(await withResource('["a"]\n'))).toBe('1:1: Unexpected array in resource, expected an object of segment ID to translation')
  })

  it('reads nothing when there is no file yet', async () => {
    const corpus = await copyCorpus()
    expect(await readResource(corpusLayout(corpus), 'en', 'no-such-article')).toBeUndefined()
  })
})

describe('article IDs', () => {
  it.each(['2022-10-plus-de-200-000', 'a', 'x1-y2'])('accepts %j', (id) => {
    expect(isSafeArticleId(id)).toBe(true)
  })

  it.each(['', '../etc/passwd', 'a/b', 'a\\b', 'a.b', 'a:b', '__proto__', 'constructor.prototype', 'A-b', 'a--b', '-a', 'a-', 'é', 'a b', 'x'.repeat(81)])(
    'refuses %j',
    (id) => {
      expect(isSafeArticleId(id)).toBe(false)
      expect(articleIdProblem(id)).toMatch(/^Unexpected article ID/)
    }
  )

  it('slugifies French words to a safe ID', () => {
    expect(slugify('La Géorgie et le Kazakhstan, deux « pays » frontaliers')).toBe('la-georgie-et-le-kazakhstan-deux-pays-frontaliers')
    expect(slugify('Œuvre d’art à 10.000 €', 12)).toBe('oeuvre-d-art')
    expect(isSafeArticleId(slugify('__proto__ ../../x'))).toBe(true)
  })
})

describe('front matter', () => {
  const id = '2022-09-la-georgie-et-le-kazakhstan-deux-pays'
  async function withArticle(edit: (text: string) => string) {
    const corpus = await copyCorpus()
    const file = path.join(corpus, 'articles', `${id}.md`)
    await fs.writeFile(file, edit(await fs.readFile(file, 'utf8')))
    return () => loadArticle(corpusLayout(corpus), id)
  }

  it('refuses an article without front matter', async () => {
    expect(await fatal(await withArticle((text) => text.replace(/^---\n[\s\S]*?\n---\n/, '')))).toMatch(/^1:1: Unexpected article without front matter/)
  })

  it('points at a bad date', async () => {
    expect(await fatal(await withArticle((text) => text.replace('date: 2022-09', 'date: 2022-13')))).toBe(
      '3:7: Unexpected date "2022-13", expected `YYYY-MM` or `YYYY-MM-DD`'
    )
  })

  it('refuses an article in another language', async () => {
    expect(await fatal(await withArticle((text) => text.replace('lang: fr', 'lang: en')))).toBe('4:7: Unexpected language "en", expected `fr` (articles are French)')
  })

  it('refuses a missing title', async () => {
    expect(await fatal(await withArticle((text) => text.replace(/^title: .*\n/m, '')))).toBe('2:1: Unexpected front matter without `title`, expected `title`')
  })

  it('reports YAML syntax errors where they are', async () => {
    expect(await fatal(await withArticle((text) => text.replace('lang: fr', 'lang: [fr')))).toMatch(/^\d+:\d+: Unexpected YAML: /)
  })

  it('refuses an ID that is not the file name', async () => {
    expect(await fatal(await withArticle((text) => text.replace(`id: ${id}`, 'id: another-article')))).toMatch(/^1:1: Unexpected article ID `another-article`/)
  })

  it('refuses an unsafe ID in front matter', async () => {
    expect(await fatal(await withArticle((text) => text.replace(`id: ${id}`, 'id: ../../etc')))).toMatch(/^2:5: Unexpected article ID "..\/..\/etc"/)
  })
})

describe('atomic writes', () => {
  it('replaces a file whole and leaves no temporary file', async () => {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'briefs-write-'))
    const file = path.join(directory, 'deep', 'a.json')
    await writeFileAtomic(file, 'one\n')
    await writeFileAtomic(file, 'two\n')
    expect(await fs.readFile(file, 'utf8')).toBe('two\n')
    expect(await fs.readdir(path.dirname(file))).toEqual(['a.json'])
  })

  it('keeps the old file when the write fails', async () => {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'briefs-write-'))
    const target = path.join(directory, 'taken')
    await fs.mkdir(target)
    await fs.writeFile(path.join(target, 'keep'), 'x')
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow()
    expect(await fs.readdir(directory)).toEqual(['taken'])
    expect(await fs.readFile(path.join(target, 'keep'), 'utf8')).toBe('x')
  })

  it('writes several files, new and replaced, and leaves no temporary file', async () => {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'briefs-write-'))
    await fs.writeFile(path.join(directory, 'a.json'), 'old\n')
    await writeFilesAtomic([
      {path: path.join(directory, 'a.json'), content: 'a\n'},
      {path: path.join(directory, 'deep', 'b.json'), content: 'b\n'}
    ])
    expect(await fs.readFile(path.join(directory, 'a.json'), 'utf8')).toBe('a\n')
    expect(await fs.readFile(path.join(directory, 'deep', 'b.json'), 'utf8')).toBe('b\n')
    expect((await fs.readdir(directory, {recursive: true})).sort()).toEqual(['a.json', 'deep', path.join('deep', 'b.json')])
  })

  it('changes no file when one of them cannot be written', async () => {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'briefs-write-'))
    await fs.writeFile(path.join(directory, 'a.json'), 'old\n')
    await fs.writeFile(path.join(directory, 'not-a-folder'), 'x')
    await expect(
      writeFilesAtomic([
        {path: path.join(directory, 'a.json'), content: 'new\n'},
        {path: path.join(directory, 'b.json'), content: 'b\n'},
        {path: path.join(directory, 'not-a-folder', 'c.json'), content: 'c\n'}
      ])
    ).rejects.toThrow()
    expect((await fs.readdir(directory)).sort()).toEqual(['a.json', 'not-a-folder'])
    expect(await fs.readFile(path.join(directory, 'a.json'), 'utf8')).toBe('old\n')
  })

  it('refuses the same file twice', async () => {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'briefs-write-'))
    const file = path.join(directory, 'a.json')
    await expect(writeFilesAtomic([{path: file, content: '1'}, {path: path.join(directory, '.', 'a.json'), content: '2'}])).rejects.toThrow(/twice/)
    expect(await fs.readdir(directory)).toEqual([])
  })
})
