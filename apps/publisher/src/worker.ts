// A build worker: builds the articles the main thread sends, one at a time, in order.
import {parentPort, workerData} from 'node:worker_threads'
import {buildArticle, createRenderContext, type ArticleJob, type RenderSettings} from './build-article.js'

const context = createRenderContext(workerData as RenderSettings)

parentPort!.on('message', (job: ArticleJob) => {
  // The main thread keeps one article waiting here, so the thread never idles; a build is synchronous, so they come one after the other.
  try {
    parentPort!.postMessage({id: job.id, result: buildArticle(context, job)})
  } catch (error) {
    parentPort!.postMessage({id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error)})
  }
})
