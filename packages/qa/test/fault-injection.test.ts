import fs from 'node:fs/promises'
import path from 'node:path'
import {corpusLayout, type TargetLanguage} from '@briefs/corpus'
import {afterAll, describe, expect, it} from 'vitest'
import {checkCorpus, ruleIds, type RuleId} from '../src/index.js'
import {copyCorpus, editResource, georgia, mobilisation, replaceInTranslation, rows, writeArticle} from './helpers.js'

/**
 * Fault injection: copies of the shipped corpus with one fault each. The
 * fault must make exactly its rule fire, on its segment, and nothing else
 * anywhere; the pristine corpus makes nothing fire. Precision (messages
 * that are the injected fault / all messages) and recall (faults found /
 * faults injected) are written to `test-output/fault-injection.md`.
 */
interface Injection {
  rule: RuleId
  lang: TargetLanguage
  article: string
  segment: string
  fault: string
  inject(corpus: string): Promise<void>
}

const replace = (lang: TargetLanguage, article: string, segment: string, from: string, to: string, rule: RuleId): Injection => ({
  rule,
  lang,
  article,
  segment,
  fault: `\`${from}\` → \`${to}\``,
  inject: (corpus) => replaceInTranslation(corpus, lang, article, segment, from, to)
})

const setValue = (lang: TargetLanguage, article: string, segment: string, value: string | undefined, rule: RuleId, fault: string): Injection => ({
  rule,
  lang,
  article,
  segment,
  fault,
  inject: (corpus) =>
    editResource(corpus, lang, article, (entries) => {
      if (value === undefined) delete entries[segment]
      else entries[segment] = value
    })
})

/**
 * Translate consecutive segments of a paragraph as one unit keyed by `key`: the segments' translations
 * joined, in place of the first, the others' keys removed.
 */
const mergeUnit = (lang: TargetLanguage, article: string, segments: string[], key: string, rule: RuleId, fault: string): Injection => ({
  rule,
  lang,
  article,
  segment: key,
  fault,
  inject: (corpus) =>
    editResource(corpus, lang, article, (entries) => {
      const merged = Object.entries(entries).flatMap(([id, value]): Array<[string, string]> =>
        id === segments[0] ? [[key, segments.map((segment) => entries[segment]).join(' ')]] : segments.includes(id) ? [] : [[id, value]]
      )
      for (const id of Object.keys(entries)) delete entries[id]
      Object.assign(entries, Object.fromEntries(merged))
    })
})

/** Add a paragraph repeating a French sentence of the article, translated as given. */
const repeatSentence = (article: string, french: string, translations: Partial<Record<TargetLanguage, string>>, lang: TargetLanguage): Injection => ({
  rule: 'inconsistent-translation',
  lang,
  article,
  segment: 'the repeated sentence',
  fault: `the French ${JSON.stringify(french)} repeated, translated differently in ${lang}`,
  async inject(corpus) {
    const file = corpusLayout(corpus).articleFile(article)
    const ids = await writeArticle(corpus, article, `${await fs.readFile(file, 'utf8')}\n${french}\n`)
    const added = ids.at(-1)!
    this.segment = added
    for (const lng of ['en', 'ru'] as const) await editResource(corpus, lng, article, (entries) => void (entries[added] = translations[lng]!))
  }
})

