import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/index.js';

describe('splitSentences', () => {
  it('returns no range for empty or whitespace-only text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\t\u00a0\u202f ')).toEqual([]);
  });

  it('returns UTF-16 offsets with an exclusive end, leaving surrounding whitespace out', () => {
    const text = '  Qui paiera\u00a0? Personne 😀.\n';
    expect(splitSentences(text)).toEqual([
      { start: 2, end: 14 },
      { start: 15, end: 27 },
    ]);
    expect(text.slice(15, 27)).toBe('Personne 😀.');
  });

  it('keeps a single sentence without terminal punctuation whole', () => {
    expect(splitSentences('Plus de 200 000 hommes enrôlés')).toEqual([{ start: 0, end: 30 }]);
  });

  it('stays linear on long and pathological inputs', () => {
    const article = 'Le ministre a déclaré « Nous partons. Vite ! » puis M. Tokaïev est arrivé. '.repeat(20_000);
    expect(splitSentences(article)).toHaveLength(20_000);

    // Openers never closed and periods everywhere: each must be handled in constant time.
    expect(splitSentences('« Le. '.repeat(100_000))).toHaveLength(100_000);
    expect(splitSentences('"a. "b. '.repeat(100_000))).toHaveLength(200_000);
    expect(splitSentences(`${'x'.repeat(500_000)}. Le`)).toHaveLength(2);
  });
});
