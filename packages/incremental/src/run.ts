import {randomBytes} from 'node:crypto'
import fs from 'node:fs'
import {availableParallelism, tmpdir} from 'node:os'
import path from 'node:path'
import {Worker} from 'node:worker_threads'
import {readLinesAt, writeLines} from './lines.js'
import {builtModule} from './built-module.js'
import {contentKey} from './content.js'
import {fileStats, sameStats, type FileStat} from './stats.js'
import {leanWorkerResourceLimits, runOnThreads} from './threads.js'

/** What computes a result: a module exporting `compute(id, data)` (synchronous, its result plain JSON data). */
export type Compute<Result> = (id: string, data: unknown) => Result

export interface IncrementalOptions<Result> {
  /** The items, in order: article IDs. */
  ids: readonly string[]
  /** Items whose kept results stay kept though not asked for this time (a run over some articles keeps the others'); default: none. */
  others?: ReadonlySet<string> | undefined
  /** The files an item's result depends on: while none changed size or modification time, the kept result stands. */
  inputs: (id: string) => readonly string[]
  /** The code and the settings the results depend on: results kept by another version are not used. */
  version: string
  /** Where results are kept between runs (one line per item, written a line at a time); without it, nothing is kept. */
  cacheFile?: string | undefined
  /**
   * The content key (`contentKey`) of each item's inputs, when known
   * without reading them: the git blob IDs of a revision. A kept result is
   * then used when its inputs had the same content, wherever they were;
   * the cache file is only read, never written. An item without one is
   * computed.
   */
  contents?: ((id: string) => string | undefined) | undefined
  /** Called with the items to compute before any is: to put their files where `compute` reads them (a revision's, from git). */
  beforeCompute?: ((ids: string[]) => Promise<void>) | undefined
  /** The module whose `compute(id, data)` makes a result: imported here only when something is to compute, and by each worker thread. */
  module: URL
  /** Plain data for `compute`: settings, paths (copied to every thread). */
  data?: unknown
  /** Threads computing, this one included. Default: one per core when at least `minimumForThreads` items are to compute, else this one. */
  threads?: number | undefined
  /** Whether a result may be kept: a failure (a file that cannot be read) is computed again next time. Default: every result. */
  keep?: ((result: Result) => boolean) | undefined
  /** Each result as soon as it is there, kept or computed, in no particular order: consume it, it is not held. */
  onResult: (id: string, result: Result) => void
}

export interface IncrementalRun<Result> {
  /** Items computed this time; the others were kept. */
  computed: number
  kept: number
  /** A result again, read back from the file it was written to (the cache, or a temporary one), for a second look at a few. */
  read(id: string): Result
  /** Remove the temporary file (without `cacheFile`); `read` is then no longer possible. */
  close(): void
}

/** Fewer items than this to compute are computed on this thread: a worker costs a fresh copy of every module. */
export const minimumForThreads = 16

/** How recent a modification may be and still be trusted by its stat: a file written within this time of the results may be written again with the same size and time (the "racy git" problem). */
const racyMs = 3000

/**
 * Compute a result per item (an article), in worker threads, keeping the
 * results between runs: an item whose input files all kept their size and
 * modification time since its result was kept is not computed again, as
 * git's index does for `git status`. Results are streamed to `onResult`
 * and written a line at a time, so memory holds what the caller keeps, not
 * the corpus.
 */
