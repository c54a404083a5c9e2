import {builtModule, runOnThreads, workerResourceLimits} from '@briefs/incremental'
import {Worker} from 'node:worker_threads'
import type {ArticleJob, ArticleResult, RenderSettings} from './build-article.js'

const workerScript = builtModule('./worker.js', import.meta.url)

/**
 * Build `jobs` on `threads` threads, each taking the next article when
 * done with one (a worker also has the one after waiting, so it never
 * idles). One thread: the main one (`buildHere`). More: as many workers,
 * the main thread only hands out articles and takes their results, so its
 * memory holds the results, not the garbage of rendering. Memory holds a
 * few articles at a time, and one copy of the code per thread; an article
 * too large for a worker's heap is built on the main thread
 * (`runOnThreads`). Results come back keyed by ID: the build orders them,
 * not the threads.
 */
export async function buildInThreads(
  jobs: readonly ArticleJob[],
  threads: number,
  settings: Readonly<RenderSettings>,
  buildHere: (job: ArticleJob) => ArticleResult
): Promise<Map<string, ArticleResult>> {
  const results = new Map<string, ArticleResult>()
  await runOnThreads<ArticleJob, {id: string; result?: ArticleResult; error?: string}>({
    jobs,
    threads,
    spawn: () => new Worker(workerScript, {workerData: settings, resourceLimits: workerResourceLimits}),
    id: (job) => job.id,
    message: (job) => job,
    here: (job) => ({id: job.id, result: buildHere(job)}),
    onReply: (job, reply) => results.set(job.id, reply.result!)
  })
  return results
}
