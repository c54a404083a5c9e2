import {describe, expect, it} from 'vitest'
import {corpusLayout, listArticleIds, loadArticle, readCorpusConfig, readResource, Translations} from '../src/index.js'
import {repositoryCorpus} from './helpers.js'

describe('the shipped corpus through the i18next runtime', () => {
  it('has an English and a Russian translation for every segment of every article, and nothing else', async () => {
    const layout = corpusLayout(repositoryCorpus)
    const ids = await listArticleIds(layout)
    expect(ids).toHaveLength(2)
    const translations = new Translations()
    for (const id of ids) {
      const article = await loadArticle(layout, id)
      expect(article.segmentMapOutdated).toBe(false)
      for (const lng of (await readCorpusConfig(layout)).languages) {
        const resource = await readResource(layout, lng, id)
        expect(resource, `${lng}/${id}.json`).toBeDefined()
        translations.load(resource!)
        for (const segment of article.segments) {
          const value = translations.get(lng, id, segment.id)
          expect(value, `${lng} ${id} ${segment.id}`).toBeTypeOf('string')
          expect(value!.trim()).not.toBe('')
          // The plain i18next API sees the same namespace and key.
          expect(translations.i18n.t(segment.id, {lng, ns: id})).toBe(value)
          expect(translations.i18n.exists(segment.id, {lng, ns: id})).toBe(true)
        }
        expect([...resource!.entries.keys()]).toEqual(article.segments.map((segment) => segment.id))
      }
    }
  })

  it('keeps translator text literal: no interpolation, nesting or key splitting', () => {
    const translations = new Translations()
    translations.load({
      lng: 'en',
      namespace: 'article',
      file: undefined as never,
      entries: new Map([['s-abc123', {value: 'He said {{name}} and $t(other): 10.5%', keyNode: undefined as never, valueNode: undefined as never}]])
    })
    expect(translations.get('en', 'article', 's-abc123')).toBe('He said {{name}} and $t(other): 10.5%')
    expect(translations.get('en', 'article', 's-missing')).toBeUndefined()
    expect(translations.get('ru', 'article', 's-abc123')).toBeUndefined()
    translations.unload('en', 'article')
    expect(translations.get('en', 'article', 's-abc123')).toBeUndefined()
  })

  it('holds a translation unit over two sentences under one key, read as any other', () => {
    const translations = new Translations()
    const value = 'Georgia and Kazakhstan, two of Russia’s neighbors, saw arrivals nearly double.'
    translations.load({lng: 'en', namespace: 'article', file: undefined as never, entries: new Map([['s-abc123+s-def456', {value, keyNode: undefined as never, valueNode: undefined as never}]])})
    expect(translations.get('en', 'article', 's-abc123+s-def456')).toBe(value)
    expect(translations.i18n.t('s-abc123+s-def456', {lng: 'en', ns: 'article'})).toBe(value)
    expect(translations.i18n.exists('s-abc123', {lng: 'en', ns: 'article'})).toBe(false)
  })

  it('uses established name forms and each language’s number and quotation conventions', async () => {
    const layout = corpusLayout(repositoryCorpus)
    const en = JSON.stringify([...(await readResource(layout, 'en', '2022-09-la-georgie-et-le-kazakhstan-deux-pays'))!.entries.values()].map((entry) => entry.value))
    const ru = JSON.stringify([...(await readResource(layout, 'ru', '2022-09-la-georgie-et-le-kazakhstan-deux-pays'))!.entries.values()].map((entry) => entry.value))
    expect(en).toContain('10,000')
    expect(en).toContain('11,200')
    expect(en).toContain('Tokayev')
    expect(en).toContain('Upper Lars')
    expect(en).toContain('“')
    expect(ru).toContain('10\u00a0000')
    expect(ru).toContain('Токаев')
    expect(ru).toContain('Верхний Ларс')
    expect(ru).toContain('«')
    const enOther = JSON.stringify([...(await readResource(layout, 'en', '2022-10-plus-de-200-000-citoyens-russes-ont-ete'))!.entries.values()].map((entry) => entry.value))
    expect(enOther).toContain('Donetsk')
    expect(enOther).not.toContain('Dontesk')
    expect(enOther).toContain('[from Russia]')
    expect(enOther).toContain('Shoigu')
  })
})
