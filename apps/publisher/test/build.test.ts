import fs from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildBriefs, type BuildResult} from '../src/index.js'
import {articleIds, copyCorpus, expectedSiteFiles, removeTempDirs, repositoryCorpus, snapshot, tempDir} from './helpers/corpus.js'

afterAll(removeTempDirs)

describe('building the repository corpus', () => {
  let corpus: string
  let out: string
  let ids: string[]
  let result: BuildResult

  beforeAll(async () => {
    corpus = await copyCorpus()
    out = await tempDir('site')
    ids = await articleIds(corpus)
    result = await buildBriefs({corpus, out})
  })

  it('writes a Markdown and an HTML brief per article and view (fr-en, fr-ru, fr-en-ru), the indexes and the feeds', async () => {
    expect(ids).toHaveLength(2)
    expect([...(await snapshot(out)).keys()]).toEqual(expectedSiteFiles(ids))
    expect(result).toMatchObject({briefs: 4, articles: 2, failed: false})
  })

  it('reports every segment translated and no message', () => {
    expect(result.missing).toBe(0)
    expect(result.files.flatMap((file) => file.messages.map(String))).toEqual([])
  })

  it('is deterministic: a second build into another folder is byte-identical', async () => {
    const again = await tempDir('site')
    await buildBriefs({corpus, out: again})
    expect(await snapshot(again)).toEqual(await snapshot(out))
  })

  it('rebuilds in place with the same bytes and no temporary file left behind', async () => {
    const before = await snapshot(out)
    const second = await buildBriefs({corpus, out})
    expect(second).toEqual(result)
    const after = await snapshot(out)
    expect([...after.keys()]).toEqual(expectedSiteFiles(ids))
    expect(after).toEqual(before)
  })

  it('leaves the corpus untouched', async () => {
    expect(await snapshot(corpus)).toEqual(await snapshot(repositoryCorpus))
  })
})

describe('building part of a site', () => {
  it('writes only the requested languages (no multilingual view for one), and indexes and feeds for them and French', async () => {
    const corpus = await copyCorpus()
    const out = await tempDir('site')
    const result = await buildBriefs({corpus, out, languages: ['ru']})
    const ids = await articleIds(corpus)
    expect(result).toMatchObject({briefs: ids.length, articles: ids.length, missing: 0, failed: false})
    expect([...(await snapshot(out)).keys()]).toEqual(expectedSiteFiles(ids, ['ru']))
    const index = await fs.readFile(path.join(out, 'index.md'), 'utf8')
    expect(index).toContain('Русский')
    expect(index).not.toContain('English')
    expect(index).not.toContain('fr-en')
  })

  it('drops the briefs of an article removed from the corpus, and nothing else', async () => {
    const corpus = await copyCorpus()
    const out = await tempDir('site')
    const [removed, ...kept] = await articleIds(corpus)
    await buildBriefs({corpus, out})
    // A file the build did not write stays, whatever folder it is in.
    await fs.writeFile(path.join(out, 'notes.txt'), 'kept\n')
    await fs.rm(path.join(corpus, 'articles', `${removed}.md`))

    const result = await buildBriefs({corpus, out})
    expect(result).toMatchObject({articles: kept.length, failed: false})
    expect([...(await snapshot(out)).keys()]).toEqual([...expectedSiteFiles(kept), 'notes.txt'].sort())
    expect(await fs.readFile(path.join(out, 'index.html'), 'utf8')).not.toContain(removed!)
  })

  it('builds empty indexes and feeds from a corpus without articles', async () => {
    const corpus = await tempDir('corpus')
    await fs.mkdir(path.join(corpus, 'articles'))
    await fs.writeFile(path.join(corpus, 'briefs.config.json'), '{\n  "languages": ["en", "ru"]\n}\n')
    const out = await tempDir('site')
    const result = await buildBriefs({corpus, out})
    expect(result).toMatchObject({briefs: 0, articles: 0, missing: 0, failed: false, files: []})
    expect([...(await snapshot(out)).keys()]).toEqual(expectedSiteFiles([]))
  })
})
