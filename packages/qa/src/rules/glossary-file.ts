import {defineRule} from '../rule.js'

/** `invalid-glossary`: the glossary file is not valid (reported by the glossary reader, at its line and column). */
export const invalidGlossary = defineRule({
  id: 'invalid-glossary',
  severity: 'error',
  summary: 'the glossary file is not valid',
  scope: 'file'
})
