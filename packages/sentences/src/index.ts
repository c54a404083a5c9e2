export { englishRules, frenchRules, germanRules, russianRules } from './abbreviations.js';
export type { SentenceRules } from './abbreviations.js';
export { splitSentences } from './split.js';
export type { SentenceRange } from './split.js';
