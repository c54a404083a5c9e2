import type {Dirent} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {articleIdProblem} from './ids.js'
import type {CorpusLayout} from './layout.js'

/**
 * Every article ID of the corpus, sorted. A folder without `articles/` is
 * not a corpus: fatal, so that a mistyped `--corpus` never reads as an
 * empty corpus (and a build never empties the site). An unsafe file name,
 * or an article that is a symbolic link or not a file, is fatal too.
 */
export async function listArticleIds(layout: CorpusLayout): Promise<string[]> {
  let entries: Dirent[]
  try {
    entries = await fs.readdir(layout.articlesDir, {withFileTypes: true})
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    new VFile({path: layout.root}).fail(
      code === 'ENOENT' || code === 'ENOTDIR'
        ? `Unexpected folder without \`articles/\`, expected a corpus (\`articles/<id>.md\`, \`segments/\`, \`locales/\`): check \`--corpus\``
        : `Unexpected unreadable corpus (${code}), expected a readable \`articles/\` folder`,
      {ruleId: 'corpus', source: 'briefs'}
    )
  }
  await refuseLinkedFolders(layout)
  const ids: string[] = []
  for (const entry of entries!.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const name = entry.name
    if (name.startsWith('.') || !name.endsWith('.md')) continue
    const id = name.slice(0, -'.md'.length)
    const file = new VFile({path: path.join(layout.articlesDir, name)})
    const problem = articleIdProblem(id)
    if (problem) file.fail(problem, {ruleId: 'article-id', source: 'briefs'})
    if (entry.isSymbolicLink()) file.fail('Unexpected symbolic link, expected the article itself (a link may lead out of the repository)', {ruleId: 'symbolic-link', source: 'briefs'})
    if (!entry.isFile()) file.fail('Unexpected folder or special file, expected an article file', {ruleId: 'not-a-file', source: 'briefs'})
    ids.push(id)
  }
  return ids
}

/**
 * The corpus's own folders (`articles/`, `segments/`, `locales/` and
 * `reviews/` with their language folders) must not be symbolic links:
 * files read through them would come from outside the repository.
 */
async function refuseLinkedFolders(layout: CorpusLayout): Promise<void> {
  const folders = ['articles', 'segments', 'locales', 'reviews'].map((name) => path.join(layout.root, name))
  for (const parent of folders.slice(2)) {
    const names = await fs.readdir(parent).catch(() => [] as string[])
    folders.push(...names.map((name) => path.join(parent, name)))
  }
  for (const folder of folders) {
    const stat = await fs.lstat(folder).catch(() => undefined)
    if (stat?.isSymbolicLink()) {
      new VFile({path: folder}).fail('Unexpected symbolic link, expected a folder of the corpus itself (a link may lead out of the repository)', {ruleId: 'symbolic-link', source: 'briefs'})
    }
  }
}
