import {defineRule, type CorpusSample, type Finding} from '../rule.js'

const comparable = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim()

/**
 * `inconsistent-translation`: the same French sentence (spaces aside)
 * translated differently in the corpus. The translation most occurrences
 * use is the reference (the first in corpus order on a tie); each other
 * one is reported, pointing at the reference.
 */
export const inconsistentTranslation = defineRule({
  id: 'inconsistent-translation',
  severity: 'warning',
  summary: 'the same French sentence is translated differently elsewhere',
  scope: 'corpus',
  check: checkConsistency
})

function checkConsistency(samples: readonly CorpusSample[]): Map<number, Finding> {
  const groups = new Map<string, number[]>()
  samples.forEach((sample, index) => {
    const key = `${sample.lng}\u0000${comparable(sample.pair.french.text)}`
    const group = groups.get(key)
    if (group) group.push(index)
    else groups.set(key, [index])
  })
  const findings = new Map<number, Finding>()
  for (const indexes of groups.values()) {
    if (indexes.length < 2) continue
    const counts = new Map<string, number>()
    for (const index of indexes) {
      const translation = comparable(samples[index]!.pair.translation.value)
      counts.set(translation, (counts.get(translation) ?? 0) + 1)
    }
    if (counts.size < 2) continue
    const most = Math.max(...counts.values())
    const reference = indexes.find((index) => counts.get(comparable(samples[index]!.pair.translation.value)) === most)!
    const wanted = comparable(samples[reference]!.pair.translation.value)
    for (const index of indexes) {
      if (comparable(samples[index]!.pair.translation.value) === wanted) continue
      findings.set(index, {
        reason: `Unexpected translation differing from the one of the same French at ${samples[reference]!.where}, expected the same translation: ${JSON.stringify(wanted)}`
      })
    }
  }
  return findings
}
