import { type SentenceRules, compileRules, frenchRules, isAbbreviationPeriod } from './abbreviations.js';
import {
  PERIOD,
  STRAIGHT_QUOTE,
  canStartSentence,
  isApostrophe,
  isAsciiDigit,
  isClosingBracket,
  isClosingQuotationMark,
  isHorizontalWhitespace,
  isOpeningPunctuation,
  isTerminalPunctuation,
  isWhitespace,
} from './characters.js';
import { type QuotationDepthChanges, pairQuotations } from './quotations.js';

/** A sentence as UTF-16 offsets into the input text; `end` is exclusive. */
export interface SentenceRange {
  start: number;
  end: number;
}

const LEFT_DOUBLE_QUOTE = 0x201c;
const EM_DASH = 0x2014;
const EN_DASH = 0x2013;
const LOWERCASE_AFTER_DASH = /^\s+\p{Ll}/u;

/** List markers such as "1." or "12." at the start of a sentence. */
const LONGEST_LIST_MARKER = 2;

/**
 * Splits one block of news text (paragraph, heading, list item) into sentences, by the
 * abbreviations of `rules` (French by default). Ranges are ordered, never overlap, never
 * start or end with whitespace, and cover every non-whitespace character. Single pass
 * after the quotation pairing: linear time.
 */
export function splitSentences(text: string, rules: SentenceRules = frenchRules): SentenceRange[] {
  const compiled = compileRules(rules);
  const length = text.length;
  const firstCharacter = skipWhitespace(text, 0);
  if (firstCharacter === length) return [];

  const depthChanges = pairQuotations(text, compiled.lowQuoteClosedByLeftQuote);
  const ranges: SentenceRange[] = [];
  let sentenceStart = firstCharacter;
  let quotationDepth = 0;
  let index = firstCharacter;

  while (index < length) {
    if (!isTerminalPunctuation(text.charCodeAt(index))) {
      quotationDepth += depthChanges[index] ?? 0;
      index++;
      continue;
    }

    const terminalStart = index;
    while (index < length && isTerminalPunctuation(text.charCodeAt(index))) index++;
    const terminalEnd = index;

    // Closing marks belong to the sentence they close, even after French spacing ("? »").
    let candidateEnd = terminalEnd;
    for (;;) {
      let markIndex = candidateEnd;
      while (markIndex < length && isHorizontalWhitespace(text.charCodeAt(markIndex))) markIndex++;
      if (markIndex === length || !isClosingMark(text, markIndex, depthChanges, markIndex > candidateEnd)) break;
      quotationDepth += depthChanges[markIndex] ?? 0;
      candidateEnd = markIndex + 1;
    }
    index = candidateEnd;

    // A sentence never ends inside an open quotation.
    if (quotationDepth > 0) continue;

    const nextStart = skipWhitespace(text, candidateEnd);
    if (nextStart === candidateEnd || nextStart === length) continue;
    if (!startsNextSentence(text, nextStart, depthChanges, compiled.dashBeforeLowercaseContinues)) continue;

    const isSinglePeriod = terminalEnd - terminalStart === 1 && text.charCodeAt(terminalStart) === PERIOD;
    if (isSinglePeriod && periodContinuesSentence(text, terminalStart, sentenceStart, nextStart, compiled)) continue;

    ranges.push({ start: sentenceStart, end: candidateEnd });
    sentenceStart = nextStart;
    index = nextStart;
  }

  ranges.push({ start: sentenceStart, end: trimmedEnd(text) });
  return ranges;
}

function skipWhitespace(text: string, index: number): number {
  while (index < text.length && isWhitespace(text.charCodeAt(index))) index++;
  return index;
}

function trimmedEnd(text: string): number {
  let end = text.length;
  while (end > 0 && isWhitespace(text.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * ) ] » ” and closing straight quotes after terminal punctuation. Glued to the mark,
 * an unpaired straight quote still closes (`tendue."`); after a space only a quote
 * paired as a closer does, since a spaced opener starts the next sentence.
 */
function isClosingMark(
  text: string,
  index: number,
  depthChanges: QuotationDepthChanges,
  afterSpace: boolean,
): boolean {
  const code = text.charCodeAt(index);
  if (isClosingBracket(code) || isClosingQuotationMark(code)) return true;
  // “ closing „ (German, Russian): paired as a closer only under those rules.
  if (code === LEFT_DOUBLE_QUOTE) return (depthChanges[index] ?? 0) < 0;
  if (code !== STRAIGHT_QUOTE) return false;
  const depthChange = depthChanges[index] ?? 0;
  return afterSpace ? depthChange < 0 : depthChange <= 0;
}

function startsNextSentence(text: string, index: number, depthChanges: QuotationDepthChanges, dashBeforeLowercaseContinues: boolean): boolean {
  // A straight quote (or a “ closing „) paired as a closer cannot open the next sentence.
  const code = text.charCodeAt(index);
  if ((code === STRAIGHT_QUOTE || code === LEFT_DOUBLE_QUOTE) && (depthChanges[index] ?? 0) < 0) return false;
  if (dashBeforeLowercaseContinues && (code === EM_DASH || code === EN_DASH) && LOWERCASE_AFTER_DASH.test(text.slice(index + 1, index + 4))) return false;
  return canStartSentence(text, index);
}

/** Abbreviations, initials and list markers: the period does not end the sentence. */
function periodContinuesSentence(
  text: string,
  periodIndex: number,
  sentenceStart: number,
  nextStart: number,
  rules: ReturnType<typeof compileRules>,
): boolean {
  const wordStart = findWordStart(text, periodIndex, rules.longest);
  if (wordStart === undefined || wordStart === periodIndex) return false;
  const word = text.slice(wordStart, periodIndex);
  if (wordStart === sentenceStart && isListMarker(word)) return true;
  const nextWord = wordAt(text, nextStart);
  if (rules.ordinalBefore.size > 0 && isOrdinal(word) && rules.ordinalBefore.has(nextWord)) return true;
  return isAbbreviationPeriod(word, nextWord, isAsciiDigit(text.charCodeAt(nextStart)), rules);
}

const WORD = /[\p{L}\p{M}]*/uy;

/** The letters at `index`: the next word, for sentence starters and ordinals. */
function wordAt(text: string, index: number): string {
  WORD.lastIndex = index;
  return WORD.exec(text)?.[0] ?? '';
}

/** `21` in `am 21. September`: digits only, at most four. */
function isOrdinal(word: string): boolean {
  if (word.length > 4) return false;
  for (let index = 0; index < word.length; index++) {
    if (!isAsciiDigit(word.charCodeAt(index))) return false;
  }
  return true;
}

/**
 * Start of the word ending at `end`: after whitespace, an opening quotation mark or
 * bracket, an elided article ("l'art.", "d’avr.") or the start of the text. Undefined
 * when the word is too long to be an abbreviation, which also bounds the backward scan.
 */
function findWordStart(text: string, end: number, longest: number): number | undefined {
  const limit = Math.max(0, end - longest);
  let start = end;
  while (start > 0) {
    const code = text.charCodeAt(start - 1);
    if (isWhitespace(code) || isOpeningPunctuation(code) || isApostrophe(code)) return start;
    if (start === limit) return undefined;
    start--;
  }
  return start;
}

function isListMarker(word: string): boolean {
  if (word.length > LONGEST_LIST_MARKER) return false;
  for (let index = 0; index < word.length; index++) {
    if (!isAsciiDigit(word.charCodeAt(index))) return false;
  }
  return true;
}
