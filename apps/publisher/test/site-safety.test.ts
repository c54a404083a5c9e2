// Issue 12: a build never damages the site. Builds are killed (SIGKILL) at random points, run two
// at once, and find the leftovers of killed builds; the site is always the old one or the new one.
import {spawn} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import lockfile from 'proper-lockfile'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildBriefs} from '../src/index.js'
import {copyCorpus, removeTempDirs, snapshot, tempDir} from './helpers/corpus.js'

afterAll(removeTempDirs)

const georgia = '2022-09-la-georgie-et-le-kazakhstan-deux-pays'
const mobilisation = '2022-10-plus-de-200-000-citoyens-russes-ont-ete'
const child = fileURLToPath(new URL('helpers/build-child.mjs', import.meta.url))

/** Corpus B: corpus A with one article retracted (its folder must go) and a translation edited in the other. */
async function corpusB(): Promise<string> {
  const corpus = await copyCorpus()
  for (const file of [`articles/${georgia}.md`, `segments/${georgia}.json`, `locales/en/${georgia}.json`, `locales/ru/${georgia}.json`, `reviews/en/${georgia}.json`, `reviews/ru/${georgia}.json`]) {
    await fs.rm(path.join(corpus, file))
  }
  const english = path.join(corpus, 'locales/en', `${mobilisation}.json`)
  await fs.writeFile(english, (await fs.readFile(english, 'utf8')).replace('Russian Defense', 'The Russian Defense'))
  return corpus
}

/** The entries beside the site that a build owns: lock, staging and old folders. */
async function leftovers(out: string): Promise<string[]> {
  return (await fs.readdir(path.dirname(out))).filter((name) => name.startsWith(`.${path.basename(out)}.briefs-`))
}

/** Every temporary file of an atomic write below `directory`. */
async function temporaryFiles(directory: string): Promise<string[]> {
  const entries = await fs.readdir(directory, {recursive: true, withFileTypes: true})
  return entries.filter((entry) => entry.name.endsWith('.tmp')).map((entry) => path.join(entry.parentPath, entry.name))
}

function startBuild(corpus: string, out: string, cacheDir: string) {
  const process_ = spawn(process.execPath, [child, corpus, out, cacheDir], {stdio: ['ignore', 'ignore', 'pipe']})
  let stderr = ''
  process_.stderr.on('data', (chunk) => (stderr += chunk))
  const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null; stderr: string}>((resolve) => process_.on('exit', (code, signal) => resolve({code, signal, stderr})))
  return {process: process_, exited}
}

function same(a: Map<string, Buffer>, b: Map<string, Buffer>): boolean {
  return a.size === b.size && [...a].every(([name, bytes]) => b.get(name)?.equals(bytes) === true)
}

