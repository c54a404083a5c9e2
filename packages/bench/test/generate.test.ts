import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {corpusLayout, listArticleIds, loadArticle, readResource} from '@briefs/corpus'
import {loadBitext} from '@briefs/bitext'
import {checkCorpus} from '@briefs/qa'
import {describe, expect, it} from 'vitest'
import {generateCorpus} from '../src/generate.js'

function snapshot(directory: string): Map<string, string> {
  const files = new Map<string, string>()
  for (const entry of fs.readdirSync(directory, {recursive: true, withFileTypes: true}).filter((each) => each.isFile())) {
    const full = path.join(entry.parentPath, entry.name)
    files.set(path.relative(directory, full), fs.readFileSync(full, 'utf8'))
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)))
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'briefs-bench-test-'))

describe('the synthetic corpus', () => {
  it('is the same for the same seed and differs for another', () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()]
    generateCorpus(a, 5)
    generateCorpus(b, 5)
    generateCorpus(c, 5, {seed: 7})
    expect(snapshot(b)).toEqual(snapshot(a))
    expect(snapshot(c)).not.toEqual(snapshot(a))
  })

  it('holds valid articles of about 600 words with the constructs that matter, translated and reviewed (clean)', async () => {
    const {corpus, articles} = generateCorpus(tempDir(), 4, {clean: true})
    const layout = corpusLayout(corpus)
    const ids = await listArticleIds(layout)
    expect(ids).toHaveLength(articles)
    const markdown = ids.map((id) => fs.readFileSync(layout.articleFile(id), 'utf8')).join('\n')
    for (const construct of ['« ', ' »', 'M. ', 'p. ex.', '.000 ', ' %*', '](https://www.reuters.com/', '\n## ']) expect(markdown).toContain(construct)
    for (const id of ids) {
      const article = await loadArticle(layout, id)
      expect(article.file.messages).toEqual([])
      const words = article.segments.slice(1).reduce((sum, segment) => sum + segment.text.split(/\s+/).length, 0)
      expect(words).toBeGreaterThanOrEqual(600)
      expect(words).toBeLessThan(800)
      for (const lng of ['en', 'ru'] as const) {
        const resource = await readResource(layout, lng, id)
        expect([...resource!.entries.keys()]).toEqual(article.segments.map((segment) => segment.id))
        expect((await loadBitext(layout, article, lng)).counts.reviewed).toBe(article.segments.length)
      }
    }
    // A translator's work, numbers, names, links and marks carried over: nothing for the checks to find.
    const checked = await checkCorpus({corpus})
    expect(checked.files.flatMap((file) => file.messages.map((message) => `${message.ruleId}: ${message.reason}`))).toEqual([])
  })

  it('has, as a desk has, a few drafts, missing translations and faults the checks find: under one finding per article', async () => {
    const {corpus} = generateCorpus(tempDir(), 40)
    const checked = await checkCorpus({corpus})
    const findings = checked.files.flatMap((file) => file.messages)
    expect(findings.length).toBeGreaterThan(0)
    expect(findings.length).toBeLessThan(40)
    const planted = ['missing-translation', 'number-mismatch', 'end-punctuation', 'whitespace', 'markup-parity']
    for (const message of findings) expect(planted, message.reason).toContain(message.ruleId)
  }, 120_000)
})
