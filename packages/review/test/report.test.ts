import fs from 'node:fs/promises'
import path from 'node:path'
import {corpusLayout, loadArticle, writeSegmentMap} from '@briefs/corpus'
import {micromark} from 'micromark'
import {gfm, gfmHtml} from 'micromark-extension-gfm'
import {describe, expect, it} from 'vitest'
import {reviewReport} from '../src/index.js'
import {editJson, editText, georgia, git, mobilisation, repositoryWithCorpus} from './helpers.js'

describe('the pull-request review report, on real git repositories', () => {
  it('lists exactly the segments whose French or translation changed, with before and after', async () => {
    const {root, corpus} = await repositoryWithCorpus()
    await git(root, 'checkout', '--quiet', '-b', 'fix-translations')
    const layout = corpusLayout(corpus)
    await editJson(layout.resourceFile('en', georgia), (value) => {
      value['s-4de67c'] = 'It did not, however, give figures for comparison with the previous week.'
    })
    await editJson(layout.resourceFile('ru', mobilisation), (value) => {
      value['s-c5457d'] = 'Только в Казахстан бежали свыше 100 000 мужчин.'
    })
    await editText(layout.articleFile(georgia), 'a indiqué que 98.000 citoyens Russes', 'a indiqué que 99.000 citoyens russes')
    await writeSegmentMap(layout.segmentMapFile(georgia), (await loadArticle(layout, georgia)).segmentMap)
    await git(root, 'commit', '--quiet', '-am', 'Edit')

    const report = await reviewReport({corpus, base: 'main'})
    const total = (19 + 17) * 2
    expect(report.changed).toBe(4)
    expect(report.unchanged).toBe(total - 4)
    const rows = report.markdown.split('\n').filter((line) => line.startsWith('| `'))
    expect(rows).toHaveLength(4)
    expect(rows[0]).toBe(
      "| `s-802e70` | De son côté, le ministère de l'Intérieur du Kazakhstan, une ex-république soviétique d'Asie centrale, a indiqué que ~~98.000~~**99.000** citoyens ~~Russes~~**russes** étaient arrivés dans le pays depuis le 21 septembre. | For its part, the Interior Ministry of Kazakhstan, a former Soviet republic in Central Asia, said 98,000 Russian citizens had arrived in the country since September 21. | For its part, the Interior Ministry of Kazakhstan, a former Soviet republic in Central Asia, said 98,000 Russian citizens had arrived in the country since September 21. | reviewed → stale (French changed) | `number-mismatch` Unexpected `98,000` in the translation, expected 99,000 (`99.000` in the French) |"
    )
    expect(rows[1]).toBe(
      "| `s-4de67c` | Il n'a toutefois pas fourni d'éléments de comparaison avec la semaine précédente. | ~~However~~, ~~it gave no~~ figures for comparison with the previous week. | **It did not**, **however, give** figures for comparison with the previous week. | reviewed → stale (translation changed) | — |"
    )
    expect(rows[2]).toMatch(/^\| `s-802e70` \|.*\| reviewed → stale \(French changed\) \| `number-mismatch` Unexpected `98\u00a0000` in the translation, expected 99 000 \(`99\.000` in the French\) \|$/)
    expect(rows[2]).toContain('98\u00a0000 граждан России')
    expect(rows[3]).toBe(
      '| `s-c5457d` | Plus de 100 000 hommes ont fui vers le seul Kazakhstan. | Только в Казахстан бежали ~~более~~ 100\u00a0000 мужчин. | Только в Казахстан бежали **свыше** 100 000 мужчин. | reviewed → stale (translation changed) | — |'
    )
    expect(report.markdown).toContain('| La Géorgie et le Kazakhstan voient affluer les Russes fuyant la mobilisation | en | 19/19 (100%) | 17/19 (89%) |')
    expect(report.markdown).toContain('| Article | Language | Base `main` | Head `HEAD` |')
    expect(report.markdown).toContain('| Segment | French | Translation before | Translation after | State | Checks |')
    expect(report.markdown).toContain('4 segments changed; 68 unchanged segments not listed.')
  })

  it('shows approvals as changes, and a clean branch as no change', async () => {
    const {root, corpus} = await repositoryWithCorpus()
    const layout = corpusLayout(corpus)
    await fs.rm(layout.reviewFile('en', georgia))
    await git(root, 'commit', '--quiet', '-am', 'Drop the English review of one article')
    await git(root, 'checkout', '--quiet', '-b', 'review')
    expect((await reviewReport({corpus, base: 'main'})).changed).toBe(0)
    await git(root, 'checkout', '--quiet', 'main', '--', '.')
    await git(root, 'revert', '--no-edit', '--quiet', 'HEAD')
    const report = await reviewReport({corpus, base: 'main', head: 'review'})
    expect(report.changed).toBe(19)
    expect(report.markdown).toContain('| en | 0/19 (0%) | 19/19 (100%) |')
    expect(report.markdown.split('\n').filter((line) => line.includes('draft → reviewed'))).toHaveLength(19)
  })

  it('refuses a revision that is not a commit', async () => {
    const {corpus} = await repositoryWithCorpus()
    await expect(reviewReport({corpus, base: 'no-such-branch'})).rejects.toThrow('Unexpected revision `no-such-branch`, expected a commit of')
  })

  it('reads a base where the corpus did not exist yet', async () => {
    const {root, corpus} = await repositoryWithCorpus()
    await fs.writeFile(path.join(root, 'README.md'), 'x\n')
    await git(root, 'add', 'README.md')
    await git(root, 'commit', '--quiet', '-m', 'Readme')
    const first = (await git(root, 'rev-list', '--max-parents=0', 'HEAD')).trim()
    await git(root, 'checkout', '--quiet', '--orphan', 'empty')
    await git(root, 'rm', '-rq', '--cached', '.')
    await git(root, 'commit', '--quiet', '--allow-empty', '-m', 'Empty')
    const report = await reviewReport({corpus, base: 'empty', head: first})
    expect(report.changed).toBe(72)
    expect(report.markdown).toContain('| en | — | 19/19 (100%) |')
  })
})

