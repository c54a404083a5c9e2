/**
 * The corpus as files, without the parsers (Markdown, YAML) the rest of
 * `@briefs/corpus` loads: where files are, the configuration, the article
 * IDs, messages as data. For what must start fast, such as a command whose
 * results are cached (`@briefs/corpus/files`).
 */
export {articleIdProblem, isSafeArticleId} from './ids.js'
export {nearestIds, resolveArticleIds} from './article-ids.js'
export {configFileName, defaultSettings, languageProblem, maxArticleKbProblem, parseCorpusConfig, readCorpusConfig, readCorpusSettings} from './config.js'
export type {CorpusConfig, RuleSetting} from './config.js'
export {listArticleIds} from './corpus.js'
export {fileOfError} from './file-of-error.js'
export {deserializeError, deserializeFiles, serializeError, serializeFiles} from './file-messages.js'
export type {ErrorData, FileMessages, MessageData} from './file-messages.js'
export {stringifyJson} from './json.js'
export {isTargetLanguage, sourceLanguage} from './languages.js'
export type {LanguageCode, TargetLanguage} from './languages.js'
export {corpusLayout} from './layout.js'
export type {CorpusLayout} from './layout.js'
export {writeFileAtomic} from './write.js'
