import type {Inline, InlinePaired, InlinePlaceholder} from './inline.js'

export type InlineCode = InlinePaired | InlinePlaceholder

/** Codes of inline content, depth first, in reading order. */
export function inlineCodes(inlines: readonly Inline[]): InlineCode[] {
  return inlines.flatMap((item): InlineCode[] => (item.type === 'text' ? [] : item.type === 'paired' ? [item, ...inlineCodes(item.children)] : [item]))
}

/** What makes two codes the same code: their Markdown. */
export function codeKey(code: InlineCode): string {
  return code.type === 'paired' ? `${code.start}\u0000${code.end}` : code.data
}

/**
 * IDs of a unit's inline codes: the source's are numbered 1, 2, 3... in
 * reading order; a target code takes the ID of the first unused source code
 * with the same Markdown (so a CAT tool sees them as the same tag), and a
 * code the source does not have takes the next number.
 */
export function codeIds(source: readonly Inline[], target: readonly Inline[] | undefined): Map<InlineCode, string> {
  const ids = new Map<InlineCode, string>()
  const unused = new Map<string, string[]>()
  let next = 1
  for (const code of inlineCodes(source)) {
    const id = String(next++)
    ids.set(code, id)
    const key = codeKey(code)
    unused.set(key, [...(unused.get(key) ?? []), id])
  }
  for (const code of inlineCodes(target ?? [])) {
    const id = unused.get(codeKey(code))?.shift() ?? String(next++)
    ids.set(code, id)
  }
  return ids
}

/** How XLIFF names a code's kind: 2.0 `type`/`subType`, 1.2 `ctype`. */
export function codeType(code: InlineCode): {type: string; subType?: string; ctype: string} {
  switch (code.kind) {
    case 'emphasis':
      return {type: 'fmt', subType: 'xlf:i', ctype: 'italic'}
    case 'strong':
      return {type: 'fmt', subType: 'xlf:b', ctype: 'bold'}
    case 'delete':
      return {type: 'fmt', ctype: 'x-strikethrough'}
    case 'link':
    case 'linkReference':
      return {type: 'link', ctype: 'link'}
    case 'break':
      return {type: 'fmt', subType: 'xlf:lb', ctype: 'lb'}
    case 'image':
    case 'imageReference':
      return {type: 'image', ctype: 'image'}
    default:
      return {type: 'other', ctype: `x-${code.kind}`}
  }
}
