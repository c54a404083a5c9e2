export {checkLanguage, detectOtherLanguage, languageName, sentenceRulesFor} from './language.js'
export {parseDocument, readDocument} from './read.js'
export type {DocumentFormat, DocumentParagraph, DocumentSentence, ReadOptions, TranslationDocument} from './read.js'
