// Words whose trailing period is an abbreviation mark, matched case-sensitively on the
// word before the period (so "Me" the title is listed, "me" the pronoun is not).

/** Titles, reference and street abbreviations: the next word is part of the same sentence. */
const ABBREVIATIONS = new Set([
  // Titles before a name ("M. Tokaïev", "Mme. Martin" when written with a period).
  'M',
  'MM',
  'Mme',
  'Mmes',
  'Mlle',
  'Mlles',
  'Dr',
  'Drs',
  'Pr',
  'Me',
  'Mgr',
  'St',
  'Ste',
  'Sts',
  'Stes',
  // Latin and reference abbreviations.
  'p',
  'pp',
  'ex',
  'c.-à-d',
  'c-à-d',
  'cf',
  'env',
  'art',
  'vol',
  'chap',
  'fig',
  // Streets; "av" also covers "av. J.-C.", "apr" covers "apr. J.-C.".
  'av',
  'apr',
  'bd',
]);

/**
 * Month abbreviations are followed by a year ("21 sept. 2022") or carry on in lowercase.
 * Before an uppercase word the period also ends the sentence, which keeps
 * "Ils étaient sept. Le lendemain…" split.
 */
const MONTH_ABBREVIATIONS = new Set(['janv', 'févr', 'fév', 'avr', 'juil', 'sept', 'oct', 'nov', 'déc']);

/** "V", "J", "J.-C", "J.-P": uppercase letters joined by "." or ".-". */
const INITIALS = /^(?:\p{Lu}\.-?)*\p{Lu}$/u;

/** No abbreviation above is longer; longer words are not looked up. */
export const LONGEST_ABBREVIATION = 12;

/**
 * Whether the period after `word` only marks an abbreviation or initial, so the
 * sentence goes on even though the next word could start a sentence.
 */
export function isAbbreviationPeriod(word: string, nextIsDigit: boolean): boolean {
  if (ABBREVIATIONS.has(word) || INITIALS.test(word)) return true;
  return nextIsDigit && MONTH_ABBREVIATIONS.has(word);
}
