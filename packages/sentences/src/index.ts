export { splitSentences } from './split.js';
export type { SentenceRange } from './split.js';
