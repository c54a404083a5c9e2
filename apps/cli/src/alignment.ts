import {existsSync} from 'node:fs'
import {loadDictionary, type AlignOptions, type GlossaryPair} from '@briefs/align'
import {loadBitext} from '@briefs/bitext'
import {corpusLayout, isTargetLanguage, listArticleIds, loadArticle, readCorpusConfig, sourceLanguage} from '@briefs/corpus'
import {readGlossary} from '@briefs/qa'
import {VFileMessage} from 'vfile-message'

/** Most recent articles whose reviewed translations teach the aligner: enough words, a bounded cost. */
const lexiconArticles = 300

/**
 * What the aligner may know of a language pair besides the texts: the
 * corpus glossary, the FreeDict dictionary when installed, and the corpus's
 * reviewed translations in the language (an article aside: the one being
 * aligned), from which it learns word pairs. A folder that is not a corpus
 * lends nothing but the dictionary: two plain files align without.
 */
export async function alignmentEvidence(corpus: string, language: string, exceptArticle?: string): Promise<AlignOptions> {
  const layout = corpusLayout(corpus)
  const dictionary = await loadDictionary({source: sourceLanguage, target: language})
  const options: AlignOptions = {sourceLanguage, targetLanguage: language, ...(dictionary ? {dictionary} : {})}
  if (!existsSync(layout.configFile) || !isTargetLanguage(language)) return options
  const config = await readCorpusConfig(layout)
  const {terms} = await readGlossary(corpus, config.languages)
  const glossary: GlossaryPair[] = terms.flatMap((term) => {
    const forms = term.forms.get(language)
    return forms && forms.length > 0 ? [{source: term.fr, target: forms}] : []
  })
  const lexiconPairs: Array<{source: string; target: string}> = []
  if ((config.languages as string[]).includes(language)) {
    const ids = (await listArticleIds(layout)).filter((id) => id !== exceptArticle).slice(-lexiconArticles)
    for (const id of ids) {
      try {
        const bitext = await loadBitext(layout, await loadArticle(layout, id), language)
        for (const unit of bitext.units) if (unit.state === 'reviewed') lexiconPairs.push({source: unit.source, target: unit.target!.value})
      } catch (error) {
        // An article that cannot be read teaches nothing: `briefs check` and `briefs status` report it.
        if (!(error instanceof VFileMessage)) throw error
      }
    }
  }
  return {...options, glossary, lexiconPairs}
}
