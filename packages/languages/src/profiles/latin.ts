/** Lowercase Latin-script words compared without diacritics: a source typed without accents (`Etat`) still matches `État`. */
export function foldLatin(lowercase: string): string {
  return lowercase.normalize('NFD').replace(/\p{M}/gu, '').replaceAll('œ', 'oe').replaceAll('æ', 'ae')
}

/** Digits grouped by spaces: U+0020, U+00A0 or U+202F. */
export const spaces = '\u0020\u00a0\u202f'
