import fs from 'node:fs/promises'
import path from 'node:path'
import {corpusLayout, loadArticle, readResource} from '@briefs/corpus'
import {describe, expect, it} from 'vitest'
import {VFileMessage} from 'vfile-message'
import {checkArticle, checkCorpus, findForm, readGlossary, rules} from '../src/index.js'
import {words} from '@briefs/languages'
import {copyCorpus, editResource, georgia, mobilisation, replaceInTranslation, rows, shippedCorpus} from './helpers.js'

describe('checkCorpus', () => {
  it('reports a finding as a vfile message on the resource, at the translation, with the French place and data', async () => {
    const corpus = await copyCorpus()
    await replaceInTranslation(corpus, 'en', georgia, 's-8db492', '11,200', '12,200')
    const result = await checkCorpus({corpus})
    expect(result).toMatchObject({errors: 1, warnings: 0, pairs: 72, segments: 72})
    const [file] = result.files
    expect(file!.path).toBe(corpusLayout(corpus).resourceFile('en', georgia))
    const [message] = file!.messages
    expect(message).toMatchObject({
      ruleId: 'number-mismatch',
      source: 'briefs',
      fatal: true,
      place: {start: {line: 6, column: 88}, end: {line: 6, column: 94}},
      data: {article: georgia, lang: 'en', segment: 's-8db492', french: {file: `corpus/articles/${georgia}.md`, line: 16, column: 164}}
    })
    expect(message!.reason).toBe(`Unexpected \`12,200\` in the translation, expected 11,200 (\`11.200\` in the French) (French: corpus/articles/${georgia}.md:16:164)`)
    const text = await fs.readFile(file!.path, 'utf8')
    expect(text.split('\n')[5]!.slice(87, 93)).toBe('12,200')
    const french = await fs.readFile(corpusLayout(corpus).articleFile(georgia), 'utf8')
    expect(french.split('\n')[15]!.slice(163)).toMatch(/^"Le nombre a augmenté/)
  })

  it('places the French of a sentence and of the title', async () => {
    const corpus = await copyCorpus()
    await editResource(corpus, 'ru', mobilisation, (entries) => {
      entries.title = `${entries.title}  `
      entries['s-3b2ebd'] = `${entries['s-3b2ebd']} `
    })
    const messages = (await checkCorpus({corpus})).files.flatMap((file) => file.messages)
    expect(messages.map((message) => message.data?.french)).toEqual([
      {file: `corpus/articles/${mobilisation}.md`, line: 5, column: 8},
      {file: `corpus/articles/${mobilisation}.md`, line: 32, column: 1}
    ])
    expect(messages.every((message) => message.fatal === false && message.ruleId === 'whitespace')).toBe(true)
  })

  it('checks only the articles and languages asked for, and refuses an unknown article', async () => {
    const corpus = await copyCorpus()
    await replaceInTranslation(corpus, 'en', georgia, 's-8db492', '11,200', '12,200')
    await replaceInTranslation(corpus, 'ru', mobilisation, 's-dcd913', '300\u00a0000', '30\u00a0000')
    expect(rows(await checkCorpus({corpus, articles: [mobilisation]})).map((row) => row.segment)).toEqual(['s-dcd913'])
    expect(rows(await checkCorpus({corpus, languages: ['en']})).map((row) => row.segment)).toEqual(['s-8db492'])
    expect(rows(await checkArticle({corpus, article: georgia, languages: ['ru']}))).toEqual([])
    await expect(checkCorpus({corpus, articles: ['2099-01-nope']})).rejects.toThrow(VFileMessage)
    await expect(checkCorpus({corpus, articles: ['2099-01-nope']})).rejects.toThrow('Unexpected article `2099-01-nope`')
  })

  it('reports a resource that is not valid JSON once, with its place, and checks the rest', async () => {
    const corpus = await copyCorpus()
    const file = corpusLayout(corpus).resourceFile('en', georgia)
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('"title":', '"title"'))
    await replaceInTranslation(corpus, 'ru', georgia, 's-802e70', '98\u00a0000', '89\u00a0000')
    const result = await checkCorpus({corpus})
    expect(result.files.map((vfile) => path.relative(corpus, vfile.path))).toEqual([`locales/en/${georgia}.json`, `locales/ru/${georgia}.json`])
    expect(result.files[0]!.messages.map((message) => [message.ruleId, message.line, message.column, message.fatal])).toEqual([['invalid-json', 2, 11, true]])
    expect(result.files[1]!.messages.map((message) => message.ruleId)).toEqual(['number-mismatch'])
  })

  it('passes on the messages of an article, such as an outdated segment map', async () => {
    const corpus = await copyCorpus()
    const file = corpusLayout(corpus).articleFile(georgia)
    await fs.writeFile(file, `${await fs.readFile(file, 'utf8')}\nUne phrase ajoutée sans synchronisation.\n`)
    const result = await checkCorpus({corpus, languages: ['en']})
    expect(result.files.map((vfile) => [path.relative(corpus, vfile.path), vfile.messages.map((message) => message.ruleId)])).toEqual([
      [`articles/${georgia}.md`, ['segment-map']],
      [`locales/en/${georgia}.json`, ['missing-translation']]
    ])
  })

  it('reads no glossary when there is none, and checks the rest', async () => {
    const corpus = await copyCorpus()
    await fs.rm(path.join(corpus, 'glossary.json'))
    await replaceInTranslation(corpus, 'en', mobilisation, 's-dcd913', 'Shoigu', 'Shoygu')
    expect(rows(await checkCorpus({corpus}))).toEqual([])
  })
})

