import fs from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {memoryFromArticles, memoryFromTmx, readTmx, toTmx, type ExchangeArticle} from '../src/index.js'
import {exchangeArticle, hasTool, packageRoot, tools, xmllint, type UnitInput} from './helpers.js'

const fixturesDir = path.join(packageRoot, 'test/fixtures')

describe('TMX fixtures', async () => {
  const names = (await fs.readdir(fixturesDir, {withFileTypes: true})).filter((entry) => entry.isDirectory()).map((entry) => entry.name)
  for (const name of names) {
    it(`${name}: the reviewed units as TMX 1.4b, valid against the DTD, read back as the same memory`, async () => {
      const input = JSON.parse(await fs.readFile(path.join(fixturesDir, name, 'input.json'), 'utf8')) as {articles: Array<Omit<ExchangeArticle, 'units'> & {units: UnitInput[]}>}
      const articles = input.articles.map(exchangeArticle)
      const tmx = toTmx(articles)
      const expectedFile = path.join(fixturesDir, name, 'output.tmx')
      if (process.env.UPDATE) await fs.writeFile(expectedFile, tmx)
      expect(tmx).toBe(await fs.readFile(expectedFile, 'utf8'))
      if (hasTool(tools.xmllint)) expect(xmllint(tmx, 'tmx14.dtd')).toBe('')
      const file = new VFile({path: 'memory.tmx', value: tmx})
      const document = readTmx(file)
      expect(file.messages.map(String)).toEqual([])
      const lng = articles[0]!.lng
      expect(memoryFromTmx(document, lng)).toEqual(memoryFromArticles(articles).map((entry) => ({...entry, source: entry.source.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '\uFFFD')})))
    })
  }
})

describe('TMX reading', () => {
  const article = exchangeArticle({
    id: '2022-10-a',
    title: 'Titre',
    date: '2022-10',
    lng: 'en',
    units: [{key: 's-000001', source: 'Le **Kremlin** a parlé.', target: 'The **Kremlin** spoke\\*.', state: 'reviewed', reviewer: 'Olga', approvedOn: '2022-10-04'}]
  })

  it('keeps dates, reviewer, article and key, and the Markdown of the translation', () => {
    const document = readTmx(new VFile({path: 'm.tmx', value: toTmx([article])}))
    expect(document.units).toHaveLength(1)
    const [unit] = document.units
    expect(unit).toMatchObject({tuid: '2022-10-a:s-000001', creationdate: '20221004T000000Z', changedate: '20221004T000000Z', creationid: 'Olga', changeid: 'Olga'})
    expect(unit!.props).toEqual([
      {type: 'x-article', value: '2022-10-a'},
      {type: 'x-key', value: 's-000001'},
      {type: 'x-reviewer', value: 'Olga'}
    ])
    expect(unit!.variants.map((variant) => [variant.lang, variant.text, variant.markdown])).toEqual([
      ['fr', 'Le Kremlin a parlé.', 'Le **Kremlin** a parlé.'],
      ['en', 'The Kremlin spoke*.', 'The **Kremlin** spoke\\*.']
    ])
  })

  it('reads TMX written by other tools: `lang` of TMX 1.1, `<hi>`, `<ph>`, notes', () => {
    const file = new VFile({
      path: 'other.tmx',
      value: '<?xml version="1.0"?>\n<tmx version="1.1"><header srclang="FR-FR"/><body>\n<tu tuid="7"><note>n</note><tuv lang="FR-FR"><seg>Il a <hi>dit</hi> <ph>{1}</ph> 10.000</seg></tuv><tuv lang="EN-GB"><seg>He said <ph>{1}</ph> 10,000</seg></tuv></tu>\n</body></tmx>'
    })
    const document = readTmx(file)
    expect(file.messages).toEqual([])
    expect(memoryFromTmx(document, 'en')).toEqual([{article: '', key: '7', source: 'Il a dit {1} 10.000', target: 'He said {1} 10,000', codes: ['{1}']}])
  })

  it('reports unreadable units at their line and column and keeps the rest', () => {
    const file = new VFile({
      path: 'bad.tmx',
      value: '<tmx version="1.4">\n<header/>\n<body>\n<tu><tuv xml:lang="fr"><seg>a <bpt i="1">*</bpt>b<ept i="2">*</ept></seg></tuv></tu>\n<tu><tuv><seg>x</seg></tuv></tu>\n<tu><tuv xml:lang="fr"><seg>ok</seg></tuv></tu>\n</body>\n</tmx>'
    })
    const document = readTmx(file)
    expect(document.units.map((unit) => unit.variants[0]!.text)).toEqual(['ok'])
    expect(file.messages.map(String)).toEqual([
      'bad.tmx:4:50: Unexpected `<ept i="2">`, expected the `<ept>` of `<bpt i="1">`',
      'bad.tmx:4:1: Unexpected `<tu>` without a readable `<tuv>`, expected one per language',
      'bad.tmx:5:5: Unexpected `<tuv>` without `xml:lang`, expected its language',
      'bad.tmx:5:1: Unexpected `<tu>` without a readable `<tuv>`, expected one per language'
    ])
  })

  it('stops at malformed XML and at what is not TMX, with line and column', () => {
    const broken = new VFile({path: 'broken.tmx', value: '<tmx version="1.4">\n<body>\n</tmx>'})
    expect(() => readTmx(broken)).toThrow(/Unexpected malformed XML/)
    expect(String(broken.messages[0])).toMatch(/^broken\.tmx:3:\d+: Unexpected malformed XML \(.+\), expected a TMX document$/)
    expect(() => readTmx(new VFile({value: '<tmx version="2.0"><body/></tmx>'}))).toThrow('Unexpected TMX version `2.0`, expected `1.4`')
    expect(() => readTmx(new VFile({value: '<xliff/>'}))).toThrow('Unexpected root element `xliff`, expected `tmx`')
  })
})