describe('a build never damages the site', () => {
  let a: string
  let b: string
  let treeA: Map<string, Buffer>
  let treeB: Map<string, Buffer>

  beforeAll(async () => {
    a = await copyCorpus()
    b = await corpusB()
    const outA = await tempDir('tree-a')
    const outB = await tempDir('tree-b')
    expect((await buildBriefs({corpus: a, out: outA})).failed).toBe(false)
    expect((await buildBriefs({corpus: b, out: outB})).failed).toBe(false)
    treeA = await snapshot(outA)
    treeB = await snapshot(outB)
    expect(same(treeA, treeB)).toBe(false)
  })

  it('leaves the old or the new site when killed at random points of 20 builds, and the next build cleans up', async () => {
    const parent = await tempDir('killed')
    const out = path.join(parent, 'site')
    const cache = path.join(parent, 'cache')
    const first = startBuild(a, out, cache)
    expect((await first.exited).code).toBe(0)
    expect(same(await snapshot(out), treeA)).toBe(true)
    // How long a build from one state to the other takes here (a process, a cached article, a rendered one), so the kills fall all over it.
    const started = Date.now()
    for (const corpus of [b, a]) expect((await startBuild(corpus, out, cache).exited).code).toBe(0)
    const duration = (Date.now() - started) / 2

    const outcomes = {old: 0, new: 0, missingBetweenRenames: 0, finished: 0}
    let current = treeA
    for (let run = 0; run < 20; run++) {
      const corpus = run % 2 === 0 ? b : a
      const wanted = run % 2 === 0 ? treeB : treeA
      // A lock left by a killed build is taken over after 2 s: let it go stale first, so that the kill falls in the build itself.
      if ((await leftovers(out)).some((name) => name.endsWith('.briefs-lock'))) await new Promise((resolve) => setTimeout(resolve, 2100))
      const delay = Math.round(((run + Math.random()) / 20) * duration)
      const build = startBuild(corpus, out, cache)
      await new Promise((resolve) => setTimeout(resolve, delay))
      build.process.kill('SIGKILL')
      const exit = await build.exited
      let tree: Map<string, Buffer> | undefined
      try {
        await fs.access(out)
        tree = await snapshot(out)
      } catch {
        tree = undefined
      }
      if (tree === undefined) {
        // Killed between the two renames of the swap: the old site waits beside it for the next build.
        expect((await leftovers(out)).some((name) => name.includes('.briefs-old-'))).toBe(true)
        outcomes.missingBetweenRenames++
        continue
      }
      const isOld = same(tree, current)
      const isNew = same(tree, wanted)
      expect(isOld || isNew, `run ${run}, killed after ${delay} ms: the site is neither the old nor the new one`).toBe(true)
      if (exit.signal === null) outcomes.finished++
      else if (isNew) outcomes.new++
      else outcomes.old++
      current = isNew ? wanted : current
    }

    // The next build finishes, and nothing of the killed ones is left.
    const last = startBuild(a, out, cache)
    expect(await last.exited).toMatchObject({code: 0})
    expect(same(await snapshot(out), treeA)).toBe(true)
    expect(await leftovers(out)).toEqual([])
    expect(await temporaryFiles(out)).toEqual([])
    expect(await temporaryFiles(cache)).toEqual([])
    // Shown by `vitest --reporter verbose`; the figures of the report.
    console.info(`20 kills over ${duration} ms builds: ${JSON.stringify(outcomes)}`)
  }, 300_000)

  it('refuses a second build of the same site while one runs, or waits for it', async () => {
    const out = path.join(await tempDir('locked'), 'site')
    expect((await buildBriefs({corpus: a, out})).failed).toBe(false)
    const before = await snapshot(out)
    const release = await lockfile.lock(out, {realpath: false, lockfilePath: path.join(path.dirname(out), '.site.briefs-lock')})
    const refused = await buildBriefs({corpus: b, out, lock: {wait: 0}})
    expect(refused.failed).toBe(true)
    const [message] = refused.files.flatMap((file) => file.messages)
    expect(message).toMatchObject({ruleId: 'site-lock', fatal: true})
    expect(message!.reason).toMatch(/^Unexpected build already running on .+site \(lock .+\.site\.briefs-lock\), expected one build at a time: run again when it is done$/)
    expect(same(await snapshot(out), before)).toBe(true)

    let waited = 0
    const waiting = buildBriefs({corpus: b, out, lock: {wait: 20_000, onWait: () => waited++}})
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(same(await snapshot(out), before)).toBe(true)
    await release()
    expect((await waiting).failed).toBe(false)
    expect(waited).toBe(1)
    expect(same(await snapshot(out), treeB)).toBe(true)
  })

  it('gives one whole site when two builds of different corpora run at once', async () => {
    const parent = await tempDir('two')
    const out = path.join(parent, 'site')
    const builds = [startBuild(a, out, path.join(parent, 'cache')), startBuild(b, out, path.join(parent, 'cache'))]
    const exits = await Promise.all(builds.map((build) => build.exited))
    expect(exits.map((exit) => exit.code)).toEqual([0, 0])
    const tree = await snapshot(out)
    expect(same(tree, treeA) || same(tree, treeB)).toBe(true)
    expect(await leftovers(out)).toEqual([])
  }, 120_000)

  it('removes a retracted article’s folder even when a killed writer left a temporary file in it', async () => {
    const out = path.join(await tempDir('retracted'), 'site')
    expect((await buildBriefs({corpus: a, out})).failed).toBe(false)
    await fs.writeFile(path.join(out, georgia, `.fr-en.html.4242.0badcafe.tmp`), '<half a page')
    await fs.writeFile(path.join(out, `.index.html.4242.0badcafe.tmp`), '<half an index')
    // A file of the site's owner, not the build's: kept.
    await fs.writeFile(path.join(out, 'CNAME'), 'briefs.example.org\n')
    expect((await buildBriefs({corpus: b, out})).failed).toBe(false)
    const tree = await snapshot(out)
    expect(tree.get('CNAME')?.toString()).toBe('briefs.example.org\n')
    tree.delete('CNAME')
    expect(same(tree, treeB)).toBe(true)
  })
})
