import {createHash} from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {buildBriefs} from '@briefs/publisher'
import {afterAll, describe, expect, it} from 'vitest'
import {generateCorpus} from '../src/generate.js'

const temporary: string[] = []
const tempDir = (label: string) => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), `briefs-bench-${label}-`))
  temporary.push(directory)
  return directory
}
afterAll(() => {
  for (const directory of temporary.splice(0)) fs.rmSync(directory, {recursive: true, force: true})
})

/** Every file of a site as `sha256  path` lines, sorted. */
function siteDigests(out: string): string {
  return fs
    .readdirSync(out, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(out, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
    .map((file) => `${createHash('sha256').update(fs.readFileSync(path.join(out, file))).digest('hex')}  ${file}\n`)
    .join('')
}

/**
 * What the previous renderer (before it was made faster) wrote for the
 * generated corpora is kept as digests in `test/fixtures/previous-renderer/`;
 * `UPDATE=1` writes the current renderer's, for a change meant to change the briefs.
 */
describe('the briefs of generated corpora, byte for byte as the previous renderer wrote them', () => {
  for (const [name, size, seed] of [['generated-40', 40, 2022], ['generated-24-seed-7', 24, 7]] as const) {
    it(`${name}: on one or two threads, with and without cache`, {timeout: 180_000}, async () => {
      const work = tempDir('corpus')
      const {corpus} = generateCorpus(work, size, {seed})
      const expectedFile = path.join(import.meta.dirname, 'fixtures', 'previous-renderer', `${name}.sha256`)
      let expected = process.env.UPDATE ? undefined : fs.readFileSync(expectedFile, 'utf8')
      const cache = tempDir('cache')
      const cachedOut = tempDir('site')
      for (const build of [
        {workers: 1, cache: false},
        {workers: 2, cache: false},
        {workers: 2, cache: true},
        {workers: 1, cache: true}
      ]) {
        const out = build.cache ? cachedOut : tempDir('site')
        const result = await buildBriefs({corpus, out, workers: build.workers, ...(build.cache ? {cacheDir: cache} : {})})
        expect(result.failed).toBe(false)
        const digests = siteDigests(out)
        if (expected === undefined) {
          fs.mkdirSync(path.dirname(expectedFile), {recursive: true})
          fs.writeFileSync(expectedFile, digests)
          expected = digests
        }
        expect(digests, JSON.stringify(build)).toBe(expected)
      }
    })
  }
})
