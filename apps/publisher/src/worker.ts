// A build worker: renders and writes the articles the main thread sends, one at a time.
import {parentPort, workerData} from 'node:worker_threads'
import {buildArticle, createRenderContext, type RenderSettings} from './build-article.js'

const settings = workerData as RenderSettings
const context = createRenderContext(settings)

parentPort!.on('message', (id: string) => {
  buildArticle(context, settings.out, id).then(
    (built) => parentPort!.postMessage({id, built}),
    (error: unknown) => parentPort!.postMessage({id, error: error instanceof Error ? (error.stack ?? error.message) : String(error)})
  )
})
