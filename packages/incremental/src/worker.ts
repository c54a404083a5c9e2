// A worker thread of `runIncremental`: imports the module that computes, then computes the items it is sent, in order.
import {parentPort, workerData} from 'node:worker_threads'
import {contentKey} from './content.js'
import type {Compute} from './run.js'

const {module, data} = workerData as {module: string; data: unknown}
const {compute} = (await import(module)) as {compute: Compute<unknown>}

parentPort!.on('message', ({id, inputs}: {id: string; inputs: string[]}) => {
  try {
    const result = compute(id, data)
    // What the result was computed from, by content: the files were just read, they are in the page cache.
    parentPort!.postMessage({id, result, key: contentKey(inputs)})
  } catch (error) {
    parentPort!.postMessage({id, error: error instanceof Error ? (error.stack ?? error.message) : String(error)})
  }
})
