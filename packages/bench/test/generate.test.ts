import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {corpusLayout, listArticleIds, loadArticle, readResource} from '@briefs/corpus'
import {loadBitext} from '@briefs/bitext'
import {describe, expect, it} from 'vitest'
import {generateCorpus} from '../src/generate.js'

async function snapshot(directory: string): Promise<Map<string, string>> {
  const entries = await fs.readdir(directory, {recursive: true, withFileTypes: true})
  const files = new Map<string, string>()
  for (const entry of entries.filter((each) => each.isFile()).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(entry.parentPath, entry.name)
    files.set(path.relative(directory, full), await fs.readFile(full, 'utf8'))
  }
  return files
}

describe('the synthetic corpus', () => {
  it('is the same for the same seed and differs for another', async () => {
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => fs.mkdtemp(path.join(os.tmpdir(), 'briefs-bench-test-'))))
    await generateCorpus(a!, 5)
    await generateCorpus(b!, 5)
    await generateCorpus(c!, 5, 7)
    expect(await snapshot(b!)).toEqual(await snapshot(a!))
    expect(await snapshot(c!)).not.toEqual(await snapshot(a!))
  })

  it('holds valid, fully translated and reviewed articles of about 600 words with the constructs that matter', async () => {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'briefs-bench-test-'))
    const {corpus, articles} = await generateCorpus(directory, 4)
    const layout = corpusLayout(corpus)
    const ids = await listArticleIds(layout)
    expect(ids).toHaveLength(articles)
    const markdown = (await Promise.all(ids.map((id) => fs.readFile(layout.articleFile(id), 'utf8')))).join('\n')
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
  })
})
