import fs from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {importXliff, xliffLanguages, inlineFromMarkdown, inlineSignature, inlineToMarkdown, toXliff, type ExchangeArticle, type XliffExportOptions, type XliffVersion} from '../src/index.js'
import {exchangeArticle, hasTool, packageRoot, requireInCi, tools, xmllint, type UnitInput} from './helpers.js'

const fixturesDir = path.join(packageRoot, 'test/fixtures')
const versions: XliffVersion[] = ['1.2', '2.0']
const schemaOf = {'1.2': 'xliff-core-1.2-strict.xsd', '2.0': 'xliff-core-2.0.xsd'} as const
const hasXmllint = hasTool(tools.xmllint)

requireInCi('xmllint (libxml2-utils)', hasXmllint, 'apt-get install libxml2-utils')

interface FixtureInput {
  options: Omit<XliffExportOptions, 'version'>
  articles: Array<Omit<ExchangeArticle, 'units'> & {units: UnitInput[]}>
}

async function readFixture(name: string): Promise<{articles: ExchangeArticle[]; options: FixtureInput['options']}> {
  const input = JSON.parse(await fs.readFile(path.join(fixturesDir, name, 'input.json'), 'utf8')) as FixtureInput
  return {articles: input.articles.map(exchangeArticle), options: input.options}
}

function importOf(xml: string, articles: readonly ExchangeArticle[], name = 'export.xlf') {
  const file = new VFile({path: name, value: xml})
  return {file, result: importXliff(file, articles)}
}

describe('XLIFF export fixtures', async () => {
  const names = (await fs.readdir(fixturesDir, {withFileTypes: true})).filter((entry) => entry.isDirectory()).map((entry) => entry.name)
  for (const name of names) {
    for (const version of versions) {
      it(`${name}: XLIFF ${version} as expected, valid, and read back unchanged`, async () => {
        const {articles, options} = await readFixture(name)
        const xml = toXliff(articles, {...options, version})
        const expectedFile = path.join(fixturesDir, name, `output-${version}.xlf`)
        if (process.env.UPDATE) await fs.writeFile(expectedFile, xml)
        expect(xml).toBe(await fs.readFile(expectedFile, 'utf8'))
        expect(toXliff(articles, {...options, version})).toBe(xml)
        if (hasXmllint) expect(xmllint(xml, schemaOf[version])).toBe('')
        const {file, result} = importOf(xml, articles)
        expect(file.messages.map(String)).toEqual([])
        const units = articles.flatMap((article) => article.units)
        expect(result.articles.flatMap((article) => article.changed)).toEqual([])
        expect(result.articles.flatMap((article) => article.refused)).toEqual([])
        // Byte for byte: every translation comes back as it was, in its state.
        expect(result.articles.flatMap((article) => article.unchanged)).toEqual(units.map((unit) => ({key: unit.key, state: unit.state, ...(unit.target === undefined ? {} : {target: unit.target})})))
      })
    }
  }
})

