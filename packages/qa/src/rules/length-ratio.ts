import {languageProfile} from '@briefs/languages'
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

const length = (text: string) => text.replace(/\s/g, '').length

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
  const findings = new Map<number, Finding>()
  const byLanguage = new Map<CorpusSample['lng'], Array<{index: number; french: number; translation: number}>>()
  samples.forEach((sample, index) => {
    const french = length(sample.pair.french.text)
    const translation = length(sample.pair.translation.text)
    if (french < shortestJudged || translation === 0) return
    const own = byLanguage.get(sample.lng)
    const measured = {index, french, translation}
    if (own) own.push(measured)
    else byLanguage.set(sample.lng, [measured])
  })
  for (const [lng, measured] of byLanguage) {
    const judged = measured.map(({index, french, translation}) => ({index, french, translation, ratio: Math.log(translation / french)}))
    if (judged.length < fewestSamples) continue
    const center = median(judged.map((sample) => sample.ratio))
    const spread = 1.4826 * median(judged.map((sample) => Math.abs(sample.ratio - center)))
    const limit = Math.max(outlierDeviations * spread, Math.log(outlierFactor))
    for (const {index, ratio, french, translation} of judged) {
      if (Math.abs(ratio - center) <= limit || Math.abs(translation - Math.exp(center) * french) < outlierCharacters) continue
      const times = Math.exp(ratio)
      findings.set(index, {
        reason: `Unexpected ${ratio < center ? 'short' : 'long'} translation (${times.toFixed(2)} × the French's length), expected about ${Math.exp(center).toFixed(2)} × as usual for French → ${languageProfile(lng).name} in this corpus (between ${Math.exp(center - limit).toFixed(2)} and ${Math.exp(center + limit).toFixed(2)})`
      })
    }
  }
  return findings
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
