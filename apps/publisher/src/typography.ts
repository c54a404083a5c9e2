import type {ElementContent} from 'hast'

const narrowNoBreakSpace = '\u202F'
const noBreakSpace = '\u00A0'

/**
 * French spacing for display: the white space the text already has inside
 * « » and before `; : ! ?` becomes a no-break space (narrow before `; ! ?`
 * and inside guillemets, full before `:`), so a line never starts with `»`
 * or a mark nor ends with `«`. Only existing spaces change, never the
 * characters: the corpus keeps its text as received, only the HTML shows
 * it this way.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/([«‹])[ \t\n]+/g, `$1${narrowNoBreakSpace}`)
    .replace(/[ \t\n]+([»›;!?])/g, `${narrowNoBreakSpace}$1`)
    .replace(/[ \t\n]+:/g, `${noBreakSpace}:`)
}

/** `frenchSpacing` on every text node below `nodes`, code left as written. */
export function applyFrenchSpacing(nodes: ElementContent[]): void {
  const walk = (node: ElementContent) => {
    if (node.type === 'text') node.value = frenchSpacing(node.value)
    else if (node.type === 'element' && node.tagName !== 'code' && node.tagName !== 'pre') node.children.forEach(walk)
  }
  nodes.forEach(walk)
}
