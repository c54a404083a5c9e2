import type {Nodes, PhrasingContent} from 'mdast'
import {visit} from 'unist-util-visit'
import {defineRule, type Finding, type Pair} from '../rule.js'

interface Markup {
  links: string[]
  images: string[]
  code: string[]
  footnotes: string[]
  emphasis: number
  strong: number
  delete: number
  breaks: number
}

function markupOf(nodes: readonly PhrasingContent[]): Markup {
  const markup: Markup = {links: [], images: [], code: [], footnotes: [], emphasis: 0, strong: 0, delete: 0, breaks: 0}
  visit({type: 'paragraph', children: [...nodes]} as Nodes, (node) => {
    if (node.type === 'link') markup.links.push(node.url)
    else if (node.type === 'linkReference' || node.type === 'imageReference') markup.links.push(`[${node.identifier}]`)
    else if (node.type === 'image') markup.images.push(node.url)
    else if (node.type === 'inlineCode') markup.code.push(node.value)
    else if (node.type === 'footnoteReference') markup.footnotes.push(node.identifier)
    else if (node.type === 'emphasis') markup.emphasis++
    else if (node.type === 'strong') markup.strong++
    else if (node.type === 'delete') markup.delete++
    else if (node.type === 'break') markup.breaks++
  })
  return markup
}

/** Items of `a` that `b` lacks, counting repeats. */
function lacking(a: readonly string[], b: readonly string[]): string[] {
  const left = [...b]
  return a.filter((item) => {
    const index = left.indexOf(item)
    if (index === -1) return true
    left.splice(index, 1)
    return false
  })
}

const counted = {emphasis: 'emphasis (`*…*`)', strong: 'strong emphasis (`**…**`)', delete: 'strikethrough (`~~…~~`)', breaks: 'line breaks'} as const
const listed = {links: 'link to', images: 'image', code: 'inline code', footnotes: 'footnote reference'} as const

/**
 * `markup-parity`: the translation keeps the inline Markdown of the French:
 * the same links (by URL) and images, the same inline code (verbatim),
 * footnote references, and as many emphases, strong emphases,
 * strikethroughs and line breaks. Block Markdown in a translation (`# `,
 * `1. `) is reported too: the brief would show it as literal text.
 */
export const markupParity = defineRule({
  id: 'markup-parity',
  severity: 'error',
  summary: 'links, emphasis, inline code or line breaks differ from the French',
  scope: 'unit',
  check: checkMarkupParity
})

function checkMarkupParity(pair: Pair): Finding[] {
  if (pair.translation.block) {
    return [{reason: 'Unexpected block Markdown (a heading, list or quote), expected inline Markdown: the brief shows it as literal text'}]
  }
  const french = markupOf(pair.french.nodes)
  const translation = markupOf(pair.translation.nodes)
  const findings: Finding[] = []
  for (const [key, label] of Object.entries(listed) as Array<[keyof typeof listed, string]>) {
    for (const item of lacking(french[key], translation[key])) {
      findings.push({reason: `Unexpected translation without the ${label} \`${item}\`, expected the French's ${label} \`${item}\``})
    }
    for (const item of lacking(translation[key], french[key])) {
      findings.push({reason: `Unexpected ${label} \`${item}\`, expected only the French's (it has no such ${label})`})
    }
  }
  for (const [key, label] of Object.entries(counted) as Array<[keyof typeof counted, string]>) {
    if (french[key] !== translation[key]) {
      findings.push({reason: `Unexpected ${translation[key]} ${label}, expected ${french[key]} as in the French`})
    }
  }
  return findings
}
