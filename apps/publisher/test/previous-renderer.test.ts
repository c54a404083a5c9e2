import {createHash} from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {buildBriefs} from '../src/index.js'
import {writeAttackCorpus} from './helpers/attack-corpus.js'
import {copyCorpus, fixturesDir, removeTempDirs, snapshot, tempDir} from './helpers/corpus.js'

afterAll(removeTempDirs)

/**
 * Every file of a site as `sha256  path` lines, sorted: what the previous
 * renderer wrote is kept this way in `test/fixtures/previous-renderer/`
 * (written by it, before the renderer was made faster; `UPDATE=1` writes
 * the current renderer's, for a change that means to change the briefs).
 */
export async function siteDigests(out: string): Promise<string> {
  const files = await snapshot(out)
  return [...files].map(([file, bytes]) => `${createHash('sha256').update(bytes).digest('hex')}  ${file}\n`).join('')
}

const corpora: Record<string, () => Promise<string>> = {
  /** The shipped corpus, the hostile-text fixture and the article of every construct (lists, quotes, tables, code, footnotes). */
  shipped: () => copyCorpus('hostile-text', 'structure'),
  /** The 286 attack strings in titles, sources, paragraphs and translations. */
  attack: async () => {
    const corpus = await copyCorpus()
    await writeAttackCorpus(corpus)
    return corpus
  }
}

/** The ways a build may run: each must write the same bytes. */
const builds: Array<{name: string; workers: number; cache: boolean}> = [
  {name: 'one thread', workers: 1, cache: false},
  {name: 'two threads', workers: 2, cache: false},
  {name: 'two threads, cache written', workers: 2, cache: true},
  {name: 'one thread, from the cache', workers: 1, cache: true}
]

describe('the briefs, byte for byte as the previous renderer wrote them', () => {
  for (const [name, make] of Object.entries(corpora)) {
    it(`on the ${name} corpus, on one or two threads, with and without cache`, async () => {
      const corpus = await make()
      const expectedFile = path.join(fixturesDir, 'previous-renderer', `${name}.sha256`)
      const cache = await tempDir('cache')
      const cachedOut = await tempDir('site')
      let expected = process.env.UPDATE ? undefined : await fs.readFile(expectedFile, 'utf8')
      for (const build of builds) {
        const out = build.cache ? cachedOut : await tempDir('site')
        const result = await buildBriefs({corpus, out, workers: build.workers, ...(build.cache ? {cacheDir: cache} : {})})
        expect(result.failed, build.name).toBe(false)
        const digests = await siteDigests(out)
        if (expected === undefined) {
          await fs.mkdir(path.dirname(expectedFile), {recursive: true})
          await fs.writeFile(expectedFile, digests)
          expected = digests
        }
        expect(digests, build.name).toBe(expected)
      }
    })
  }
})