describe('XLIFF import', () => {
  const article = exchangeArticle({
    id: '2022-10-codes',
    title: 'Titre',
    date: '2022-10',
    lng: 'en',
    units: [
      {key: 'title', source: 'Titre', target: 'Title', state: 'reviewed', reviewer: 'Olga', approvedOn: '2022-10-04'},
      {key: 's-000001', source: 'Le **Kremlin** a parlé de [mobilisation](https://example.org).', target: 'The **Kremlin** spoke of [mobilisation](https://example.org).', state: 'reviewed'},
      {key: 's-000002+s-000003', source: 'Il pleut. Il vente.', state: 'missing'},
      {key: 's-000004', source: 'Un chat\\* noir.', target: 'A *black* cat\\*.', state: 'draft'}
    ]
  })

  for (const version of versions) {
    it(`XLIFF ${version}: edited targets come back as Markdown drafts, codes and untouched escapes kept; untouched units keep their state`, () => {
      const xml = toXliff([article], {version})
      const edited = xml.replace('spoke of', 'talked about').replace('>A <', '>One <')
      const translatedMissing = version === '2.0' ? edited.replace('<source>Il pleut. Il vente.</source>', '<source>Il pleut. Il vente.</source>\n        <target>It rains. It is windy.</target>') : edited.replace(/(<source>Il pleut\. Il vente\.<\/source>\s*)<target state="new" \/>/, '$1<target state="translated">It rains &lt;b&gt; *windy*.</target>')
      const {file, result} = importOf(translatedMissing, [article])
      expect(file.messages.map(String)).toEqual([])
      const [imported] = result.articles
      expect(imported!.changed).toEqual([
        {key: 's-000001', target: 'The **Kremlin** talked about [mobilisation](https://example.org).', previous: 'The **Kremlin** spoke of [mobilisation](https://example.org).', state: 'draft'},
        {key: 's-000002+s-000003', target: version === '2.0' ? 'It rains. It is windy.' : 'It rains \\<b> \\*windy\\*.', state: 'draft'},
        {key: 's-000004', target: 'One *black* cat\\*.', previous: 'A *black* cat\\*.', state: 'draft'}
      ])
      expect(imported!.unchanged).toEqual([{key: 'title', state: 'reviewed', target: 'Title'}])
    })

    it(`XLIFF ${version}: a unit whose French changed since the export is refused, and named`, () => {
      const xml = toXliff([article], {version}).replace('Title<', 'The title<')
      const changedFrench = {...article, units: article.units.map((unit) => (unit.key === 'title' ? {...unit, source: [{type: 'text' as const, value: 'Nouveau titre'}], sourceText: 'Nouveau titre'} : unit))}
      const {file, result} = importOf(xml, [changedFrench])
      expect(result.articles[0]!.refused).toEqual([{key: 'title', reason: 'source-changed', fileSource: 'Titre', currentSource: 'Nouveau titre'}])
      expect(result.articles[0]!.changed).toEqual([])
      expect(file.messages.map(String)).toEqual([expect.stringMatching(/^export\.xlf:\d+:\d+: Unexpected French in unit `title`, changed since the export/)])
    })

    it(`XLIFF ${version}: a copy of the French as target is no translation, unless the file marks it translated`, () => {
      const xml = toXliff([article], {version, missingTargets: 'source'})
      expect(importOf(xml, [article]).result.articles[0]!.changed).toEqual([])
      const marked = version === '2.0' ? xml.replace('<segment state="initial">', '<segment state="translated">') : xml.replace('<target state="new">Il pleut', '<target state="translated">Il pleut')
      expect(importOf(marked, [article]).result.articles[0]!.changed).toEqual([{key: 's-000002+s-000003', target: 'Il pleut. Il vente.', state: 'draft'}])
    })

    it(`XLIFF ${version}: an emptied target never erases a translation`, () => {
      const xml = toXliff([article], {version}).replace('>Title<', '><')
      const {result} = importOf(xml, [article])
      expect(result.articles[0]!.changed).toEqual([])
      expect(result.articles[0]!.unchanged[0]).toEqual({key: 'title', state: 'reviewed', target: 'Title'})
    })

    it(`XLIFF ${version}: unknown articles and units, wrong target language: messages at file:line:column`, () => {
      const xml = toXliff([article], {version})
      const unknownUnit = xml.replace(version === '2.0' ? 'name="s-000004"' : 'resname="s-000004"', version === '2.0' ? 'name="s-999999"' : 'resname="s-999999"')
      const {file} = importOf(unknownUnit, [article])
      expect(file.messages.map(String)).toEqual([expect.stringMatching(/^export\.xlf:\d+:\d+: Unexpected unit `s-999999` in article `2022-10-codes`, expected a unit of the article/)])
      const unknownArticle = importOf(xml, [{...article, id: 'other'}])
      expect(unknownArticle.file.messages.map(String)).toEqual(['export.xlf:3:3-3:3: Unexpected article `2022-10-codes`, expected one of the corpus (`other`)'.replace('-3:3', '')])
      expect(unknownArticle.result.articles).toEqual([])
      expect(() => importOf(xml, [{...article, lng: 'ru'}])).toThrow(/Unexpected target language `en` \(`(trgLang|target-language)`\), expected `ru`/)
    })

    it(`XLIFF ${version}: the languages it declares are read before the import, with their place`, () => {
      const languages = xliffLanguages(new VFile({path: 'export.xlf', value: toXliff([article], {version})}))
      expect(languages).toMatchObject({version, source: 'fr', target: 'en', place: {line: version === '2.0' ? 2 : 3}})
    })
  }

  it('malformed XML and unknown versions stop the import at their line and column', () => {
    const broken = new VFile({path: 'broken.xlf', value: '<?xml version="1.0"?>\n<xliff version="2.0">\n  <file>\n</xliff>\n'})
    expect(() => importXliff(broken, [article])).toThrow(/Unexpected malformed XML/)
    expect(broken.messages.map(String)).toEqual([expect.stringMatching(/^broken\.xlf:4:\d+: Unexpected malformed XML \(.+\), expected an XLIFF 1\.2 or 2\.0 document$/)])
    const old = new VFile({path: 'old.xlf', value: '<xliff version="1.1">\n</xliff>'})
    expect(() => importXliff(old, [article])).toThrow('Unexpected XLIFF version `1.1`, expected `1.2` or `2.0`')
    expect(old.messages.map(String)).toEqual(['old.xlf:1:1: Unexpected XLIFF version `1.1`, expected `1.2` or `2.0`'])
    const other = new VFile({path: 'other.xml', value: '<tmx version="1.4"/>'})
    expect(() => importXliff(other, [article])).toThrow('Unexpected root element `tmx`, expected `xliff`')
    expect(() => xliffLanguages(new VFile({path: 'broken.xlf', value: String(broken.value)}))).toThrow(/Unexpected malformed XML/)
    expect(() => xliffLanguages(new VFile({path: 'other.xml', value: '<tmx version="1.4"/>'}))).toThrow('Unexpected root element `tmx`, expected `xliff`')
  })

  it('a target code the export did not write is refused, with its place', () => {
    const xml = toXliff([article], {version: '2.0'}).replace('The <pc id="1" dataRefStart="d1" dataRefEnd="d1e" type="fmt" subType="xlf:b">Kremlin</pc>', 'The <pc id="9" dataRefStart="d9" dataRefEnd="d9e">Kremlin</pc>')
    const {file, result} = importOf(xml, [article])
    expect(result.articles[0]!.refused.map((unit) => [unit.key, unit.reason])).toEqual([['s-000001', 'invalid-target']])
    expect(file.messages.map(String)).toContainEqual(expect.stringMatching(/^export\.xlf:\d+:\d+: Unexpected `<pc>` without original Markdown/))
  })

  it('codes moved where Markdown cannot keep them are refused rather than changed', () => {
    const xml = toXliff([article], {version: '2.0'}).replace('The <pc id="1" dataRefStart="d1" dataRefEnd="d1e" type="fmt" subType="xlf:b">Kremlin</pc>', 'The<pc id="1" dataRefStart="d1" dataRefEnd="d1e" type="fmt" subType="xlf:b"> Kremlin </pc>')
    const {file, result} = importOf(xml, [article])
    expect(result.articles[0]!.refused.map((unit) => [unit.key, unit.reason])).toEqual([['s-000001', 'invalid-target']])
    expect(file.messages.map(String)).toContainEqual(expect.stringMatching(/Unexpected target in unit `s-000001` that Markdown cannot say as written/))
  })
})

