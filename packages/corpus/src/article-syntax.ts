import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import type {Processor} from 'unified'

/**
 * The Markdown of articles, for parsing: GFM (tables, strikethrough, footnotes, task
 * lists) as remark-gfm assembles it, minus autolink literals. Those triple
 * the parse time of a news article (every word is scanned for a URL) and
 * would turn a bare `www.reuters.com` in wire copy into a link the source
 * never had; explicit links `[text](url)` and `<url>` work as usual.
 */
export default function remarkArticleSyntax(this: Processor): undefined {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough(), gfmFootnote(), gfmTaskListItem())
  ;(data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmFootnoteFromMarkdown(), gfmTaskListItemFromMarkdown())
}
