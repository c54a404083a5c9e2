import type {Element, Nodes, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {select, selectAll} from 'hast-util-select'
import {toString} from 'hast-util-to-string'
import {micromark} from 'micromark'
import type {HtmlExtension} from 'micromark-util-types'
import {gfm, gfmHtml} from 'micromark-extension-gfm'
import {gfmFootnote, gfmFootnoteHtml} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough, gfmStrikethroughHtml} from 'micromark-extension-gfm-strikethrough'
import {gfmTable, gfmTableHtml} from 'micromark-extension-gfm-table'
import {gfmTaskListItem, gfmTaskListItemHtml} from 'micromark-extension-gfm-task-list-item'

/** HTML parsed by parse5 as a browser does, any parse error failing the test: the briefs must be well-formed. */
export function parseDocument(html: string, name: string): Root {
  return fromHtml(html, {
    onerror(error) {
      throw new Error(`${name}: ${error.message} at ${error.line}:${error.column}`)
    }
  })
}

/** Visible text of HTML: what a reader sees, script and style aside. */
export function visibleText(node: Nodes): string {
  if (node.type === 'text') return node.value
  if (node.type === 'element' && (node.tagName === 'script' || node.tagName === 'style' || node.tagName === 'template')) return ''
  if ('children' in node) return node.children.map((child) => visibleText(child as Nodes)).join(node.type === 'element' && /^(?:p|h[1-6]|li|td|th|pre|blockquote|div|section|tr)$/.test(node.tagName) ? ' ' : '')
  return ''
}

/** The French side of an HTML brief: the source column of every row, in order. */
export function htmlBriefFrench(document: Root): {text: string; rows: Element[]} {
  const rows = selectAll('section.row > div.source', document)
  return {text: rows.map((row) => visibleText(row)).join(' '), rows}
}

/**
 * The French side of a Markdown brief as GitHub shows it (micromark with
 * GFM, raw HTML let through as a renderer without sanitizer would): the
 * first column of the side-by-side tables, and the French copy of each
 * article table shown apart (after its `French:` label).
 */
export function markdownBriefFrench(markdown: string, frenchLabel: string): string {
  const html = micromark(markdown, {allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()]})
  const tree = fromHtml(html, {fragment: true})
  const parts: string[] = []
  const blocks = tree.children.filter((node): node is Element => node.type === 'element')
  blocks.forEach((block, index) => {
    if (block.tagName === 'table') {
      const header = select('thead th', block)
      if (header && toString(header).trim() === frenchLabel) {
        for (const row of selectAll('tbody tr', block)) parts.push(visibleText(select('td', row)!))
      }
    } else if (block.tagName === 'p' && toString(block).trim().replace(/[\s\u00a0\u202f]*:$/, '') === frenchLabel) {
      const next = blocks[index + 1]
      if (next) parts.push(visibleText(next))
    }
  })
  return parts.join(' ')
}

/** micromark without raw HTML (as commonmark.js's `safe`): what Markdown shows when raw HTML is left out, the text around it kept. */
const withoutRawHtml: HtmlExtension = {
  enter: {
    htmlFlow() {
      this.buffer()
    },
    htmlText() {
      this.buffer()
    }
  },
  exit: {
    htmlFlow() {
      this.resume()
    },
    htmlText() {
      this.resume()
    }
  }
}

/**
 * A reference rendering of an article's Markdown: micromark with the GFM of
 * articles (no autolink literals, see `remarkArticleSyntax`), raw HTML left
 * out as the briefs leave it out.
 */
export function referenceHtml(markdown: string): string {
  // Footnotes as the briefs show them: the notes, without the section's label and back links the renderer adds.
  return micromark(markdown, {
    extensions: [gfmTable(), gfmStrikethrough(), gfmFootnote(), gfmTaskListItem()],
    htmlExtensions: [gfmTableHtml(), gfmStrikethroughHtml(), gfmFootnoteHtml({label: ''}), gfmTaskListItemHtml(), withoutRawHtml]
  })
    .replace(/<h2 id="footnote-label"[^>]*>[^<]*<\/h2>/, '')
    .replace(/<a href="#user-content-fnref[^"]*"[^>]*>[^<]*(?:<sup>[^<]*<\/sup>)?<\/a>/g, '')
}

/** Every character but white space (no-break spaces included): what "no text lost" compares. */
const space = /[\s\u00a0\u202f]+/g

/**
 * The words of `reference` that `shown` lacks, in order: each word must
 * appear whole, after the previous one (white space aside, since the
 * briefs may join lines or add no-break spaces).
 */
export function missingWords(reference: string, shown: string): string[] {
  const haystack = shown.replace(space, '')
  const missing: string[] = []
  let cursor = 0
  for (const word of reference.split(space)) {
    if (!word) continue
    const found = haystack.indexOf(word, cursor)
    if (found === -1) missing.push(word)
    else cursor = found + word.length
  }
  return missing
}
