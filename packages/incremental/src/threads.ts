import type {ResourceLimits, Worker} from 'node:worker_threads'

/**
 * The heap of a worker (`resourceLimits` of `new Worker`): one job at a
 * time needs a few megabytes, and a heap left to grow fills with garbage
 * before V8 collects it (peak memory would grow with the run, not with the
 * job). The young generation keeps V8's default: the build's workers, whose
 * time is what a desk waits for.
 */
export const workerResourceLimits: Readonly<ResourceLimits> = {maxOldGenerationSizeMb: 96}

/**
 * `workerResourceLimits` with a young generation of 24 MB (semi-spaces of
 * 8 MB instead of 16), for `runIncremental`: computing what is not kept
 * yet (a first `check`, `status`, `sync`) then peaks at about 215 MB
 * instead of 260 (1,000 articles, two workers) for some 10 % more time,
 * once per clone. The build's workers would pay a fifth more CPU.
 */
export const leanWorkerResourceLimits: Readonly<ResourceLimits> = {...workerResourceLimits, maxYoungGenerationSizeMb: 24}

/** What a worker thread answers for each job it is posted: the job's `id`, and `error` when it threw. */
export interface WorkerReply {
  id: string
  error?: string | undefined
}

export interface ThreadsOptions<Job, Reply extends WorkerReply> {
  jobs: readonly Job[]
  /** Threads to use: more than one starts as many workers (at most one per job), and this thread only hands out jobs. */
  threads: number
  /** A new worker thread, its heap bounded (`resourceLimits`), answering each job posted with one `Reply`. */
  spawn: () => Worker
  /** The job's ID, as the worker's reply names it. */
  id: (job: Job) => string
  /** The message posted to a worker for the job. */
  message: (job: Job) => unknown
  /** The job done on this thread: with one thread, and for the jobs a worker ran out of memory on. */
  here: (job: Job) => Reply | Promise<Reply>
  /** Each reply, in no particular order. */
  onReply: (job: Job, reply: Reply) => void
}

/**
 * Do `jobs` on worker threads, each taking the next when done with one and
 * holding one more, so none idles. A worker's heap is bounded, so that
 * memory holds a few jobs, not the garbage of all of them; a job too large
 * for it (a worker ends with `ERR_WORKER_OUT_OF_MEMORY`) is done again on
 * this thread, whose heap is not bounded, with the job that was waiting:
 * a large input is slower, never a failure. Any other failure of a worker
 * rejects.
 */
export async function runOnThreads<Job, Reply extends WorkerReply>(options: Readonly<ThreadsOptions<Job, Reply>>): Promise<void> {
  const queue = [...options.jobs]
  const outOfMemory: Job[] = []
  const workers = Array.from({length: options.threads > 1 ? Math.min(options.threads, queue.length) : 0}, () => options.spawn())
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const pending = new Map<string, Job>()
            let settled = false
            const settle = (error?: Error) => {
              if (settled) return
              settled = true
              if (error) reject(error)
              else resolve()
            }
            const send = () => {
              const job = queue.shift()
              if (job === undefined) return
              pending.set(options.id(job), job)
              worker.postMessage(options.message(job))
            }
            worker.on('message', (reply: Reply) => {
              const job = pending.get(reply.id)
              pending.delete(reply.id)
              if (job === undefined || reply.error !== undefined) return settle(new Error(`Unexpected failure of \`${reply.id}\` on a worker thread: ${reply.error ?? 'not asked for'}`))
              options.onReply(job, reply)
              send()
              if (pending.size === 0) settle()
            })
            worker.on('error', (error: NodeJS.ErrnoException) => {
              if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return settle(error)
              outOfMemory.push(...pending.values())
              pending.clear()
              settle()
            })
            worker.on('exit', (code) => {
              if (pending.size > 0) settle(new Error(`Unexpected exit of a worker thread (code ${code}) with ${pending.size} jobs under way`))
            })
            send()
            send()
            if (pending.size === 0) settle()
          })
      )
    )
    // One thread; or what workers could not hold; or the rest, when every worker ran out of memory.
    for (const job of [...outOfMemory, ...queue.splice(0)]) options.onReply(job, await options.here(job))
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}
