import {loadBitext, withDrafts, type Bitext, type Draft} from '@briefs/bitext'
import {corpusLayout, loadArticle, readCorpusConfig, Translations, type CorpusLayout, type TargetLanguage} from '@briefs/corpus'
import {exchangeArticle, type ExchangeArticle} from '@briefs/exchange'
import type {VFile} from 'vfile'
import {articlesOption, languageOption} from './args.js'
import {findCorpus, userPath, type Context} from './context.js'
import {UsageError} from './errors.js'
import {report} from './report.js'

/** An article in one language, as the bitext model gives it and as the CAT exchange reads it. */
export interface ArticleInLanguage {
  bitext: Bitext
  exchange: ExchangeArticle
}

/**
 * What `xliff export` and `tm export` write from: the articles asked for
 * (all by default) in the language asked for, their files' problems
 * reported, and the file to write.
 */
export async function exportSubject(
  values: {lang?: string | undefined; article?: string[] | undefined; out?: string | undefined; corpus?: string | undefined},
  usage: string,
  context: Context
): Promise<{lng: TargetLanguage; exchange: ExchangeArticle[]; out: string}> {
  if (!values.out) throw new UsageError(`Missing --out <file>\n\n${usage}`)
  const layout = corpusLayout(findCorpus(context, values.corpus))
  const lng = languageOption(values.lang, await readCorpusConfig(layout), usage)
  const {articles, files} = await loadArticlesIn(layout, await articlesOption(values.article, layout), lng)
  report(context, files)
  return {lng, exchange: articles.map((article) => article.exchange), out: userPath(context, values.out)}
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