export async function runIncremental<Result>(options: Readonly<IncrementalOptions<Result>>): Promise<IncrementalRun<Result>> {
  const cacheFile = options.cacheFile
  const startedAt = Date.now()
  // The stats of every item's inputs now, and of those kept with a result.
  const byContent = options.contents
  // Looked up by content, the kept results are only read: the file stays the working tree's.
  const target = cacheFile && !byContent ? cacheFile : path.join(tmpdir(), `briefs-incremental-${process.pid}-${randomBytes(4).toString('hex')}.jsonl`)
  const current = new Map<string, FileStat[]>()
  for (const id of options.ids) current.set(id, byContent ? [] : fileStats(options.inputs(id)))
  const kept = cacheFile ? keptStats(cacheFile, options.version) : undefined
  const fresh = new Set<string>()
  for (const id of options.ids) {
    if (byContent) {
      if (byContent(id) === undefined || kept?.keys.get(id) !== byContent(id)) fresh.add(id)
      continue
    }
    const stats = kept?.stats.get(id)
    if (!stats || !sameStats(stats, current.get(id)!) || current.get(id)!.some((stat) => stat !== null && stat[1] >= kept!.writtenAt - racyMs)) fresh.add(id)
  }

  fs.mkdirSync(path.dirname(target), {recursive: true})
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
  const out = writeLines(target, temporary)
  // Where each result's line is: in the file written now, or (found by content) in the kept file, read only.
  const lines = new Map<string, {file: string; offset: number; length: number}>()
  const write = (id: string, line: string) => {
    lines.set(id, {file: target, offset: out.write(line), length: Buffer.byteLength(line) + 1})
  }
  out.write(JSON.stringify({version: options.version, writtenAt: startedAt}))
  let computed = 0
  let keptCount = 0
  try {
    // The kept results, streamed from the old file: each line copied as it is.
    if (cacheFile && kept) {
      for (const {bytes, offset: at} of readLinesAt(cacheFile)) {
        const line = splitLine(bytes)
        if (line === undefined || lines.has(line.id)) continue
        const {id, key} = line
        if (!current.has(id)) {
          // Not asked for this time: kept as it was, when still wanted.
          if (options.others?.has(id) && !byContent) write(id, bytes.toString('utf8'))
          continue
        }
        if (fresh.has(id) || (byContent && key !== byContent(id))) continue
        const result = line.result()
        let parsed: Result
        try {
          parsed = JSON.parse(result) as Result
        } catch {
          // A line cut short: computed below.
          continue
        }
        if (byContent) lines.set(id, {file: cacheFile, offset: at, length: bytes.length + 1})
        else write(id, `${id}\t${JSON.stringify(current.get(id))}\t${key}\t${result}`)
        options.onResult(id, parsed)
        keptCount++
      }
    }
    // A line missing from the old file (cut short) is computed too.
    for (const id of options.ids) if (!lines.has(id)) fresh.add(id)
    const jobs = options.ids.filter((id) => fresh.has(id))
    if (jobs.length > 0) {
      await options.beforeCompute?.(jobs)
      const threads = options.threads ?? (jobs.length < minimumForThreads ? 1 : availableParallelism())
      await computeInThreads(jobs, options.inputs, threads, options.module, options.data, (id, result: Result, key: string) => {
        const keep = options.keep ? options.keep(result) : true
        // A result not to keep is still written (for `read`), with stats and a content key that match nothing.
        write(id, `${id}\t${JSON.stringify(keep ? current.get(id) : [])}\t${keep ? key : ''}\t${JSON.stringify(result)}`)
        options.onResult(id, result)
        computed++
      })
    }
  } catch (error) {
    out.abort()
    throw error
  }
  out.commit()
  return {
    computed,
    kept: keptCount,
    read(id) {
      const place = lines.get(id)
      if (!place) throw new Error(`Unexpected item \`${id}\` without a result`)
      const bytes = Buffer.alloc(place.length)
      const descriptor = fs.openSync(place.file, 'r')
      try {
        fs.readSync(descriptor, bytes, 0, place.length, place.offset)
      } finally {
        fs.closeSync(descriptor)
      }
      return JSON.parse(splitLine(bytes.subarray(0, bytes.at(-1) === 0x0a ? -1 : undefined))!.result()) as Result
    },
    close() {
      if (target !== cacheFile) fs.rmSync(target, {force: true})
    }
  }
}

/**
 * `id<TAB>stats<TAB>content key<TAB>result`: what decides whether a result
 * stands is decoded without the result, each field its own string (none
 * sliced from the line, which would keep the whole line in memory).
 */
function splitLine(bytes: Buffer): {id: string; stats: string; key: string; result: () => string} | undefined {
  const tab = 0x09
  const first = bytes.indexOf(tab)
  const second = first === -1 ? -1 : bytes.indexOf(tab, first + 1)
  const third = second === -1 ? -1 : bytes.indexOf(tab, second + 1)
  if (third === -1) return undefined
  return {
    id: bytes.toString('utf8', 0, first),
    stats: bytes.toString('utf8', first + 1, second),
    key: bytes.toString('utf8', second + 1, third),
    result: () => bytes.toString('utf8', third + 1)
  }
}

/** The stats and content keys kept with each result, when the file is of this version; `undefined` when there is none or it is not. */
function keptStats(cacheFile: string, version: string): {stats: Map<string, FileStat[]>; keys: Map<string, string>; writtenAt: number} | undefined {
  const stats = new Map<string, FileStat[]>()
  const keys = new Map<string, string>()
  let writtenAt: number | undefined
  try {
    for (const {bytes} of readLinesAt(cacheFile)) {
      if (writtenAt === undefined) {
        const header = JSON.parse(bytes.toString('utf8')) as {version?: string; writtenAt?: number}
        if (header.version !== version || typeof header.writtenAt !== 'number') return undefined
        writtenAt = header.writtenAt
        continue
      }
      const line = splitLine(bytes)
      if (line === undefined) continue
      stats.set(line.id, JSON.parse(line.stats) as FileStat[])
      if (line.key) keys.set(line.id, line.key)
    }
  } catch {
    // No results kept yet, or a broken file: what could be read stands, the rest is computed.
  }
  return writtenAt === undefined ? undefined : {stats, keys, writtenAt}
}

const workerScript = builtModule('./worker.js', import.meta.url)

/**
 * Compute `ids` on `threads` threads, each taking the next when done, with
 * one waiting so none idles. One thread: this one. More: as many workers,
 * this thread only hands out items and takes results, so its memory holds
 * the results, not the garbage of computing them.
 */
async function computeInThreads<Result>(
  ids: readonly string[],
  inputs: (id: string) => readonly string[],
  threads: number,
  module: URL,
  data: unknown,
  done: (id: string, result: Result, key: string) => void
): Promise<void> {
  let compute: Compute<Result> | undefined
  await runOnThreads<string, {id: string; result?: Result; key?: string; error?: string}>({
    jobs: ids,
    threads,
    spawn: () => new Worker(workerScript, {workerData: {module: module.href, data}, resourceLimits: leanWorkerResourceLimits}),
    id: (id) => id,
    message: (id) => ({id, inputs: inputs(id)}),
    here: async (id) => {
      compute ??= ((await import(module.href)) as {compute: Compute<Result>}).compute
      return {id, result: compute(id, data), key: contentKey(inputs(id))}
    },
    onReply: (id, reply) => done(id, reply.result!, reply.key!)
  })
}
