import {execFileSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fingerprint} from '@briefs/bitext'
import {corpusLayout, parseArticle, stringifyJson, stringifySegmentMap} from '@briefs/corpus'
import {VFile} from 'vfile'
import {articleId, type BenchLanguage} from './generate.js'

/** The word a changed translation ends with, per language. */
const also: Record<BenchLanguage, string> = {en: 'as well', ru: 'тоже'}

type SegmentMap = NonNullable<Parameters<typeof parseArticle>[1]>

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, {cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024}).toString()

/**
 * Make `work` (holding `corpus/`) a git repository with the corpus
 * committed on `main`, and a branch `desk` where `changed` articles were
 * worked on as a pull request would: a French sentence edited (its segment
 * map synced), translations changed, some of them approved. The working tree
 * is left on `main`.
 */
export function makeRepository(work: string, size: number, changed = 10, languages: readonly BenchLanguage[] = ['en', 'ru']): void {
  fs.writeFileSync(path.join(work, '.gitignore'), ['node_modules/', 'site/', 'remark/', 'eleventy*/', 'io/', '*.json.tmp', ''].join('\n'))
  git(work, 'init', '-q', '-b', 'main')
  git(work, 'config', 'user.name', 'Bench')
  git(work, 'config', 'user.email', 'bench@example.org')
  git(work, 'config', 'commit.gpgsign', 'false')
  git(work, 'add', '-A')
  git(work, 'commit', '-q', '-m', 'The corpus')
  git(work, 'checkout', '-q', '-b', 'desk')
  const layout = corpusLayout(path.join(work, 'corpus'))
  for (let index = 0; index < Math.min(changed, size); index++) {
    const id = articleId(Math.floor((index * size) / Math.min(changed, size)))
    const articleFile = layout.articleFile(id)
    const edited = fs.readFileSync(articleFile, 'utf8').replace(/ a (annoncé|confirmé|indiqué) /, ' avait $1 ')
    fs.writeFileSync(articleFile, edited)
    const committed = JSON.parse(fs.readFileSync(layout.segmentMapFile(id), 'utf8')) as SegmentMap
    const article = parseArticle(new VFile({path: articleFile, value: edited}), committed)
    fs.writeFileSync(layout.segmentMapFile(id), stringifySegmentMap(article.segmentMap))
    languages.forEach((lng, position) => {
      const resource = JSON.parse(fs.readFileSync(layout.resourceFile(lng, id), 'utf8')) as Record<string, string>
      const ledger = JSON.parse(fs.readFileSync(layout.reviewFile(lng, id), 'utf8')) as Record<string, {source: string; target: string; reviewer: string; date: string; text: string}>
      const keys = Object.keys(resource).filter((key) => key !== 'title')
      // Three translations changed in the first language, two in the next; the first of them approved again.
      for (const [rank, key] of keys.slice(2, 5 - position).entries()) {
        resource[key] = resource[key]!.replace(/ (\S+)([.?!»”]*)$/, ` ${also[lng]}$2`)
        const segment = article.segments.find((each) => each.id === key)
        if (rank === 0 && segment) ledger[key] = {source: fingerprint(segment.text), target: fingerprint(resource[key]!), reviewer: 'Desk', date: '2026-11-28', text: segment.text}
      }
      fs.writeFileSync(layout.resourceFile(lng, id), stringifyJson(resource))
      fs.writeFileSync(layout.reviewFile(lng, id), stringifyJson(ledger))
    })
  }
  git(work, 'add', '-A')
  git(work, 'commit', '-q', '-m', `Translations of ${changed} articles`)
  git(work, 'checkout', '-q', 'main')
}
