import {setImmediate as nextTurn} from 'node:timers/promises'
import {Worker} from 'node:worker_threads'
import type {BuiltArticle, RenderSettings} from './build-article.js'

// A worker thread runs JavaScript: from the TypeScript sources (tests), use the built worker.
const workerScript = import.meta.url.endsWith('.ts') ? new URL('../dist/worker.js', import.meta.url) : new URL('./worker.js', import.meta.url)

/**
 * Build `ids` on `threads` threads: the main thread (`buildHere`) and
 * `threads - 1` workers, each taking the next article when done with one
 * (a worker also has the one after waiting, so it never idles). Memory
 * holds a few articles at a time, and one copy of the code per thread.
 * Results come back keyed by ID: the build orders them, not the threads.
 */
export async function buildInThreads(
  ids: readonly string[],
  threads: number,
  settings: Readonly<RenderSettings>,
  buildHere: (id: string) => Promise<BuiltArticle>
): Promise<Map<string, BuiltArticle>> {
  const results = new Map<string, BuiltArticle>()
  const queue = [...ids]
  const workers = Array.from({length: Math.max(0, Math.min(threads - 1, ids.length - 1))}, () => new Worker(workerScript, {workerData: settings}))
  try {
    const onWorkers = workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          let pending = 0
          const send = () => {
            const id = queue.shift()
            if (id === undefined) return
            pending++
            worker.postMessage(id)
          }
          worker.on('message', (message: {id: string; built?: BuiltArticle; error?: string}) => {
            pending--
            if (message.error !== undefined) return reject(new Error(`Building \`${message.id}\` failed: ${message.error}`))
            results.set(message.id, message.built!)
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
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        results.set(id, await buildHere(id))
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
