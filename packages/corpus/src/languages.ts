// The languages themselves are profiles of `@briefs/languages`; a corpus lists its target languages in `briefs.config.json`.
export {isTargetLanguage, sourceLanguage} from '@briefs/languages'
export type {LanguageCode, TargetLanguage} from '@briefs/languages'
