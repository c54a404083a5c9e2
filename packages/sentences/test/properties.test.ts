import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SentenceRange, englishRules, frenchRules, germanRules, russianRules, splitSentences } from '../src/index.js';

const WHITESPACE = /\s/;

// Pieces that exercise every rule: terminal marks, quotation marks, French spacing,
// abbreviations, numbers, apostrophes, surrogate pairs.
const PIECES = [
  ' ', ' ', '\n', '\u00a0', '\u202f', '\t',
  '.', '?', '!', '…', '...', ':', ';', ',',
  '«', '»', '“', '”', '„', '"', '’', '‘', "'", '(', ')', '[', ']', '—', '–',
  'Le', 'la', 'Il', 'il', 'É', 'À', 'M.', 'Mme', 'J.-C.', 'V.', 'etc.', 'sept.', 'p. ex.',
  '10.000', '1,5', '2022', '1.', 'www.reuters.com', 'l’armée', 'pourquoi', '😀', 'a',
];

const textArbitrary = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((pieces) => pieces.join('')),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom('a', 'B', ' ', '.', '?', '«', '»', '"', '“', '”'), maxLength: 80 }),
);

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function expectWellFormed(text: string, ranges: SentenceRange[]): void {
  let previousEnd = 0;
  for (const { start, end } of ranges) {
    expect(Number.isInteger(start) && Number.isInteger(end)).toBe(true);
    expect(start).toBeGreaterThanOrEqual(previousEnd);
    expect(end).toBeGreaterThan(start);
    expect(end).toBeLessThanOrEqual(text.length);
    expect(WHITESPACE.test(text.charAt(start))).toBe(false);
    expect(WHITESPACE.test(text.charAt(end - 1))).toBe(false);
    expect(isHighSurrogate(text.charCodeAt(end - 1))).toBe(false);
    // Whatever lies between two ranges is whitespace.
    expect(text.slice(previousEnd, start).trim()).toBe('');
    previousEnd = end;
  }
  expect(text.slice(previousEnd).trim()).toBe('');
}

// A balanced quotation whose content may hold sentence ends and nested quotations.
// Straight quotes hug their content, as in the articles; guillemets may be spaced.
const QUOTATION_MARKS: ReadonlyArray<readonly [string, string]> = [
  ['«\u00a0', '\u00a0»'],
  ['« ', ' »'],
  ['«', '»'],
  ['“', '”'],
  ['„', '”'],
  ['“', ' »'],
  ['"', '"'],
];

const WORDS = [
  'nous', 'Nous', 'partons.', 'Pourquoi ?', 'pourquoi\u00a0?', 'Vraiment !', 'Fin…', 'M.', 'Tokaïev.',
  '10.000', '2022.', 'Le', 'La', 'il', 'Il', 'ajouta.', 'etc.', 'sept.', 'É', '—', ':', ';', ',',
  'l’armée', "d'eux", '(voir', 'ci-dessus.)', '[from', 'Russia]',
];

const wordArbitrary = fc.constantFrom(...WORDS);

const { quotation } = fc.letrec((tie) => ({
  quotation: fc
    .tuple(
      fc.constantFrom(...QUOTATION_MARKS),
      wordArbitrary,
      fc.array(fc.oneof({ depthSize: 'small', withCrossShrink: true }, wordArbitrary, tie('quotation')), {
        maxLength: 8,
      }),
      wordArbitrary,
    )
    .map(([[open, close], first, middle, last]) => `${open}${[first, ...(middle as string[]), last].join(' ')}${close}`),
}));

const quotedTextArbitrary = fc.record({
  before: fc.array(wordArbitrary, { maxLength: 6 }),
  quotation: quotation as fc.Arbitrary<string>,
  after: fc.array(wordArbitrary, { maxLength: 6 }),
  separator: fc.constantFrom(' ', ', ', '. ', ' ? ', '\n'),
});

describe('splitSentences properties', () => {
  it('returns ordered, non-overlapping, trimmed ranges covering every non-whitespace character', () => {
    fc.assert(
      fc.property(textArbitrary, (text) => {
        const ranges = splitSentences(text);
        expectWellFormed(text, ranges);
        expect(ranges.length === 0).toBe(text.trim() === '');
      }),
      { numRuns: 2000 },
    );
  });

  it('never puts a boundary inside a balanced quotation', () => {
    fc.assert(
      fc.property(quotedTextArbitrary, ({ before, quotation, after, separator }) => {
        const prefix = before.length > 0 ? `${before.join(' ')} ` : '';
        const text = `${prefix}${quotation}${separator}${after.join(' ')}`;
        const openIndex = prefix.length;
        const closeIndex = openIndex + quotation.length - 1;
        const ranges = splitSentences(text);
        expectWellFormed(text, ranges);
        for (const { start, end } of ranges) {
          expect(start > openIndex && start <= closeIndex, `range starts inside the quotation of ${text}`).toBe(false);
          expect(end > openIndex && end <= closeIndex, `range ends inside the quotation of ${text}`).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('returns well-formed ranges under every rule set, and French by default', () => {
    fc.assert(
      fc.property(textArbitrary, (text) => {
        for (const rules of [englishRules, russianRules, germanRules]) expectWellFormed(text, splitSentences(text, rules));
        expect(splitSentences(text, frenchRules)).toEqual(splitSentences(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('is deterministic and keeps no state between calls', () => {
    fc.assert(
      fc.property(textArbitrary, textArbitrary, (text, otherText) => {
        const first = splitSentences(text);
        splitSentences(otherText);
        expect(splitSentences(`${text}`)).toEqual(first);
      }),
      { numRuns: 1000 },
    );
  });
});
