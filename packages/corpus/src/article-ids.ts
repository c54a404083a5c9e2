import leven from 'leven'
import {VFile} from 'vfile'
import {listArticleIds} from './corpus.js'
import {articleIdProblem} from './ids.js'
import type {CorpusLayout} from './layout.js'

/**
 * The articles a command was asked for, checked against the corpus: every
 * ID given, or every article when none is. An unsafe ID, or one that names
 * no article, is a fatal message naming the nearest IDs of the corpus (or
 * all of them, when there are few), so a typo never ends in a stack trace.
 */
export async function resolveArticleIds(layout: CorpusLayout, given?: readonly string[]): Promise<string[]> {
  const known = await listArticleIds(layout)
  if (given === undefined || given.length === 0) return known
  const corpus = new Set(known)
  for (const id of given) {
    const problem = articleIdProblem(id)
    const file = new VFile({path: problem ? layout.articlesDir : layout.articleFile(id)})
    if (problem) file.fail(problem, {ruleId: 'article-id', source: 'briefs'})
    if (!corpus.has(id)) file.fail(`Unexpected article \`${id}\`, expected ${nearestIds(id, known)}`, {ruleId: 'article-id', source: 'briefs'})
  }
  return [...new Set(given)]
}

/** How many IDs an unknown one is shown with. */
const shownIds = 5

/** "one of the corpus: `a`, `b`" for a few articles; otherwise the nearest ones by edit distance. */
export function nearestIds(id: string, known: readonly string[]): string {
  if (known.length === 0) return 'an article of the corpus, which has none yet (`briefs ingest` adds one)'
  const list = (ids: readonly string[]) => ids.map((each) => `\`${each}\``).join(', ')
  if (known.length <= shownIds) return `one of the corpus: ${list(known)}`
  const nearest = [...known]
    .map((each) => ({each, distance: leven(id, each)}))
    .sort((a, b) => a.distance - b.distance || (a.each < b.each ? -1 : 1))
    .slice(0, shownIds)
    .map(({each}) => each)
  return `an article of the corpus (${known.length}), such as the nearest: ${list(nearest)}`
}