const injections: Injection[] = [
  setValue('en', georgia, 's-4de67c', undefined, 'missing-translation', 'key removed'),
  setValue('ru', mobilisation, 'title', undefined, 'missing-translation', 'title key removed'),
  setValue('ru', georgia, 's-65d3cf', '', 'empty-translation', 'empty string'),
  setValue('en', mobilisation, 's-01366c', '   ', 'empty-translation', 'blank value'),
  setValue('en', georgia, 's-000000', 'An old sentence, since rewritten.', 'orphan-translation', 'key of no segment added'),
  setValue('ru', mobilisation, 's-abcdef', 'Старое предложение.', 'orphan-translation', 'key of no segment added'),
  setValue('en', georgia, 's-4de67c', "Il n'a toutefois pas fourni d'éléments de comparaison avec la semaine précédente.", 'untranslated', 'French copied'),
  setValue('ru', mobilisation, 's-966006', 'Des rapports à travers la Russie ont vu des citoyens sans une telle expérience recevoir des papiers de conscription, entraînant un exode massif d’hommes en âge de servir.', 'untranslated', 'French copied'),
  setValue('en', mobilisation, 's-1c93ea', 'L’effort de mobilization intervient alors que Ukraine réalise des gains significatifs contre les forces d’occupation russes.', 'untranslated', 'French left with two words translated'),
  replace('en', georgia, 's-8db492', '11,200', '12,200', 'number-mismatch'),
  replace('ru', mobilisation, 's-dcd913', '300\u00a0000', '30\u00a0000', 'number-mismatch'),
  replace('en', georgia, 's-802e70', 'September 21', 'September 24', 'number-mismatch'),
  replace('ru', mobilisation, 's-86f56a', 'от пяти до шести тысяч', 'от пяти до семи тысяч', 'number-mismatch'),
  replace('en', mobilisation, 's-a397e0', 'two children', 'three children', 'number-mismatch'),
  replace('en', mobilisation, 's-dcd913', 'Shoigu', 'Shoygu', 'glossary-term'),
  replace('ru', georgia, 's-07dc6d', 'Токаев', 'Токаяев', 'glossary-term'),
  replace('en', georgia, 's-81b260', 'Kyiv', 'Kiev', 'glossary-term'),
  replace('ru', mobilisation, 's-3b2ebd', 'Донецкой', 'Донской', 'glossary-term'),
  replace('en', georgia, 's-53b3eb', 'safety,” he added', 'safety, he added', 'quote-balance'),
  replace('ru', mobilisation, 's-86f56a', '[из России]', '[из России', 'quote-balance'),
  replace('en', georgia, 's-d843d0', '“tense situation”', '«tense situation»', 'quote-style'),
  replace('ru', georgia, 's-65d3cf', '«мобилизационного военного комиссариата»', '“мобилизационного военного комиссариата”', 'quote-style'),
  replace('en', mobilisation, 's-3d73b8', 'For what?”', 'For what.”', 'end-punctuation'),
  replace('ru', georgia, 's-4de67c', 'не привело.', 'не привело!', 'end-punctuation'),
  replace('en', georgia, 's-33a03e', 'Kazakhstan, a former', '*Kazakhstan*, a former', 'markup-parity'),
  replace('ru', mobilisation, 's-7af317', 'агентству «Рейтер»', 'агентству [«Рейтер»](https://www.reuters.com/)', 'markup-parity'),
  setValue('en', georgia, 's-b2196b', 'Russia invaded Ukraine.', 'length-ratio', 'translation cut to its first three words'),
  replace(
    'ru',
    mobilisation,
    's-f2129d',
    'воевать с Украиной.',
    'воевать с Украиной, и подолгу рассказывали журналистам о своих семьях, о работе, о друзьях, которых им пришлось оставить, и о том, как тяжело им далось решение уехать из родного города.',
    'length-ratio'
  ),
  setValue('en', georgia, 's-f6e228+s-f6e228', '“The territorial integrity of a state must be inalienable; this is a key principle,” he noted.', 'invalid-unit', 'a unit key naming a segment twice'),
  mergeUnit('en', georgia, ['s-81b260', 's-f6e228', 's-8a2277'], 's-81b260+s-8a2277', 'unit-segments', 'a unit over three sentences keyed by the first and the last only'),
  replace('en', mobilisation, 's-01366c', 'respond to', 'respond  to', 'whitespace'),
  replace('ru', georgia, 's-1a2984', 'заявил Токаев.', 'заявил Токаев. ', 'whitespace'),
  replace('en', mobilisation, 's-069025', 'why?”', 'why ?”', 'whitespace'),
  repeatSentence(georgia, '"Nous devons nous occuper d\'eux, assurer leur sécurité", a-t-il ajouté.', {en: '“We must look after them and keep them safe,” he added.', ru: '«Мы должны позаботиться о них, обеспечить их безопасность», — добавил он.'}, 'en'),
  repeatSentence(mobilisation, 'Plus de 100 000 hommes ont fui vers le seul Kazakhstan.', {en: 'More than 100,000 men have fled to Kazakhstan alone.', ru: 'Более 100 000 мужчин бежали в один только Казахстан.'}, 'ru'),
  replace('en', mobilisation, 's-7f4bd6', 'thousands of square kilometers', 'some 5,000 square kilometers', 'cross-language'),
  replace('ru', mobilisation, 's-7f4bd6', 'тысячи квадратных километров', 'около 4 000 квадратных километров', 'cross-language')
]

interface Outcome {
  injection: Injection
  found: boolean
  messages: number
  intended: number
}

const outcomes: Outcome[] = []

describe('fault injection on copies of the shipped corpus', () => {
  it('the pristine corpus makes no rule fire', async () => {
    const result = await checkCorpus({corpus: await copyCorpus()})
    expect(rows(result)).toEqual([])
    expect(result.pairs).toBe(72)
  })

  for (const injection of injections) {
    it(`${injection.rule}: ${injection.lang} ${injection.article.slice(0, 7)} ${injection.segment}, ${injection.fault}`, async () => {
      const corpus = await copyCorpus()
      await injection.inject(corpus)
      const messages = rows(await checkCorpus({corpus}))
      // Cross-language is about both translations: it may speak in either.
      const intended = messages.filter((row) => row.rule === injection.rule && row.article === injection.article && row.segment === injection.segment && (row.lang === injection.lang || injection.rule === 'cross-language'))
      outcomes.push({injection, found: intended.length > 0, messages: messages.length, intended: intended.length})
      expect(messages.filter((row) => !intended.includes(row))).toEqual([])
      expect(intended.length).toBeGreaterThan(0)
    })
  }

  it('covers every rule about translations', () => {
    const covered = new Set(injections.map((injection) => injection.rule))
    expect(ruleIds.filter((rule) => rule !== 'invalid-glossary' && !covered.has(rule))).toEqual([])
  })

  afterAll(async () => {
    const lines = ['| rule | faults | found | messages | on the fault | precision | recall |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |']
    const total = {faults: 0, found: 0, messages: 0, intended: 0}
    for (const rule of ruleIds) {
      const own = outcomes.filter((outcome) => outcome.injection.rule === rule)
      if (own.length === 0) continue
      const row = {faults: own.length, found: own.filter((outcome) => outcome.found).length, messages: own.reduce((sum, outcome) => sum + outcome.messages, 0), intended: own.reduce((sum, outcome) => sum + outcome.intended, 0)}
      for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += row[key]
      lines.push(`| \`${rule}\` | ${row.faults} | ${row.found} | ${row.messages} | ${row.intended} | ${ratio(row.intended, row.messages)} | ${ratio(row.found, row.faults)} |`)
    }
    lines.push(`| **all** | ${total.faults} | ${total.found} | ${total.messages} | ${total.intended} | ${ratio(total.intended, total.messages)} | ${ratio(total.found, total.faults)} |`)
    const output = new URL('../test-output/', import.meta.url)
    await fs.mkdir(output, {recursive: true})
    await fs.writeFile(path.join(output.pathname, 'fault-injection.md'), `# Fault injection\n\n${lines.join('\n')}\n`)
  })
})

function ratio(part: number, whole: number): string {
  return whole === 0 ? '—' : (part / whole).toFixed(2)
}
