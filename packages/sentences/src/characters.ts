// Character classes shared by the quotation pairing and the sentence scanner.
// Everything works on UTF-16 code units: every character tested here is in the BMP.

export const PERIOD = 0x2e;
export const STRAIGHT_QUOTE = 0x22;

/** Same set as the JavaScript `\s` class, so callers can trim with `/\s/`. */
export function isWhitespace(code: number): boolean {
  switch (code) {
    case 0x09:
    case 0x0a:
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0x20:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
    case 0xfeff:
      return true;
    default:
      return code >= 0x2000 && code <= 0x200a;
  }
}

function isLineBreak(code: number): boolean {
  return (code >= 0x0a && code <= 0x0d) || code === 0x2028 || code === 0x2029;
}

/** Spaces that may separate a terminal mark from its closing quotation mark (`? »`). */
export function isHorizontalWhitespace(code: number): boolean {
  return isWhitespace(code) && !isLineBreak(code);
}

/** `.` `?` `!` `…` — runs such as `...` or `?!` form one terminal cluster. */
export function isTerminalPunctuation(code: number): boolean {
  return code === PERIOD || code === 0x3f || code === 0x21 || code === 0x2026;
}

/** « “ „ */
export function isOpeningQuotationMark(code: number): boolean {
  return code === 0xab || code === 0x201c || code === 0x201e;
}

/** » ” */
export function isClosingQuotationMark(code: number): boolean {
  return code === 0xbb || code === 0x201d;
}

/** ) ] */
export function isClosingBracket(code: number): boolean {
  return code === 0x29 || code === 0x5d;
}

/** Characters after which a word starts: quotation marks and brackets that open. */
export function isOpeningPunctuation(code: number): boolean {
  return isOpeningQuotationMark(code) || code === STRAIGHT_QUOTE || code === 0x28 || code === 0x5b;
}

/** ' ‘ ’ — never quotation marks here; they only end an elided article before a word. */
export function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2018 || code === 0x2019;
}

// Uppercase (including accented and titlecase letters), digit, opening quotation mark
// or bracket, em or en dash. Sticky so it tests exactly one position, surrogate-aware.
const SENTENCE_INITIAL = /[\p{Lu}\p{Lt}\p{Nd}«“„"(\[—–]/uy;

export function canStartSentence(text: string, index: number): boolean {
  SENTENCE_INITIAL.lastIndex = index;
  return SENTENCE_INITIAL.test(text);
}

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
