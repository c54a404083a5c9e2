/** The language of every article. */
export const sourceLanguage = 'fr'

/** The languages briefs are translated into, in the order they are shown. */
export const targetLanguages = ['en', 'ru'] as const

export type TargetLanguage = (typeof targetLanguages)[number]

export function isTargetLanguage(value: string): value is TargetLanguage {
  return (targetLanguages as readonly string[]).includes(value)
}

export function languageProblem(value: string): string | undefined {
  if (isTargetLanguage(value)) return undefined
  return `Unexpected language ${JSON.stringify(value)}, expected one of ${targetLanguages.map((lng) => `\`${lng}\``).join(', ')}`
}
