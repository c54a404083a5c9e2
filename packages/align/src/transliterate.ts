// Comparison forms of words across scripts and spellings, so that names and
// cognates match: Путин ↔ Poutine ↔ Putin, Тбилиси ↔ Tbilissi, Шойгу ↔ Choïgou.

/** Russian (and common Ukrainian) Cyrillic to Latin, a simple scholarly-style transliteration. */
const cyrillic: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g'
}

const cyrillicLetter = /[\u0400-\u04ff]/
const cyrillicLetters = /[\u0400-\u04ff]/g
const asciiOnly = /^[\x00-\x7f]*$/

/** Lowercase, Latin letters without diacritics, Cyrillic transliterated: `Choïgou` → `choigou`, `Шойгу` → `shoygu`. */
export function latinFold(word: string): string {
  let lower = word.toLowerCase()
  if (cyrillicLetter.test(lower)) lower = lower.replace(cyrillicLetters, (char) => cyrillic[char] ?? char)
  if (asciiOnly.test(lower)) return lower
  return lower
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replaceAll('œ', 'oe')
    .replaceAll('æ', 'ae')
    .replaceAll('ß', 'ss')
}

/**
 * Spelling conventions of a language mapped to rough sounds, applied before the
 * shared reduction: French `ch` and `ou` (`Choïgou`), German `sch`, `ch`, `z`,
 * `w`, English `sh`. A language not listed only gets the shared reduction.
 */
const spellings: Record<string, Array<[RegExp, string]>> = {
  fr: [
    [/ch/g, 'sh'],
    [/ou/g, 'u'],
    [/qu/g, 'k'],
    [/c(?=[eiy])/g, 's'],
    [/gu(?=[ei])/g, 'g'],
    [/ph/g, 'f'],
    [/j/g, 'zh'],
    [/eu/g, 'e']
  ],
  de: [
    [/sch/g, 'sh'],
    [/ch/g, 'kh'],
    [/tz/g, 'ts'],
    [/z/g, 'ts'],
    [/w/g, 'v'],
    [/j/g, 'y'],
    [/ei/g, 'ai'],
    [/ie/g, 'i'],
    [/ph/g, 'f']
  ],
  en: [
    [/qu/g, 'kv'],
    [/c(?=[eiy])/g, 's'],
    [/ph/g, 'f'],
    [/j/g, 'zh']
  ]
}

/**
 * A rough sound form for comparing names and cognates across languages:
 * Latin-folded, per-language spellings mapped, then `c`/`q` → `k`, `y`/`j` →
 * `i`, `w` → `v`, `h` after a consonant dropped (`kh`, `sh`, `th`), `x` →
 * `ks`, doubled letters single. `Poutine` → `putine`, `Путин` → `putin`;
 * `Tbilissi` and `Тбилиси` → `tbilisi`; `Choïgou` and `Шойгу` → `soigu`.
 */
export function soundForm(word: string, language: string): string {
  let cache = soundForms.get(language)
  if (!cache) soundForms.set(language, (cache = new Map()))
  let form = cache.get(word)
  if (form === undefined) {
    form = computeSoundForm(word, language)
    // Documents reuse a small vocabulary; the bound keeps a long run from growing without end.
    if (cache.size < 200_000) cache.set(word, form)
  }
  return form
}

const soundForms = new Map<string, Map<string, string>>()

function computeSoundForm(word: string, language: string): string {
  let form = latinFold(word)
  for (const [pattern, replacement] of spellings[language] ?? []) form = form.replace(pattern, replacement)
  form = form
    .replace(/[cq]/g, 'k')
    .replace(/[yj]/g, 'i')
    .replace(/w/g, 'v')
    .replace(/x/g, 'ks')
    .replace(/([bcdfgkmnprstvz])h/g, '$1')
    .replace(/(.)\1+/g, '$1')
  return form
}
