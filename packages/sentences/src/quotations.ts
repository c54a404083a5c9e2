import {
  STRAIGHT_QUOTE,
  isClosingBracket,
  isClosingQuotationMark,
  isOpeningPunctuation,
  isOpeningQuotationMark,
  isTerminalPunctuation,
  isWhitespace,
} from './characters.js';

/** Depth change at each UTF-16 index: +1 paired opener, -1 paired closer, 0 otherwise. */
export type QuotationDepthChanges = Int8Array;

const LEFT_DOUBLE_QUOTE = 0x201c;
const LOW_DOUBLE_QUOTE = 0x201e;
const OPENS = 1;
const CLOSES = -1;

/**
 * Pairs quotation marks before scanning so that an opener never closed in the text
 * (or a stray closer) is ignored instead of holding every later sentence open.
 * « “ „ open and » ” close; any closer closes the innermost opener because real
 * articles mix them (“… »). A straight " opens or closes depending on its neighbours.
 */
export function pairQuotations(text: string, lowQuoteClosedByLeftQuote = false): QuotationDepthChanges {
  const depthChanges = new Int8Array(text.length);
  const openers: number[] = [];
  let openStraightQuotes = 0;
  let lastStraightQuoteOpened = false;

  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);

    if (lowQuoteClosedByLeftQuote && code === LEFT_DOUBLE_QUOTE && openers.length > 0 && text.charCodeAt(openers[openers.length - 1]!) === LOW_DOUBLE_QUOTE) {
      // German and Russian „…“: the left double quote closes the low one.
      const opener = openers.pop()!;
      depthChanges[opener] = OPENS;
      depthChanges[index] = CLOSES;
    } else if (isOpeningQuotationMark(code)) {
      openers.push(index);
    } else if (isClosingQuotationMark(code)) {
      const opener = openers.pop();
      if (opener === undefined) continue;
      if (text.charCodeAt(opener) === STRAIGHT_QUOTE) openStraightQuotes--;
      depthChanges[opener] = OPENS;
      depthChanges[index] = CLOSES;
    } else if (code === STRAIGHT_QUOTE) {
      // Adjacent straight quotes (`""Partez` or `partez"",`) go the same way.
      const opens: boolean =
        index > 0 && text.charCodeAt(index - 1) === STRAIGHT_QUOTE
          ? lastStraightQuoteOpened
          : straightQuoteOpens(text, index, openStraightQuotes > 0);
      lastStraightQuoteOpened = opens;
      if (opens) {
        openers.push(index);
        openStraightQuotes++;
      } else if (openStraightQuotes > 0) {
        // Openers left inside the straight pair were never closed: they stay ignored.
        let opener = openers.pop();
        while (opener !== undefined && text.charCodeAt(opener) !== STRAIGHT_QUOTE) opener = openers.pop();
        if (opener === undefined) continue;
        openStraightQuotes--;
        depthChanges[opener] = OPENS;
        depthChanges[index] = CLOSES;
      }
    }
  }

  return depthChanges;
}

/**
 * A straight quote glued to the following word (`le "génocide`) opens; one glued to
 * the preceding word and followed by a space or punctuation (`génocide",`) closes.
 * Otherwise it toggles. Reading the neighbours first keeps one stray quote from
 * pairing with the opener of the next quotation and swallowing the sentences between.
 */
function straightQuoteOpens(text: string, index: number, straightQuoteIsOpen: boolean): boolean {
  const previous = index > 0 ? text.charCodeAt(index - 1) : undefined;
  const next = index + 1 < text.length ? text.charCodeAt(index + 1) : undefined;
  const afterWordBoundary = previous === undefined || isWhitespace(previous) || isOpeningPunctuation(previous);

  if (afterWordBoundary && next !== undefined && !isWhitespace(next)) return true;
  if (!afterWordBoundary && (next === undefined || isWhitespace(next) || closesAfterQuote(next))) return false;
  return !straightQuoteIsOpen;
}

function closesAfterQuote(code: number): boolean {
  return (
    isTerminalPunctuation(code) ||
    code === 0x2c || // ,
    code === 0x3a || // :
    code === 0x3b || // ;
    isClosingBracket(code) ||
    isClosingQuotationMark(code)
  );
}
