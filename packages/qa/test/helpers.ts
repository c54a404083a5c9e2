import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {corpusLayout, parseArticle, readSegmentMap, stringifyJson, writeSegmentMap, type TargetLanguage} from '@briefs/corpus'
import {VFile} from 'vfile'
import type {CheckResult} from '../src/index.js'

export const shippedCorpus = fileURLToPath(new URL('../../../corpus/', import.meta.url))
export const georgia = '2022-09-la-georgie-et-le-kazakhstan-deux-pays'
export const mobilisation = '2022-10-plus-de-200-000-citoyens-russes-ont-ete'

/** A copy of the shipped corpus in a temp dir (`<tmp>/corpus`), to change freely. */
export async function copyCorpus(): Promise<string> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'briefs-qa-'))
  const corpus = path.join(directory, 'corpus')
  await fs.cp(shippedCorpus, corpus, {recursive: true})
  return corpus
}

/** Change the translations of an article, keeping the file's order and format. */
export async function editResource(corpus: string, lng: TargetLanguage, id: string, edit: (entries: Record<string, string>) => void): Promise<void> {
  const file = corpusLayout(corpus).resourceFile(lng, id)
  const entries = JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, string>
  edit(entries)
  await fs.writeFile(file, stringifyJson(entries))
}

/** Replace `from` (which must be there) with `to` in a translation. */
export async function replaceInTranslation(corpus: string, lng: TargetLanguage, id: string, segment: string, from: string, to: string): Promise<void> {
  await editResource(corpus, lng, id, (entries) => {
    const value = entries[segment]
    if (value === undefined || !value.includes(from)) throw new Error(`No ${JSON.stringify(from)} in ${lng} ${segment}`)
    entries[segment] = value.replace(from, to)
  })
}

/** Write an article and record its segment map (IDs kept), as `briefs ingest` and `briefs sync` would; returns its segment IDs. */
export async function writeArticle(corpus: string, id: string, markdown: string): Promise<string[]> {
  const layout = corpusLayout(corpus)
  const file = new VFile({path: layout.articleFile(id), value: markdown})
  const committed = await readSegmentMap(layout.segmentMapFile(id))
  const article = parseArticle(file, committed?.map)
  await fs.writeFile(layout.articleFile(id), markdown)
  await writeSegmentMap(layout.segmentMapFile(id), article.segmentMap)
  return article.segments.map((segment) => segment.id)
}

/** Every message of a check as a plain row, for comparisons. */
export function rows(result: CheckResult): Array<{rule: string; severity: string; lang: string | undefined; article: string | undefined; segment: string | undefined; reason: string}> {
  return result.files.flatMap((file) =>
    file.messages.map((message) => ({
      rule: message.ruleId ?? '',
      severity: message.fatal ? 'error' : 'warning',
      lang: message.data?.lang,
      article: message.data?.article,
      segment: message.data?.segment,
      reason: message.reason
    }))
  )
}
