export {ingestArticle} from './ingest.js'
export type {IngestOptions, Ingested} from './ingest.js'
export {readRawArticle} from './raw.js'
export type {RawArticle} from './raw.js'
