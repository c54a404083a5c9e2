import type {TargetLanguage} from '@briefs/corpus'

/** The French source or one of the target languages. */
export type Language = 'fr' | TargetLanguage

export const languageNames: Record<Language, string> = {fr: 'French', en: 'English', ru: 'Russian'}
