import fs from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {importXliff, toTmx, toXliff, type ExchangeArticle} from '../src/index.js'
import {corpusArticles} from './corpus.js'
import {hasTool, hasTranslateToolkit, requireInCi, run, tempDir, tools, xmllint} from './helpers.js'

const hasOmegat = hasTool(tools.omegat) && hasTool(tools.java)
requireInCi('translate-toolkit (python3-translate)', hasTranslateToolkit, 'apt-get install python3-translate')
requireInCi('OmegaT', hasOmegat, 'apt-get install omegat')
requireInCi('xmllint (libxml2-utils)', hasTool(tools.xmllint), 'apt-get install libxml2-utils')

describe.skipIf(!hasTool(tools.xmllint))('the shipped corpus against the OASIS schemas and the TMX DTD', () => {
  for (const lng of ['en', 'ru'] as const) {
    it(`${lng}: XLIFF 1.2 strict, XLIFF 2.0 core and TMX 1.4b are valid`, async () => {
      const articles = await corpusArticles(lng)
      expect(xmllint(toXliff(articles, {version: '1.2'}), 'xliff-core-1.2-strict.xsd')).toBe('')
      expect(xmllint(toXliff(articles, {version: '2.0'}), 'xliff-core-2.0.xsd')).toBe('')
      expect(xmllint(toXliff(articles, {version: '2.0', missingTargets: 'source'}), 'xliff-core-2.0.xsd')).toBe('')
      const tmx = toTmx(articles)
      expect(tmx).toContain('<tu ')
      expect(xmllint(tmx, 'tmx14.dtd')).toBe('')
    })
  }
})

// translate-toolkit's own XLIFF reader, through Debian's python (the pyenv python on PATH cannot import it).
const readWithTranslateToolkit = `
import json, sys
from translate.storage import factory
store = factory.getobject(sys.argv[1])
units = [u for u in store.units if not u.isheader()]
print(json.dumps([{"id": u.getid(), "source": u.source, "target": u.target, "approved": u.isapproved(), "notes": u.getnotes()} for u in units], ensure_ascii=False))
`

describe.skipIf(!hasTranslateToolkit)('translate-toolkit reads the XLIFF 1.2 export', () => {
  it('with every unit, its French, its translation, its approval and its notes', async () => {
    const articles = await corpusArticles('ru')
    const dir = await tempDir('ttk')
    const xliffFile = path.join(dir, 'corpus.xlf')
    await fs.writeFile(xliffFile, toXliff(articles, {version: '1.2'}))
    const units = JSON.parse(run(tools.python, ['-c', readWithTranslateToolkit, xliffFile])) as Array<{id: string; source: string; target: string; approved: boolean; notes: string}>
    const expected = articles.flatMap((article) => article.units.map((unit) => ({article, unit})))
    expect(units).toHaveLength(expected.length)
    units.forEach((read, index) => {
      const {article, unit} = expected[index]!
      expect(read.id).toBe(`${article.id}\u0004${unit.key}`)
      expect(read.source).toBe(unit.sourceText)
      expect(read.target).toBe(unit.state === 'missing' ? '' : unit.target)
      expect(read.approved).toBe(unit.state === 'reviewed')
      expect(read.notes).toContain(`${article.title} (${article.date})`)
    })
    await fs.rm(dir, {recursive: true, force: true})
  })
})

const omegatProject = (sourceLang: string, targetLang: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <source_dir_excludes/>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>${sourceLang}</source_lang>
    <target_lang>${targetLang}</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneFrenchTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
`

/** Translate a project in OmegaT's console mode, its settings kept in the project's folder. */
async function omegatTranslate(project: string): Promise<void> {
  run(tools.java, ['-Djava.awt.headless=true', `-Duser.home=${project}/home`, '-jar', tools.omegat, project, '--mode=console-translate'])
}

// OmegaT 3.6's own XLIFF filter (Debian's omegat has no Okapi plugin) leaves our XLIFF 2.0 untranslated (see the README): 1.2 only.
describe.skipIf(!hasOmegat)('OmegaT 3.6 translates the XLIFF 1.2 export from the TMX memory, and the import takes it back', () => {
  it('the units of untranslated articles come back with the shipped translations, as drafts', async () => {
    const version = '1.2'
    const shipped = await corpusArticles('en')
    // The same French, not translated yet: what OmegaT's memory must fill.
    const untranslated: ExchangeArticle[] = shipped.map((article) => ({
      ...article,
      units: article.units.map(({target: _target, reviewer: _reviewer, approvedOn: _approvedOn, staleReason: _reason, staleSourceDiff: _diff, ...unit}) => ({...unit, state: 'missing' as const}))
    }))
    const project = await tempDir('omegat')
    for (const folder of ['source', 'target', 'tm/auto', 'glossary', 'dictionary', 'omegat', 'home']) await fs.mkdir(path.join(project, folder), {recursive: true})
    await fs.writeFile(path.join(project, 'omegat.project'), omegatProject('fr', 'en'))
    // OmegaT's own XLIFF filter translates the text of `<target>`: missing targets go out as a copy of the French.
    await fs.writeFile(path.join(project, 'source', 'corpus.xlf'), toXliff(untranslated, {version, missingTargets: 'source'}))
    // TMX in tm/auto is applied by OmegaT on its own: its 100% matches become translations.
    await fs.writeFile(path.join(project, 'tm/auto', 'briefs.tmx'), toTmx(shipped))
    await omegatTranslate(project)
    const translated = await fs.readFile(path.join(project, 'target', 'corpus.xlf'), 'utf8')
    const file = new VFile({path: 'corpus.xlf', value: translated})
    const result = importXliff(file, untranslated)
    expect(file.messages.map(String)).toEqual([])
    const reviewed = shipped.flatMap((article) => article.units.filter((unit) => unit.state === 'reviewed').map((unit) => ({article: article.id, key: unit.key, target: unit.target})))
    expect(reviewed.length).toBeGreaterThan(10)
    const changed = result.articles.flatMap((article) => article.changed.map((unit) => ({article: article.id, key: unit.key, target: unit.target, state: unit.state})))
    expect(changed).toEqual(reviewed.map((unit) => ({...unit, state: 'draft'})))
    expect(result.articles.flatMap((article) => article.refused)).toEqual([])
    await fs.rm(project, {recursive: true, force: true})
  })
})
