import path from 'node:path'
import type {TargetLanguage} from './languages.js'

/**
 * Where everything lives in a corpus folder:
 *
 * - `briefs.config.json`: the target languages and rule settings;
 * - `articles/<id>.md`: the French article, Markdown with YAML front matter;
 * - `segments/<id>.json`: its committed segment map (the stable IDs);
 * - `locales/<lng>/<id>.json`: the i18next resource (namespace `<id>`);
 * - `reviews/<lng>/<id>.json`: the review ledger of that resource;
 * - `origins/<lng>/<id>.json`: where its drafts came from (memory, CAT tool, alignment).
 */
export interface CorpusLayout {
  root: string
  /** `briefs.config.json`: the target languages and rule settings. */
  configFile: string
  /** The size limit of an article in KiB, when the command line sets one; else `briefs.config.json` or the default. */
  maxArticleKb?: number | undefined
  articlesDir: string
  articleFile(id: string): string
  segmentMapFile(id: string): string
  localesDir(lng: TargetLanguage): string
  resourceFile(lng: TargetLanguage, id: string): string
  reviewFile(lng: TargetLanguage, id: string): string
  originsFile(lng: TargetLanguage, id: string): string
}

export function corpusLayout(root: string, options: {maxArticleKb?: number | undefined} = {}): CorpusLayout {
  const resolved = path.resolve(root)
  const articlesDir = path.join(resolved, 'articles')
  return {
    root: resolved,
    configFile: path.join(resolved, 'briefs.config.json'),
    maxArticleKb: options.maxArticleKb,
    articlesDir,
    articleFile: (id) => path.join(articlesDir, `${id}.md`),
    segmentMapFile: (id) => path.join(resolved, 'segments', `${id}.json`),
    localesDir: (lng) => path.join(resolved, 'locales', lng),
    resourceFile: (lng, id) => path.join(resolved, 'locales', lng, `${id}.json`),
    reviewFile: (lng, id) => path.join(resolved, 'reviews', lng, `${id}.json`),
    originsFile: (lng, id) => path.join(resolved, 'origins', lng, `${id}.json`)
  }
}
