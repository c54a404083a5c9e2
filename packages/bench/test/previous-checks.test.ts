import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {corpusLayout, parseArticle, stringifyJson, stringifySegmentMap} from '@briefs/corpus'
import {checkCorpus, type CheckResult} from '@briefs/qa'
import {VFile} from 'vfile'
import {afterAll, describe, expect, it} from 'vitest'
import {articleId, generateCorpus} from '../src/generate.js'

const temporary: string[] = []
afterAll(() => {
  for (const directory of temporary.splice(0)) fs.rmSync(directory, {recursive: true, force: true})
})

type Entries = Record<string, string>
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Entries

/**
 * A generated corpus with what the corpus-wide rules find planted in it:
 * the same French sentence in several articles, translated alike or not;
 * translations padded or cut (length outliers); translations that disagree
 * on a French approximation (`une vingtaine`); a unit over two sentences,
 * an orphan key, a broken resource.
 */
function plantedCorpus(size: number): string {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'briefs-bench-checks-'))
  temporary.push(work)
  const {corpus} = generateCorpus(work, size)
  const layout = corpusLayout(corpus)
  const shared = ['Le gouvernement a annoncé une réunion officielle à Moscou.', 'Une vingtaine de personnes ont été arrêtées à Tbilissi.', 'Le rapport sera publié la semaine prochaine.']
  for (let index = 0; index < size; index += 3) {
    const id = articleId(index)
    const sentence = shared[(index / 3) % shared.length]!
    const markdown = fs.readFileSync(layout.articleFile(id), 'utf8').replace(/\n\n(?=[^\n]+\n*$)/, `\n\n${sentence}\n\n`)
    const map = JSON.parse(fs.readFileSync(layout.segmentMapFile(id), 'utf8')) as Parameters<typeof parseArticle>[1]
    const article = parseArticle(new VFile({path: layout.articleFile(id), value: markdown}), map)
    fs.writeFileSync(layout.articleFile(id), markdown)
    fs.writeFileSync(layout.segmentMapFile(id), stringifySegmentMap(article.segmentMap))
    const added = article.segments.find((segment) => segment.text === sentence)!.id
    for (const lng of ['en', 'ru'] as const) {
      const entries = readJson(layout.resourceFile(lng, id))
      // Mostly alike; every fourth time another wording, and twenty in words or in digits for the approximation.
      const variant = index % 4 === 3 ? 'b' : 'a'
      entries[added] =
        lng === 'en'
          ? sentence.startsWith('Une vingtaine')
            ? 'About 20 people were arrested in Tbilisi.'
            : `Translated ${variant} ${index % 3}.`
          : sentence.startsWith('Une vingtaine')
            ? variant === 'a'
              ? 'Около двадцати человек были задержаны в Тбилиси.'
              : 'Около тридцати человек были задержаны в Тбилиси.'
            : `Перевод ${variant} ${index % 3}.`
      const keys = Object.keys(entries)
      // A padded translation, a cut one.
      if (index % 9 === 0) entries[keys[2]!] = `${entries[keys[2]!]!} ${entries[keys[2]!]!} ${entries[keys[2]!]!}`
      if (index % 9 === 3) entries[keys[3]!] = entries[keys[3]!]!.split(' ').slice(0, 3).join(' ')
      if (index % 12 === 6) entries['s-000000'] = 'An orphan.'
      fs.writeFileSync(layout.resourceFile(lng, id), stringifyJson(entries))
    }
  }
  // A unit over two sentences, and a resource that is not JSON.
  const unitArticle = articleId(1)
  const entries = readJson(layout.resourceFile('en', unitArticle))
  const [, first, second] = Object.keys(entries)
  const merged: Entries = {}
  for (const [key, value] of Object.entries(entries)) {
    if (key === first) merged[`${first}+${second}`] = `${value} ${entries[second!]}`
    else if (key !== second) merged[key] = value
  }
  fs.writeFileSync(layout.resourceFile('en', unitArticle), stringifyJson(merged))
  fs.writeFileSync(layout.resourceFile('ru', articleId(2)), '{"title": "broken",\n')
  return corpus
}

/** Every message of a check, as the JSON output shows them, paths relative to the corpus. */
function shown(corpus: string, result: CheckResult) {
  return {
    counts: {errors: result.errors, warnings: result.warnings, pairs: result.pairs, segments: result.segments},
    files: result.files.map((file) => ({
      file: path.relative(corpus, file.path),
      messages: file.messages.map((message) => ({
        place: message.place,
        ruleId: message.ruleId,
        source: message.source,
        url: message.url,
        fatal: message.fatal,
        data: message.data,
        reason: message.reason
      }))
    }))
  }
}

/**
 * What the checks find, as the previous implementation (which held every
 * bitext in memory) found it, kept in `test/fixtures/previous-checks/`
 * (`UPDATE=1` writes the current one's).
 */
describe('the checks, message for message as the previous implementation gave them', () => {
  it('on a generated corpus with the corpus-wide findings planted, for all, some articles, some languages', {timeout: 300_000}, async () => {
    const corpus = plantedCorpus(48)
    const runs = {
      all: await checkCorpus({corpus}),
      some: await checkCorpus({corpus, articles: [articleId(0), articleId(3), articleId(7)]}),
      ru: await checkCorpus({corpus, languages: ['ru']}),
      approve: await checkCorpus({corpus, articles: [articleId(3)], languages: ['en'], corpusWide: false})
    }
    const actual = Object.fromEntries(Object.entries(runs).map(([name, result]) => [name, shown(corpus, result)]))
    const expectedFile = path.join(import.meta.dirname, 'fixtures', 'previous-checks', 'planted-48.json')
    if (process.env.UPDATE) fs.writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`)
    const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as typeof actual
    // The planted findings are there.
    const rules = new Set(expected.all!.files.flatMap((file) => file.messages.map((message) => message.ruleId)))
    for (const rule of ['inconsistent-translation', 'length-ratio', 'cross-language', 'orphan-translation', 'invalid-json', 'number-mismatch']) expect(rules).toContain(rule)
    expect(actual).toEqual(expected)
  })
})
