import type {TargetLanguage} from '@briefs/corpus'
import type {Finding} from '../pair.js'

export interface ConsistencySample {
  lng: TargetLanguage
  french: string
  translation: string
  /** Where the translation stands, for the message (`corpus/locales/en/x.json:4:15`). */
  where: string
}

const comparable = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim()

/**
 * `inconsistent-translation`: the same French sentence (spaces aside)
 * translated differently in the corpus. The translation most occurrences
 * use is the reference (the first in corpus order on a tie); each other
 * one is reported, pointing at the reference.
 */
export function inconsistentTranslation(samples: readonly ConsistencySample[]): Map<number, Finding> {
  const groups = new Map<string, number[]>()
  samples.forEach((sample, index) => {
    const key = `${sample.lng}\u0000${comparable(sample.french)}`
    groups.set(key, [...(groups.get(key) ?? []), index])
  })
  const findings = new Map<number, Finding>()
  for (const indexes of groups.values()) {
    if (indexes.length < 2) continue
    const counts = new Map<string, number>()
    for (const index of indexes) {
      const translation = comparable(samples[index]!.translation)
      counts.set(translation, (counts.get(translation) ?? 0) + 1)
    }
    if (counts.size < 2) continue
    const most = Math.max(...counts.values())
    const reference = indexes.find((index) => counts.get(comparable(samples[index]!.translation)) === most)!
    const wanted = comparable(samples[reference]!.translation)
    for (const index of indexes) {
      if (comparable(samples[index]!.translation) === wanted) continue
      findings.set(index, {
        ruleId: 'inconsistent-translation',
        reason: `Unexpected translation differing from the one of the same French at ${samples[reference]!.where}, expected the same translation: ${JSON.stringify(wanted)}`
      })
    }
  }
  return findings
}
