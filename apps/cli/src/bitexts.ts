import {loadBitext, withDrafts, type Bitext, type Draft} from '@briefs/bitext'
import {loadArticle, Translations, type CorpusLayout, type TargetLanguage} from '@briefs/corpus'
import {exchangeArticle, type ExchangeArticle} from '@briefs/exchange'
import type {VFile} from 'vfile'

/** An article in one language, as the bitext model gives it and as the CAT exchange reads it. */
export interface ArticleInLanguage {
  bitext: Bitext
  exchange: ExchangeArticle
}

/**
 * Load articles in one language for the CAT commands. `files` holds the
 * files read that may carry messages (articles, ledgers, origins), for the
 * caller to report.
 */
export async function loadArticlesIn(layout: CorpusLayout, ids: readonly string[], lng: TargetLanguage): Promise<{articles: ArticleInLanguage[]; files: VFile[]}> {
  const translations = new Translations()
  const articles: ArticleInLanguage[] = []
  const files: VFile[] = []
  for (const id of ids) {
    const article = await loadArticle(layout, id)
    const bitext = await loadBitext(layout, article, lng, {translations})
    files.push(article.file, ...(bitext.ledger.file ? [bitext.ledger.file] : []), ...(bitext.origins.file ? [bitext.origins.file] : []))
    articles.push({bitext, exchange: exchangeArticle(bitext)})
  }
  return {articles, files}
}

/** The files that drafts change (resources, origins), to be written at once (`writeFilesAtomic`). */
export function draftWrites(layout: CorpusLayout, planned: ReadonlyArray<{bitext: Bitext; drafts: readonly Draft[]}>): Array<{path: string; content: string}> {
  return planned.flatMap(({bitext, drafts}) => {
    if (drafts.length === 0) return []
    const files = withDrafts(bitext, drafts)
    return [
      {path: layout.resourceFile(bitext.lng, bitext.article.id), content: files.resource},
      ...(files.origins === undefined ? [] : [{path: layout.originsFile(bitext.lng, bitext.article.id), content: files.origins}])
    ]
  })
}

/** Today, `YYYY-MM-DD` (UTC), the date of an origin. */
export function today(): string {
  return new Date().toISOString().slice(0, 10)
}

/** `1 unit`, `2 units`. */
export function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`
}
