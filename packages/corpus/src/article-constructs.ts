import type {Html, Root} from 'mdast'
import {definitions} from 'mdast-util-definitions'
import {SKIP, visit} from 'unist-util-visit'
import type {VFile} from 'vfile'

/**
 * What an article's Markdown may hold, decided construct by construct so
 * that the briefs show every visible character of the French, or the
 * article is refused with the place of what they cannot show.
 *
 * - A raw HTML block (`<div class="encadre">…</div>`) is refused: its text
 *   is not Markdown, so it cannot be split into sentences, translated
 *   sentence by sentence, or shown safely. Only HTML comments are accepted
 *   (editors' notes: invisible in any rendering, shown in neither brief).
 * - An inline HTML tag (`<span>`, `</span>`, `<br>`) is a warning: the tag
 *   is dropped from both briefs, the text around it is kept and translated.
 *   Other inline HTML (`<![CDATA[…]]>`, `<?…?>`, `<!DOCTYPE …>`) is refused:
 *   a browser shows part of it as text, which no sentence would hold.
 * - A table row with more cells than the header is refused: GFM shows no
 *   cell beyond the header's, so its text would vanish.
 * - Reference links and images (`[l’AFP][afp]` with `[afp]: https://…`)
 *   are resolved into links and images here, once, so every consumer (the
 *   briefs, the checks, the CAT exchange) sees a link with its URL.
 *
 * Everything else of CommonMark and of the articles' GFM is shown by the
 * briefs (see the package README).
 */
export default function remarkArticleConstructs() {
  return function (tree: Root, file: VFile): undefined {
    const definitionOf = definitions(tree)
    visit(tree, (node, index, parent) => {
      if (node.type === 'html') {
        if (isComment(node.value)) return SKIP
        if (parent?.type === 'root' || parent?.type === 'blockquote' || parent?.type === 'listItem' || parent?.type === 'footnoteDefinition') refuseBlock(file, node)
        if (!/^<\/?[A-Za-z]/.test(node.value)) {
          file.fail(
            `Unexpected inline HTML ${quote(node.value)}, expected Markdown: a browser shows part of it as text that no sentence holds, so it cannot be translated; write the text itself`,
            {place: node.position?.start, ruleId: 'inline-html', source: 'briefs'}
          )
        }
        file.message(
          `Unexpected inline HTML ${quote(node.value)}, expected Markdown: the briefs show no raw HTML, only the text around the tag (write \`*…*\` for emphasis, \`[text](https://…)\` for a link, a \`\\\` at the end of a line for a line break)`,
          {place: node.position, ruleId: 'inline-html', source: 'briefs'}
        )
        return SKIP
      }
      if (node.type === 'table') {
        const columns = node.children[0]?.children.length ?? 0
        for (const row of node.children) {
          const excess = row.children[columns]
          if (excess) {
            file.fail(
              `Unexpected cell ${columns + 1} in a row of a table of ${columns} columns, expected at most ${columns} cells: GFM shows no cell beyond the header's, so its text would vanish; add a column to the header or move the text`,
              {place: excess.position?.start, ruleId: 'table-cells', source: 'briefs'}
            )
          }
        }
        return
      }
      if (node.type === 'linkReference' && parent && index !== undefined) {
        const definition = definitionOf(node.identifier)
        if (definition) parent.children[index] = {type: 'link', url: definition.url, title: definition.title, children: node.children, position: node.position} as never
        return
      }
      if (node.type === 'imageReference' && parent && index !== undefined) {
        const definition = definitionOf(node.identifier)
        if (definition) parent.children[index] = {type: 'image', url: definition.url, title: definition.title, alt: node.alt, position: node.position} as never
      }
    })
  }
}

/** One or more HTML comments and nothing else (`<!-->` and `<!--->` are comments too). */
function isComment(value: string): boolean {
  return /^(?:\s*<!--(?:-?>|[\s\S]*?-->))+\s*$/.test(value)
}

function refuseBlock(file: VFile, node: Html): never {
  file.fail(
    `Unexpected raw HTML block ${quote(node.value)}, expected Markdown: the text of raw HTML cannot be split into sentences and translated sentence by sentence, and the briefs show no raw HTML; write its text as Markdown paragraphs (a box such as \`<div class="encadre">\` as a block quote, \`> …\`)`,
    {place: node.position?.start, ruleId: 'html-block', source: 'briefs'}
  )
}

/** The start of some HTML, on one line, as inline code. */
function quote(value: string): string {
  const line = value.trim().split('\n')[0]!
  const shown = line.length > 40 ? `${line.slice(0, 40)}…` : line
  return `\`${shown.replace(/`/g, "'")}\``
}
