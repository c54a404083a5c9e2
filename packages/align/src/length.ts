// Gale & Church (1993): the length of a translation in characters is about
// proportional to the length of its source, with a variance proportional to
// the length. A unit's length score is the log of the two-sided tail
// probability of the normalized difference.

/** Gale & Church's variance per character of source. */
export const galeChurchVariance = 6.8

/**
 * Log of the two-sided tail probability P(|Z| ≥ |z|) of a unit whose source
 * has `sourceLength` characters and target `targetLength`, with `ratio` the
 * expected target characters per source character.
 */
export function lengthLogProbability(sourceLength: number, targetLength: number, ratio: number): number {
  const mean = (sourceLength + targetLength / ratio) / 2
  if (mean === 0) return 0
  const z = (targetLength - ratio * sourceLength) / Math.sqrt(galeChurchVariance * ratio * ratio * mean)
  return logErfc(Math.abs(z) / Math.SQRT2)
}

/**
 * log(erfc(x)) for x ≥ 0, stable for large x: the Chebyshev-fitted form of
 * Numerical Recipes (`erfcc`, relative error under 1.2e-7) is a product of
 * t and an exponential, so its logarithm never underflows.
 */
export function logErfc(x: number): number {
  const t = 1 / (1 + 0.5 * x)
  return (
    Math.log(t) -
    x * x -
    1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
  )
}