// Inline Markdown a translation may hold: words, escapes, emphasis, strong, links, code, breaks.
const word = fc.stringMatching(/^[A-Za-zА-Яа-яéà0-9]{1,8}$/)
const punctuation = fc.constantFrom(' ', ', ', '. ', ' \\* ', ' & ', ' < ', ' [x] ', ' _ ', ' # ', ' 1. ', ' \u00a0', ' ]]> ')
const inlineMarkdown: fc.Arbitrary<string> = fc.letrec((tie) => ({
  piece: fc.oneof(
    {weight: 5, arbitrary: word},
    {weight: 3, arbitrary: punctuation},
    {weight: 1, arbitrary: tie('words').map((text) => `*${text}*`)},
    {weight: 1, arbitrary: tie('words').map((text) => `**${text}**`)},
    {weight: 1, arbitrary: fc.tuple(tie('words'), word).map(([text, target]) => `[${text}](https://example.org/${target})`)},
    {weight: 1, arbitrary: word.map((code) => `\`${code}\``)}
  ),
  words: fc.array(word, {minLength: 1, maxLength: 3}).map((words) => words.join(' ')),
  line: fc.array(tie('piece'), {minLength: 1, maxLength: 8}).map((pieces) => (pieces as string[]).join(''))
})).line as fc.Arbitrary<string>

describe('XLIFF properties', () => {
  it('inline Markdown read and written back is byte-identical', () => {
    fc.assert(
      fc.property(fc.string({unit: 'grapheme', maxLength: 60}), inlineMarkdown, (anything, markdown) => {
        for (const value of [anything, markdown]) expect(inlineToMarkdown(inlineFromMarkdown(value))).toBe(value)
      }),
      {numRuns: 300}
    )
  })

  it('escaped anew, inline content reads back the same', () => {
    fc.assert(
      fc.property(inlineMarkdown, (markdown) => {
        const inlines = inlineFromMarkdown(markdown)
        const escaped = inlineToMarkdown(JSON.parse(JSON.stringify(inlines), (key, value) => (key === 'raw' ? undefined : value)))
        expect(inlineSignature(inlineFromMarkdown(escaped))).toBe(inlineSignature(inlines))
      }),
      {numRuns: 300}
    )
  })

  it('any translation exported and imported unchanged comes back byte-identical; a changed word comes back changed', () => {
    fc.assert(
      fc.property(inlineMarkdown.filter((markdown) => markdown.trim() !== ''), fc.constantFrom(...versions), (target, version) => {
        const article = exchangeArticle({id: 'a', title: 'T', date: '2022-10', lng: 'en', units: [{key: 's-000001', source: 'Le *chat*.', target, state: 'reviewed'}]})
        const xml = toXliff([article], {version})
        const {file, result} = importOf(xml, [article])
        expect(file.messages.map(String)).toEqual([])
        expect(result.articles[0]!.unchanged).toEqual([{key: 's-000001', state: 'reviewed', target}])
        const edited = xml.replace(/(<target[^>]*>)/, '$1Zz ')
        const changed = importOf(edited, [article]).result.articles[0]!
        if (changed.changed.length === 1) {
          expect(changed.changed[0]!.target.includes('Zz')).toBe(true)
          expect(inlineSignature(inlineFromMarkdown(changed.changed[0]!.target))).toBe(inlineSignature([{type: 'text', value: 'Zz '}, ...inlineFromMarkdown(target)]))
        } else {
          expect(changed.refused.map((unit) => unit.reason)).toEqual(['invalid-target'])
        }
      }),
      {numRuns: 150}
    )
  })
})
