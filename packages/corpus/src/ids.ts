/**
 * Article IDs name files and i18next namespaces: lowercase ASCII words
 * joined by single hyphens. No `.`, `/`, `\`, `:` or `__proto__` can get
 * through, so an ID can never leave its folder nor clash with i18next's
 * separators.
 */
export const articleIdPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export const maxArticleIdLength = 80

export function isSafeArticleId(id: string): boolean {
  return id.length <= maxArticleIdLength && articleIdPattern.test(id)
}

/** Why an ID is refused, worded "Unexpected X, expected Y"; `undefined` when it is safe. */
export function articleIdProblem(id: string): string | undefined {
  if (isSafeArticleId(id)) return undefined
  const shown = JSON.stringify(id)
  if (id.length > maxArticleIdLength) {
    return `Unexpected article ID ${shown} of ${id.length} characters, expected at most ${maxArticleIdLength}`
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
