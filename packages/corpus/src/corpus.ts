import fs from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {articleIdProblem} from './ids.js'
import type {CorpusLayout} from './layout.js'

/** Every article ID of the corpus, sorted; an unsafe file name is fatal. */
export async function listArticleIds(layout: CorpusLayout): Promise<string[]> {
  let names: string[]
  try {
    names = await fs.readdir(layout.articlesDir)
  } catch {
    return []
  }
  const ids: string[] = []
  for (const name of names.sort()) {
    if (name.startsWith('.') || !name.endsWith('.md')) continue
    const id = name.slice(0, -'.md'.length)
    const problem = articleIdProblem(id)
    if (problem) {
      new VFile({path: path.join(layout.articlesDir, name)}).fail(problem, {ruleId: 'article-id', source: 'briefs'})
    }
    ids.push(id)
  }
  return ids
}
