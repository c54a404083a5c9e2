import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {loadBitext} from '@briefs/bitext'
import {corpusLayout, listArticleIds, loadArticle, type TargetLanguage} from '@briefs/corpus'
import {exchangeArticle, type ExchangeArticle} from '../src/index.js'

/** The shipped corpus of the repository. */
export const corpusRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../corpus')

/** The shipped articles as the CAT exchange reads them: from the bitext model, with their review states. */
export async function corpusArticles(lng: TargetLanguage, root = corpusRoot): Promise<ExchangeArticle[]> {
  const layout = corpusLayout(root)
  const articles: ExchangeArticle[] = []
  for (const id of await listArticleIds(layout)) articles.push(exchangeArticle(await loadBitext(layout, await loadArticle(layout, id), lng)))
  return articles
}
