import {setImmediate as nextTurn} from 'node:timers/promises'
import {Worker} from 'node:worker_threads'
import type {ArticleJob, ArticleResult, RenderSettings} from './build-article.js'

// A worker thread runs JavaScript: from the TypeScript sources (tests), use the built worker.
const workerScript = import.meta.url.endsWith('.ts') ? new URL('../dist/worker.js', import.meta.url) : new URL('./worker.js', import.meta.url)

/**
 * How much old-generation heap a build worker may hold: an article at a
 * time needs a few megabytes, and a heap left to grow fills with garbage
 * before V8 collects it (peak memory would grow with the build).
 */
export const workerHeapMb = 96

/**
 * Build `jobs` on `threads` threads, each taking the next article when
 * done with one (a worker also has the one after waiting, so it never
 * idles). One thread: the main one (`buildHere`). More: as many workers,
 * the main thread only hands out articles and takes their results, so its
 * memory holds the results, not the garbage of rendering. Memory holds a
 * few articles at a time, and one copy of the code per thread. Results
 * come back keyed by ID: the build orders them, not the threads.
 */
export async function buildInThreads(
  jobs: readonly ArticleJob[],
  threads: number,
  settings: Readonly<RenderSettings>,
  buildHere: (job: ArticleJob) => ArticleResult
): Promise<Map<string, ArticleResult>> {
  const results = new Map<string, ArticleResult>()
  const queue = [...jobs]
  const workers = Array.from({length: threads > 1 ? Math.min(threads, jobs.length) : 0}, () => new Worker(workerScript, {workerData: settings, resourceLimits: {maxOldGenerationSizeMb: workerHeapMb}}))
  try {
    const onWorkers = workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          let pending = 0
          const send = () => {
            const job = queue.shift()
            if (job === undefined) return
            pending++
            worker.postMessage(job)
          }
          worker.on('message', (message: {result?: ArticleResult; id: string; error?: string}) => {
            pending--
            if (message.error !== undefined) return reject(new Error(`Building \`${message.id}\` failed: ${message.error}`))
            results.set(message.id, message.result!)
            send()
            if (pending === 0) resolve()
          })
          worker.on('error', reject)
          worker.on('exit', (code) => {
            if (pending > 0) reject(new Error(`A build worker stopped with exit code ${code}`))
          })
          send()
          send()
          if (pending === 0) resolve()
        })
    )
    const here = (async () => {
      if (workers.length > 0) return
      for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
        results.set(job.id, buildHere(job))
        // Let the workers' messages in between two articles, so they get their next one.
        await nextTurn()
      }
    })()
    await Promise.all([here, ...onWorkers])
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  return results
}
