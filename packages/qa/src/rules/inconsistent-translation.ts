import {hash} from 'node:crypto'
import {defineRule, type CorpusSample, type Finding} from '../rule.js'

/** A text as the rule compares it: NFC, white space collapsed. */
export const comparable = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim()

/**
 * 64 bits of a text's SHA-1, as two numbers: texts are grouped by these, so
 * a corpus of any size is held as a few numbers per unit. Two texts share
 * them by chance with a probability of about n² / 2⁶⁵ (10⁻⁹ for a corpus of
 * 300,000 units).
 */
export function textKey(text: string): [number, number] {
  const digest = hash('sha1', text, 'buffer')
  return [digest.readUInt32BE(0), digest.readUInt32BE(4)]
}

/** Per checked unit, by index: its language (an index), and the keys (`textKey`) of its French and of its translation, two numbers each. */
export interface ConsistencyKeys {
  size: number
  lng: ArrayLike<number>
  french: ArrayLike<number>
  translation: ArrayLike<number>
}

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
  const languages = [...new Set(samples.map((sample) => sample.lng))]
  const french = new Uint32Array(samples.length * 2)
  const translation = new Uint32Array(samples.length * 2)
  samples.forEach((sample, index) => {
    french.set(textKey(comparable(sample.pair.french.text)), index * 2)
    translation.set(textKey(comparable(sample.pair.translation.value)), index * 2)
  })
  const lng = samples.map((sample) => languages.indexOf(sample.lng))
  const findings = new Map<number, Finding>()
  for (const {reference, others} of inconsistencies({size: samples.length, lng, french, translation})) {
    const finding = inconsistencyFinding(samples[reference]!.where, comparable(samples[reference]!.pair.translation.value))
    for (const index of others) findings.set(index, finding)
  }
  return findings
}

/** What is said of a unit translated otherwise than the reference: where it is, and its translation (as compared). */
export function inconsistencyFinding(where: string, wanted: string): Finding {
  return {reason: `Unexpected translation differing from the one of the same French at ${where}, expected the same translation: ${JSON.stringify(wanted)}`}
}

/** The groups of units of one language with the same French and more than one translation: the reference and the units that differ from it, by index. */
export function inconsistencies(keys: ConsistencyKeys): Array<{reference: number; others: number[]}> {
  // Units by language and French key, then in corpus order: each group is a run.
  const order = Uint32Array.from({length: keys.size}, (_, index) => index).sort(
    (a, b) => keys.lng[a]! - keys.lng[b]! || keys.french[a * 2]! - keys.french[b * 2]! || keys.french[a * 2 + 1]! - keys.french[b * 2 + 1]! || a - b
  )
  const sameFrench = (a: number, b: number) => keys.lng[a] === keys.lng[b] && keys.french[a * 2] === keys.french[b * 2] && keys.french[a * 2 + 1] === keys.french[b * 2 + 1]
  const translationOf = (index: number) => `${keys.translation[index * 2]}:${keys.translation[index * 2 + 1]}`
  const groups: Array<{reference: number; others: number[]}> = []
  for (let start = 0; start < order.length; ) {
    let end = start + 1
    while (end < order.length && sameFrench(order[start]!, order[end]!)) end++
    if (end - start >= 2) {
      const indexes = Array.from(order.subarray(start, end))
      const counts = new Map<string, number>()
      for (const index of indexes) counts.set(translationOf(index), (counts.get(translationOf(index)) ?? 0) + 1)
      if (counts.size >= 2) {
        const most = Math.max(...counts.values())
        const reference = indexes.find((index) => counts.get(translationOf(index)) === most)!
        groups.push({reference, others: indexes.filter((index) => translationOf(index) !== translationOf(reference))})
      }
    }
    start = end
  }
  return groups
}
