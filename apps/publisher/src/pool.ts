import {Worker} from 'node:worker_threads'
import type {BuiltArticle, RenderSettings} from './build-article.js'

// A worker thread runs JavaScript: from the TypeScript sources (tests), use the built worker.
const workerScript = import.meta.url.endsWith('.ts') ? new URL('../dist/worker.js', import.meta.url) : new URL('./worker.js', import.meta.url)

/**
 * Build `ids` on `count` worker threads, each taking the next article when
 * it is done with one, so memory holds at most `count` articles. Results
 * come back keyed by ID: the build orders them, not the threads.
 */
export async function buildInWorkers(ids: readonly string[], count: number, settings: Readonly<RenderSettings>): Promise<Map<string, BuiltArticle>> {
  const results = new Map<string, BuiltArticle>()
  const queue = [...ids]
  const workers = Array.from({length: Math.min(count, ids.length)}, () => new Worker(workerScript, {workerData: settings}))
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const id = queue.shift()
              if (id === undefined) resolve()
              else worker.postMessage(id)
            }
            worker.on('message', (message: {id: string; built?: BuiltArticle; error?: string}) => {
              if (message.error !== undefined) reject(new Error(`Building \`${message.id}\` failed: ${message.error}`))
              else {
                results.set(message.id, message.built!)
                next()
              }
            })
            worker.on('error', reject)
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`A build worker stopped with exit code ${code}`))
            })
            next()
          })
      )
    )
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
  return results
}