describe('the shipped glossary', () => {
  it('is valid, and every term is in the corpus French with its forms in both translations', async () => {
    const glossary = await readGlossary(shippedCorpus, ['en', 'ru'])
    expect(glossary.files.flatMap((file) => file.messages)).toEqual([])
    expect(glossary.terms.length).toBeGreaterThanOrEqual(25)
    const layout = corpusLayout(shippedCorpus)
    const french: string[] = []
    const translations: Record<'en' | 'ru', string[]> = {en: [], ru: []}
    for (const id of [georgia, mobilisation]) {
      const article = await loadArticle(layout, id)
      french.push(...article.segments.map((segment) => segment.text))
      for (const lng of ['en', 'ru'] as const) translations[lng].push(...[...(await readResource(layout, lng, id))!.entries.values()].map((entry) => entry.value))
    }
    for (const term of glossary.terms) {
      expect(term.fr.some((form) => french.some((text) => findForm(words(text, 'fr'), form, 'fr'))), term.fr[0]).toBe(true)
      for (const lng of ['en', 'ru'] as const) {
        expect(term.forms.get(lng)!.some((form) => translations[lng].some((text) => findForm(words(text, lng), form, lng))), `${term.fr[0]} in ${lng}`).toBe(true)
      }
    }
  })

  it('is 2-space JSON with a trailing newline', async () => {
    const text = await fs.readFile(path.join(shippedCorpus, 'glossary.json'), 'utf8')
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`)
  })
})

describe('rules', () => {
  it('gives every rule a severity: errors for what is surely wrong, warnings for heuristics', () => {
    expect(Object.entries(rules).filter(([, rule]) => rule.severity === 'warning').map(([id]) => id)).toEqual([
      'quote-style',
      'end-punctuation',
      'length-ratio',
      'whitespace',
      'inconsistent-translation',
      'cross-language'
    ])
  })
})

describe('rule settings in briefs.config.json', () => {
  it('turn a rule off, change its severity, and name an unknown rule at its place', async () => {
    const corpus = await copyCorpus()
    await fs.writeFile(path.join(corpus, 'briefs.config.json'), '{\n  "languages": ["en", "ru"],\n  "rules": {\n    "quote-style": "off",\n    "end-punctuation": "error",\n    "no-such-rule": "warning"\n  }\n}\n')
    await replaceInTranslation(corpus, 'en', mobilisation, 's-3d73b8', 'For what?”', 'For what.”')
    await replaceInTranslation(corpus, 'en', georgia, 's-d843d0', '“tense situation”', '«tense situation»')
    const result = await checkCorpus({corpus})
    const found = rows(result).map((row) => [row.rule, row.severity, row.segment])
    expect(found).toEqual([
      ['corpus-config', 'error', undefined],
      ['end-punctuation', 'error', 's-3d73b8']
    ])
    const [config] = result.files
    expect(config!.path).toBe(path.join(corpus, 'briefs.config.json'))
    expect(config!.messages[0]!.reason).toMatch(/^Unexpected rule `no-such-rule`, expected one of `missing-translation`/)
    expect([config!.messages[0]!.line, config!.messages[0]!.column]).toEqual([6, 5])
    const endPunctuation = result.files[1]!.messages[0]!
    expect(endPunctuation.url).toBe('packages/qa/README.md#end-punctuation')
  })
})
