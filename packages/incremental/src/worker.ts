// A worker thread of `runIncremental`: imports the module that computes, then computes the items it is sent, in order.
import {parentPort, workerData} from 'node:worker_threads'
import type {Compute} from './run.js'

const {module, data} = workerData as {module: string; data: unknown}
const {compute} = (await import(module)) as {compute: Compute<unknown>}

parentPort!.on('message', (id: string) => {
  try {
    parentPort!.postMessage({id, result: compute(id, data)})
  } catch (error) {
    parentPort!.postMessage({id, error: error instanceof Error ? (error.stack ?? error.message) : String(error)})
  }
})
