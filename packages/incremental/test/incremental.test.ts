import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {contentKeyOfBlobs, gitBlobId, runIncremental} from '../src/index.js'

interface Words {
  id: string
  words?: number
  missing?: boolean
  main?: boolean
}

const temporary: string[] = []
afterAll(() => {
  for (const directory of temporary.splice(0)) fs.rmSync(directory, {recursive: true, force: true})
})

function folder(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'briefs-incremental-'))
  temporary.push(directory)
  return directory
}

const module = new URL('./fixtures/words.js', import.meta.url)

async function run(directory: string, ids: string[], options: {cacheFile?: string; version?: string; threads?: number} = {}) {
  const results = new Map<string, Words>()
  const run = await runIncremental<Words>({
    ids,
    inputs: (id) => [path.join(directory, `${id}.txt`)],
    version: options.version ?? 'v1',
    cacheFile: options.cacheFile,
    module,
    data: {folder: directory},
    threads: options.threads,
    keep: (result) => !result.missing,
    onResult: (id, result) => {
      expect(results.has(id)).toBe(false)
      results.set(id, result)
    }
  })
  return {run, results}
}

/** Write a file with a modification time far enough in the past to be trusted by its stat. */
function write(file: string, text: string, secondsAgo = 60): void {
  fs.writeFileSync(file, text)
  const time = new Date(Date.now() - secondsAgo * 1000)
  fs.utimesSync(file, time, time)
}

