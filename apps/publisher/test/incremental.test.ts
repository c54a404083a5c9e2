import fs from 'node:fs/promises'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {buildBriefs, buildIndex} from '../src/index.js'
import {copyCorpus, removeTempDirs, snapshot, tempDir} from './helpers/corpus.js'

afterAll(removeTempDirs)

const georgia = '2022-09-la-georgie-et-le-kazakhstan-deux-pays'

/** The shipped corpus and the hostile-text fixture: three articles, edge cases included. */
const corpusForBuilds = () => copyCorpus('hostile-text')

async function site(options: Parameters<typeof buildBriefs>[0]) {
  const result = await buildBriefs(options)
  return {result, files: await snapshot(options.out)}
}

describe('incremental and parallel builds', () => {
  it('write the same bytes with and without the cache, on one thread or two', async () => {
    const corpus = await corpusForBuilds()
    const plain = await site({corpus, out: await tempDir('site'), workers: 1})
    const parallel = await site({corpus, out: await tempDir('site'), workers: 2})
    const cache = await tempDir('cache')
    const out = await tempDir('site')
    const cold = await site({corpus, out, workers: 2, cacheDir: cache})
    const warm = await site({corpus, out, workers: 1, cacheDir: cache})
    expect(plain.files.size).toBe(3 * 6 + 7)
    expect(parallel.files).toEqual(plain.files)
    expect(cold.files).toEqual(plain.files)
    expect(warm.files).toEqual(plain.files)
    expect([cold.result.cached, warm.result.cached]).toEqual([0, 3])
    // The cache replays each article's messages: a warm build reports what a cold one does.
    const reported = (result: typeof plain.result) => result.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.reason}`))
    expect(reported(warm.result)).toEqual(reported(plain.result))
    expect({...warm.result, files: [], cached: 0}).toEqual({...plain.result, files: [], cached: 0})
  })

  it('rebuilds exactly the articles whose French, translation or review changed', async () => {
    const corpus = await corpusForBuilds()
    const cache = await tempDir('cache')
    const out = await tempDir('site')
    await buildBriefs({corpus, out, cacheDir: cache})
    // Touched but unchanged: content-addressed, still cached.
    const article = path.join(corpus, 'articles', `${georgia}.md`)
    const text = await fs.readFile(article, 'utf8')
    await fs.writeFile(article, text)
    expect((await buildBriefs({corpus, out, cacheDir: cache})).cached).toBe(3)
    // One translation changed: that article only.
    const resource = path.join(corpus, 'locales', 'ru', `${georgia}.json`)
    await fs.writeFile(resource, (await fs.readFile(resource, 'utf8')).replace('Однако данных', 'Впрочем, данных'))
    const afterTranslation = await buildBriefs({corpus, out, cacheDir: cache})
    expect(afterTranslation.cached).toBe(2)
    expect(afterTranslation.stale).toBe(1)
    // A review ledger changed: that article only.
    const ledger = path.join(corpus, 'reviews', 'en', `${georgia}.json`)
    const entries = JSON.parse(await fs.readFile(ledger, 'utf8'))
    delete entries['s-4de67c']
    await fs.writeFile(ledger, `${JSON.stringify(entries, null, 2)}\n`)
    expect((await buildBriefs({corpus, out, cacheDir: cache})).cached).toBe(2)
    // A brief deleted or edited in the site: rebuilt.
    await fs.rm(path.join(out, georgia, 'fr-en.html'))
    expect((await buildBriefs({corpus, out, cacheDir: cache})).cached).toBe(2)
    await fs.appendFile(path.join(out, georgia, 'fr-ru.md'), 'edited by hand\n')
    expect((await buildBriefs({corpus, out, cacheDir: cache})).cached).toBe(2)
    // And the result is still what a cold build writes.
    expect(await snapshot(out)).toEqual((await site({corpus, out: await tempDir('site'), workers: 1})).files)
  })

  it('is invalidated whole by another renderer, and by other build settings', async () => {
    const corpus = await corpusForBuilds()
    const cache = await tempDir('cache')
    const out = await tempDir('site')
    await buildBriefs({corpus, out, cacheDir: cache})
    const manifestFile = path.join(cache, 'manifest.json')
    const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8'))
    expect(manifest.renderer).toMatch(/^[0-9a-f]{64}$/)
    await fs.writeFile(manifestFile, JSON.stringify({...manifest, renderer: 'an older renderer'}))
    expect((await buildBriefs({corpus, out, cacheDir: cache})).cached).toBe(0)
    expect((await buildBriefs({corpus, out, cacheDir: cache})).cached).toBe(3)
    expect((await buildBriefs({corpus, out, cacheDir: cache, onlyReviewed: true})).cached).toBe(0)
    await fs.writeFile(manifestFile, '{not json')
    expect((await buildBriefs({corpus, out, cacheDir: cache})).cached).toBe(0)
  })

  it('builds in shards whose single index step gives the site a full build gives', async () => {
    const corpus = await corpusForBuilds()
    const full = await site({corpus, out: await tempDir('site'), workers: 1})
    const out = await tempDir('site')
    const shards = [1, 2].map((index) => buildBriefs({corpus, out, shard: {index, count: 2}}))
    const results = await Promise.all(shards)
    expect(results.map((result) => result.articles)).toEqual([2, 1])
    const missing = await buildIndex({out: await tempDir('site'), shards: 2})
    expect(missing.failed).toBe(true)
    expect(missing.files[0]!.messages[0]!.reason).toBe('Unexpected missing shard 1 of 2, expected every shard built before the index')
    expect(await buildIndex({out, shards: 2})).toEqual({articles: 3, files: [], failed: false})
    const files = await snapshot(out)
    for (const name of [...files.keys()].filter((name) => name.startsWith('.shards/'))) files.delete(name)
    expect(files).toEqual(full.files)
  })
})
