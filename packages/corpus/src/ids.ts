/**
 * Article IDs name files and i18next namespaces: lowercase ASCII words
 * joined by single hyphens. No `.`, `/`, `\`, `:` or `__proto__` can get
 * through, so an ID can never leave its folder nor clash with i18next's
 * separators.
 */
export const articleIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export const maxArticleIdLength = 80

/**
 * Names Windows reserves for devices, whatever the extension: a file
 * `con.md` or `lpt1.json` cannot be checked out there.
 */
const windowsReservedNames = new Set(['con', 'prn', 'aux', 'nul', ...Array.from({length: 9}, (_, index) => `com${index + 1}`), ...Array.from({length: 9}, (_, index) => `lpt${index + 1}`)])

/** Whether Windows refuses `name` as a file name: a device name as its first dot-part (`nul`, `Con.md`, `lpt1.tar.gz`). */
export function isWindowsReservedName(name: string): boolean {
  return windowsReservedNames.has(name.split('.')[0]!.trimEnd().toLowerCase())
}

export function isSafeArticleId(id: string): boolean {
  return id.length <= maxArticleIdLength && articleIdPattern.test(id) && !isWindowsReservedName(id)
}

/** Why an ID is refused, worded "Unexpected X, expected Y"; `undefined` when it is safe. */
export function articleIdProblem(id: string): string | undefined {
  if (isSafeArticleId(id)) return undefined
  const shown = JSON.stringify(id)
  if (id.length > maxArticleIdLength) {
    return `Unexpected article ID ${shown} of ${id.length} characters, expected at most ${maxArticleIdLength}`
  }
  if (articleIdPattern.test(id)) {
    return `Unexpected article ID ${shown}, a device name on Windows, expected another (such as \`${id}-1\`): \`con\`, \`prn\`, \`aux\`, \`nul\`, \`com1\`–\`com9\` and \`lpt1\`–\`lpt9\` cannot be file names there`
  }
  return `Unexpected article ID ${shown}, expected lowercase letters, digits and single hyphens (such as \`2022-10-plus-de-200-000\`)`
}

/**
 * A safe ID from free text: accents folded to ASCII, lowercase, words
 * joined by hyphens, cut at a word boundary.
 */
export function slugify(text: string, maxLength = 60): string {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (next.length > maxLength) break
    slug = next
  }
  return slug
}