describe('the review report as GitHub renders it', () => {
  it('calls a new article’s units new, keeps every word’s spaces, writes no character references, and reads right through a CommonMark renderer', async () => {
    const {root, corpus} = await repositoryWithCorpus()
    await git(root, 'checkout', '--quiet', '-b', 'edit')
    const layout = corpusLayout(corpus)
    await editJson(layout.resourceFile('en', georgia), (value) => {
      // Words added and removed at a space: the marks must not take the space in.
      value['s-4de67c'] = 'However, it did give no figures to have the comparison with the previous week.'
    })
    await editJson(layout.resourceFile('ru', mobilisation), (value) => {
      value['s-c5457d'] = 'Только в Казахстан бежали более 100 000 мужчин, и ещё больше в Грузию.'
    })
    await git(root, 'commit', '--quiet', '-am', 'Edit')
    const report = await reviewReport({corpus, base: 'main'})
    expect(report.markdown).not.toMatch(/&#x?[0-9a-f]+;/i)
    const html = micromark(report.markdown, {extensions: [gfm()], htmlExtensions: [gfmHtml()]})
    const text = html.replace(/<[^>]+>/g, '')
    expect(text).toContain('However, it did give no figures to have the comparison with the previous week.')
    expect(text).toContain('However, it gave no figures for comparison with the previous week.')
    expect(text).toContain('Только в Казахстан бежали более 100\u00a0000 мужчин.')
    expect(html).toContain('<strong>did give</strong>')
  })

  it('calls every unit of an article new at head “new”, and says who approved', async () => {
    const {root, corpus} = await repositoryWithCorpus()
    await git(root, 'checkout', '--quiet', '-b', 'new-article')
    const layout = corpusLayout(corpus)
    await fs.rm(layout.articleFile(mobilisation))
    await git(root, 'commit', '--quiet', '-am', 'Without the article')
    const report = await reviewReport({corpus, base: 'HEAD', head: 'main'})
    const rows = report.markdown.split('\n').filter((line) => line.startsWith('| `'))
    expect(rows.length).toBe(2 * 17)
    for (const row of rows) expect(row).toMatch(/\| new → reviewed by briefs desk, 2026-11-21 \| — \|$/)
  })
})
