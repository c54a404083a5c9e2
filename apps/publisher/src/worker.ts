// A build worker: renders and writes the articles the main thread sends, one at a time, in order.
import {parentPort, workerData} from 'node:worker_threads'
import {buildArticle, createRenderContext, type RenderSettings} from './build-article.js'

const settings = workerData as RenderSettings
const context = createRenderContext(settings)
let queue = Promise.resolve()

parentPort!.on('message', (id: string) => {
  // The main thread keeps one article waiting here, so the thread never idles: render them one after the other.
  queue = queue.then(() =>
    buildArticle(context, settings.out, id).then(
      (built) => parentPort!.postMessage({id, built}),
      (error: unknown) => parentPort!.postMessage({id, error: error instanceof Error ? (error.stack ?? error.message) : String(error)})
    )
  )
})
