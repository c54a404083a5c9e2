import path from 'node:path'
import type {Root} from 'mdast'
import {remarkSegment, type Segment, type SegmentMap} from '@briefs/segment'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import remarkArticleConstructs from './article-constructs.js'
import remarkArticleSyntax from './article-syntax.js'
import type {CorpusLayout} from './layout.js'
import remarkArticleMatter, {type ArticleMeta} from './matter.js'
import {readSegmentMap, sameSegmentMap} from './segment-map.js'
import {configFileName, readCorpusSettings} from './config.js'
import {readTextFile} from './text-file.js'

/** The segment ID of an article's title: a translatable segment like any other. */
export const titleSegmentId = 'title'

/** A parsed, segmented corpus article. */
export interface Article {
  id: string
  meta: ArticleMeta
  file: VFile
  /** mdast with `sentence` nodes and block IDs. */
  tree: Root
  /** Every translatable segment in document order, the title first. */
  segments: Segment[]
  /** The segment map for the text as it is now. */
  segmentMap: SegmentMap
  /** Whether `segmentMap` differs from the committed one (`pnpm briefs sync` writes it). */
  segmentMapOutdated: boolean
}

/**
 * Parse an article's Markdown (front matter, GFM), refuse what the briefs
 * cannot show (`remarkArticleConstructs`) and segment it against `map`:
 * ingest, sync, check, status and build all read articles through here.
 */
export function parseArticle(file: VFile, map?: SegmentMap): Article {
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkArticleSyntax).use(remarkArticleMatter).use(remarkArticleConstructs).use(remarkSegment, {map})
  const tree = processor.runSync(processor.parse(file), file) as Root
  const meta = file.data.matter!
  if (file.data.segments!.length === 0) {
    const end = tree.children[0]?.position?.end
    file.fail('Unexpected article without text, expected at least one paragraph after the front matter', {
      place: end ? {line: end.line + 1, column: 1} : {line: 1, column: 1},
      ruleId: 'empty-article',
      source: 'briefs'
    })
  }
  const segmentMap = file.data.segmentMap!
  return {
    id: meta.id,
    meta,
    file,
    tree,
    segments: [{id: titleSegmentId, paragraph: titleSegmentId, text: meta.title}, ...file.data.segments!],
    segmentMap,
    segmentMapOutdated: !sameSegmentMap(map, segmentMap)
  }
}

/**
 * Read, check and parse `articles/<id>.md` with its committed segment map.
 * An article above the size limit (the layout's `maxArticleKb`, else
 * `briefs.config.json`'s, else 512 KiB) is refused before it is read.
 */
export async function loadArticle(layout: CorpusLayout, id: string): Promise<Article> {
  const maxArticleKb = layout.maxArticleKb ?? (await readCorpusSettings(layout.root)).maxArticleKb
  const file = await readTextFile(layout.articleFile(id), articleReadOptions(maxArticleKb))
  const committed = await readSegmentMap(layout.segmentMapFile(id))
  return checkedArticle(id, file, committed)
}

/** How an article file is read: the size limit, and what to say about it. */
export function articleReadOptions(maxArticleKb: number): {maxBytes: number; limitHint: string} {
  return {maxBytes: maxArticleKb * 1024, limitHint: `the limit is \`maxArticleKb\` in \`${configFileName}\` or \`--max-article-kb\``}
}

/** `loadArticle` from the files it reads: the article and its committed segment map (`undefined`: none). */
export function checkedArticle(id: string, file: VFile, committed: {file: VFile; map: SegmentMap} | undefined): Article {
  const article = parseArticle(file, committed?.map)
  if (article.id !== id) {
    const yaml = article.tree.children[0]
    file.fail(`Unexpected article ID \`${article.id}\` in \`${path.basename(file.path)}\`, expected \`${id}\` (the file name)`, {
      place: yaml?.position?.start,
      ruleId: 'front-matter',
      source: 'briefs'
    })
  }
  if (!committed) {
    file.message(`Unexpected article without a segment map, expected \`segments/${id}.json\`: run \`pnpm briefs sync\``, {ruleId: 'segment-map', source: 'briefs', place: {line: 1, column: 1}})
  } else if (article.segmentMapOutdated) {
    file.message(`Unexpected outdated segment map \`segments/${id}.json\`, expected it to match the article: run \`pnpm briefs sync\``, {ruleId: 'segment-map', source: 'briefs', place: {line: 1, column: 1}})
  }
  return article
}