describe('runIncremental', () => {
  it('computes an item too large for a worker’s heap on the calling thread, and the others on workers', async () => {
    const directory = folder()
    const ids = Array.from({length: 20}, (_, index) => `item-${index}`)
    ids.forEach((id, index) => write(path.join(directory, `${id}.txt`), index === 5 ? 'heavy' : 'word '.repeat(index)))
    const results = new Map<string, Words & {held: number}>()
    const run = await runIncremental<Words & {held: number}>({
      ids,
      inputs: (id) => [path.join(directory, `${id}.txt`)],
      version: 'v1',
      module: new URL('./fixtures/heavy.js', import.meta.url),
      data: {folder: directory},
      threads: 2,
      onResult: (id, result) => results.set(id, result)
    })
    run.close()
    expect([...results.keys()].sort()).toEqual([...ids].sort())
    // Too large for a worker (its heap is bounded), done on the calling thread instead of failing.
    expect(results.get('item-5')).toMatchObject({held: 4_000_000, main: true})
    expect([...results.values()].some((result) => !result.main)).toBe(true)
    expect(results.get('item-7')?.words).toBe(7)
  })

  it('computes each item once, on one or several threads, with the same results', async () => {
    const directory = folder()
    const ids = Array.from({length: 40}, (_, index) => `item-${index}`)
    ids.forEach((id, index) => write(path.join(directory, `${id}.txt`), 'word '.repeat(index)))
    const one = await run(directory, ids, {threads: 1})
    const two = await run(directory, ids, {threads: 2})
    expect(one.run.computed).toBe(40)
    expect([...one.results.values()].every((result) => result.main)).toBe(true)
    // The worker took some.
    expect([...two.results.values()].some((result) => !result.main)).toBe(true)
    const strip = (results: Map<string, Words>) => new Map([...results].map(([id, {words}]) => [id, words]))
    expect(strip(two.results)).toEqual(strip(one.results))
    expect(strip(one.results).get('item-7')).toBe(7)
    expect(one.run.read('item-7').words).toBe(7)
    one.run.close()
    two.run.close()
  })

  it('keeps results while the files keep their size and time, and computes again what changed', async () => {
    const directory = folder()
    const cacheFile = path.join(folder(), 'cache', 'words.jsonl')
    const ids = ['a', 'b', 'c']
    for (const id of ids) write(path.join(directory, `${id}.txt`), 'one two')
    expect((await run(directory, ids, {cacheFile})).run).toMatchObject({computed: 3, kept: 0})
    const again = await run(directory, ids, {cacheFile})
    expect(again.run).toMatchObject({computed: 0, kept: 3})
    expect(again.results.get('b')).toMatchObject({words: 2})
    // Edited (another size), touched (another time) or removed: computed again; a new item too.
    write(path.join(directory, 'a.txt'), 'one two three')
    write(path.join(directory, 'b.txt'), 'one two', 30)
    fs.rmSync(path.join(directory, 'c.txt'))
    write(path.join(directory, 'd.txt'), 'x')
    const changed = await run(directory, [...ids, 'd'], {cacheFile})
    expect(changed.run).toMatchObject({computed: 4, kept: 0})
    expect(changed.results.get('a')).toMatchObject({words: 3})
    expect(changed.results.get('c')).toMatchObject({missing: true})
    // A result not to keep (the file is missing) is computed every time.
    expect((await run(directory, [...ids, 'd'], {cacheFile})).run).toMatchObject({computed: 1, kept: 3})
    // Another version of the code keeps nothing.
    expect((await run(directory, [...ids, 'd'], {cacheFile, version: 'v2'})).run).toMatchObject({computed: 4, kept: 0})
  })

  it('keeps the results of items not asked for when told to', async () => {
    const directory = folder()
    const cacheFile = path.join(folder(), 'words.jsonl')
    for (const id of ['a', 'b', 'c']) write(path.join(directory, `${id}.txt`), 'one')
    await run(directory, ['a', 'b', 'c'], {cacheFile})
    const results = new Map<string, Words>()
    const some = await runIncremental<Words>({ids: ['b'], others: new Set(['a', 'b', 'c']), inputs: (id) => [path.join(directory, `${id}.txt`)], version: 'v1', cacheFile, module, data: {folder: directory}, onResult: (id, result) => results.set(id, result)})
    expect(some).toMatchObject({computed: 0, kept: 1})
    expect([...results.keys()]).toEqual(['b'])
    expect((await run(directory, ['a', 'b', 'c'], {cacheFile})).run).toMatchObject({computed: 0, kept: 3})
    // Without `others`, what was not asked for is dropped.
    await run(directory, ['b'], {cacheFile})
    expect((await run(directory, ['a', 'b', 'c'], {cacheFile})).run).toMatchObject({computed: 2, kept: 1})
  })

  it('finds kept results by content (git blob IDs), wherever the files are, and leaves the cache as it was', async () => {
    const directory = folder()
    const cacheFile = path.join(folder(), 'words.jsonl')
    for (const id of ['a', 'b']) write(path.join(directory, `${id}.txt`), `one two ${id}`)
    await run(directory, ['a', 'b'], {cacheFile})
    const before = fs.readFileSync(cacheFile, 'utf8')
    // Elsewhere (another revision's files): `a` as it was, `b` changed.
    const elsewhere = folder()
    write(path.join(elsewhere, 'a.txt'), 'one two a')
    write(path.join(elsewhere, 'b.txt'), 'one two three b')
    const blob = (id: string) => gitBlobId(fs.readFileSync(path.join(elsewhere, `${id}.txt`)))
    // As git names them.
    expect(blob('b')).toBe(execFileSync('git', ['hash-object', path.join(elsewhere, 'b.txt')]).toString().trim())
    const results = new Map<string, Words>()
    const found = await runIncremental<Words>({
      ids: ['a', 'b'],
      inputs: (id) => [path.join(elsewhere, `${id}.txt`)],
      contents: (id) => contentKeyOfBlobs([blob(id)]),
      version: 'v1',
      cacheFile,
      module,
      data: {folder: elsewhere},
      onResult: (id, result) => results.set(id, result)
    })
    expect(found).toMatchObject({computed: 1, kept: 1})
    expect(results.get('b')).toMatchObject({words: 4})
    expect(found.read('a')).toMatchObject({words: 3})
    found.close()
    expect(fs.readFileSync(cacheFile, 'utf8')).toBe(before)
  })

  it('does not trust the stat of a file written just before its result was kept (racy stat)', async () => {
    const directory = folder()
    const cacheFile = path.join(folder(), 'words.jsonl')
    const file = path.join(directory, 'a.txt')
    write(file, 'one two', 0)
    const stat = fs.statSync(file)
    expect((await run(directory, ['a'], {cacheFile})).run.computed).toBe(1)
    // Rewritten with the same size and the same time, as can happen within a clock tick.
    fs.writeFileSync(file, 'one-two')
    fs.utimesSync(file, stat.atime, stat.mtime)
    const again = await run(directory, ['a'], {cacheFile})
    expect(again.run.computed).toBe(1)
    expect(again.results.get('a')).toMatchObject({words: 1})
  })

  it('reads a broken or cut short file as far as it goes, and never fails on it', async () => {
    const directory = folder()
    const cacheFile = path.join(folder(), 'words.jsonl')
    for (const id of ['a', 'b']) write(path.join(directory, `${id}.txt`), 'one')
    await run(directory, ['a', 'b'], {cacheFile})
    const text = fs.readFileSync(cacheFile, 'utf8')
    fs.writeFileSync(cacheFile, text.slice(0, text.lastIndexOf('\t') - 3))
    expect((await run(directory, ['a', 'b'], {cacheFile})).run).toMatchObject({computed: 1, kept: 1})
    // Cut in the middle of a result.
    const whole = fs.readFileSync(cacheFile, 'utf8')
    fs.writeFileSync(cacheFile, whole.slice(0, whole.length - 5))
    expect((await run(directory, ['a', 'b'], {cacheFile})).run).toMatchObject({computed: 1, kept: 1})
    fs.writeFileSync(cacheFile, '{not json')
    expect((await run(directory, ['a', 'b'], {cacheFile})).run).toMatchObject({computed: 2, kept: 0})
  })
})
