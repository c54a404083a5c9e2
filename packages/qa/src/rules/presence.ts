import {defineRule, type BitextFinding} from '../rule.js'

/** `missing-translation`: a French segment (the title too) that no unit of the resource translates. */
export const missingTranslation = defineRule({
  id: 'missing-translation',
  severity: 'error',
  summary: 'a French segment has no translation',
  scope: 'bitext',
  check: (bitext) =>
    bitext.units.flatMap((unit): BitextFinding[] =>
      unit.entry ? [] : [{unit, reason: `Unexpected segment \`${unit.key}\` without translation, expected a key \`"${unit.key}"\` in the ${bitext.lng} resource`}]
    )
})

/** `empty-translation`: a unit whose translation is empty or blank. */
export const emptyTranslation = defineRule({
  id: 'empty-translation',
  severity: 'error',
  summary: 'a translation is empty or blank',
  scope: 'bitext',
  check: (bitext) =>
    bitext.units.flatMap((unit): BitextFinding[] =>
      unit.target && unit.target.value.trim() === '' ? [{unit, reason: `Unexpected empty translation of \`${unit.key}\`, expected the French translated`}] : []
    )
})

/** `orphan-translation`: a key that names no segment of the article. */
export const orphanTranslation = defineRule({
  id: 'orphan-translation',
  severity: 'error',
  summary: 'a translation key matches no French segment',
  scope: 'bitext',
  check: (bitext) =>
    bitext.problems.flatMap((problem): BitextFinding[] =>
      problem.kind === 'orphan'
        ? [{problem, reason: `Unexpected translation of \`${problem.key}\`, a segment the article does not have, expected keys of its segments (see \`pnpm briefs segments\`)`}]
        : []
    )
})

/**
 * `invalid-unit`: a key that cannot be a translation unit: an empty part or
 * an ID twice, segments of different paragraphs, or a segment another unit
 * translates too. Such a unit is attached to nothing.
 */
export const invalidUnit = defineRule({
  id: 'invalid-unit',
  severity: 'error',
  summary: 'a unit key is malformed, spans paragraphs, or overlaps another unit',
  scope: 'bitext',
  check: (bitext) =>
    bitext.problems.flatMap((problem): BitextFinding[] => {
      const listed = problem.segments.map((id) => `\`${id}\``).join(', ')
      switch (problem.kind) {
        case 'invalid-key':
          return [{problem, reason: `Unexpected key \`${problem.key}\`, expected segment IDs joined by \`+\`, each once (such as \`s-1a2b3c+s-4d5e6f\`)`}]
        case 'across-blocks':
          return [{problem, reason: `Unexpected unit \`${problem.key}\` over sentences of different paragraphs (${listed}), expected consecutive sentences of one paragraph; its sentences are shown as missing`}]
        case 'overlap':
          return [{problem, reason: `Unexpected unit \`${problem.key}\` translating ${listed}, which \`${problem.with}\` translates too, expected each segment in one unit; \`${problem.with}\` is used`}]
        default:
          return []
      }
    })
})

/**
 * `unit-segments`: the French under a multi-sentence unit changed shape
 * since it was written: one of its sentences was deleted (the unit stays on
 * the others), or a sentence was inserted between its sentences (the unit
 * covers it too). Either way its translation says something else than the
 * French: fix the translation and the key, then approve it again.
 */
export const unitSegments = defineRule({
  id: 'unit-segments',
  severity: 'error',
  summary: 'a sentence of a multi-sentence unit was deleted, or one was inserted inside it',
  scope: 'bitext',
  check: (bitext) =>
    bitext.problems.flatMap((problem): BitextFinding[] => {
      const listed = problem.segments.map((id) => `\`${id}\``).join(', ')
      switch (problem.kind) {
        case 'lost-segments':
          return [{problem, reason: `Unexpected ${listed} in unit \`${problem.key}\`, segments the article no longer has, expected the key and the translation without them`}]
        case 'absorbed-segments':
          return [{problem, reason: `Unexpected sentence ${listed} inside unit \`${problem.key}\`, expected its translation in the unit and its ID in the key, or a unit of its own`}]
        default:
          return []
      }
    })
})
