import {languageProfile} from '@briefs/languages'
import type {TargetLanguage} from '@briefs/corpus'
import {defineRule, type CorpusSample, type Finding} from '../rule.js'

/** Segments shorter than this (non-space characters of French) vary too much in length to judge. */
export const shortestJudged = 20
/** Fewer pairs than this in a language, and there is no "usual" to compare with. */
export const fewestSamples = 10
/** How far from the corpus median an outlier is, in robust standard deviations (1.4826 × MAD)… */
export const outlierDeviations = 4
/** …and at least this factor longer or shorter: a tight corpus must not flag ordinary variation… */
export const outlierFactor = 1.5
/** …and at least this many characters off the usual length: a few words more or less in a short sentence are no outlier. */
export const outlierCharacters = 20

/** A text's length as the rule compares it: characters but white space. */
export const textLength = (text: string) => text.replace(/\s/g, '').length

/** Lengths of the French and of the translation of each checked unit, by index: what `length-ratio` compares (it holds one number per unit, not its text). */
export interface LengthMeasures {
  size: number
  lng(index: number): TargetLanguage
  french(index: number): number
  translation(index: number): number
}

/**
 * `length-ratio`: a translation far longer or shorter than the corpus
 * usually makes them for its language pair. The usual is measured, not
 * fixed: the median of log(translation length / French length) over every
 * pair of the language, and its median absolute deviation; an outlier is
 * more than 4 robust deviations, a factor 1.5 and 20 characters away from
 * the median.
 * Returns a finding for each outlier, by sample index.
 */
export const lengthRatio = defineRule({
  id: 'length-ratio',
  severity: 'warning',
  summary: 'far longer or shorter than usual for the language pair in this corpus',
  scope: 'corpus',
  check: checkLengths
})

function checkLengths(samples: readonly CorpusSample[]): Map<number, Finding> {
  const french = samples.map((sample) => textLength(sample.pair.french.text))
  const translation = samples.map((sample) => textLength(sample.pair.translation.text))
  return lengthOutliers({size: samples.length, lng: (index) => samples[index]!.lng, french: (index) => french[index]!, translation: (index) => translation[index]!})
}

/** `length-ratio` on lengths alone, by index: a corpus of any size is held as a few numbers per unit. */
export function lengthOutliers(measures: LengthMeasures): Map<number, Finding> {
  const findings = new Map<number, Finding>()
  // The units judged in each language, in corpus order.
  const byLanguage = new Map<TargetLanguage, number[]>()
  for (let index = 0; index < measures.size; index++) {
    if (measures.french(index) < shortestJudged || measures.translation(index) === 0) continue
    const lng = measures.lng(index)
    const own = byLanguage.get(lng)
    if (own) own.push(index)
    else byLanguage.set(lng, [index])
  }
  for (const [lng, judged] of byLanguage) {
    if (judged.length < fewestSamples) continue
    const ratios = Float64Array.from(judged, (index) => Math.log(measures.translation(index) / measures.french(index)))
    const center = median(ratios)
    const spread = 1.4826 * median(ratios.map((ratio) => Math.abs(ratio - center)))
    const limit = Math.max(outlierDeviations * spread, Math.log(outlierFactor))
    judged.forEach((index, position) => {
      const ratio = ratios[position]!
      const french = measures.french(index)
      const translation = measures.translation(index)
      if (Math.abs(ratio - center) <= limit || Math.abs(translation - Math.exp(center) * french) < outlierCharacters) return
      const times = Math.exp(ratio)
      findings.set(index, {
        reason: `Unexpected ${ratio < center ? 'short' : 'long'} translation (${times.toFixed(2)} × the French's length), expected about ${Math.exp(center).toFixed(2)} × as usual for French → ${languageProfile(lng).name} in this corpus (between ${Math.exp(center - limit).toFixed(2)} and ${Math.exp(center + limit).toFixed(2)})`
      })
    })
  }
  return findings
}

function median(values: Float64Array): number {
  // A typed array sorts numerically: the same order as sorting numbers with `(a, b) => a - b`.
  const sorted = Float64Array.from(values).sort()
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
