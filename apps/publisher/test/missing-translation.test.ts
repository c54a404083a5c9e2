import fs from 'node:fs/promises'
import path from 'node:path'
import type {VFileMessage} from 'vfile-message'
import {afterAll, describe, expect, it} from 'vitest'
import {buildBriefs, type BuildResult} from '../src/index.js'
import {articleIds, copyCorpus, readResource, readSegmentMap, removeTempDirs, resourcePath, tempDir, writeResource, type SegmentMapJson} from './helpers/corpus.js'
import {hasClass, parseHtml, select, selectOne, textContent} from './helpers/html.js'
import {onlyTable, parseMarkdown, tableText} from './helpers/markdown.js'

afterAll(removeTempDirs)

function warnings(result: BuildResult): VFileMessage[] {
  return result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'shown-missing' && message.fatal === false)
}

/** The first article, and in it the first paragraph of several sentences: its last sentence goes missing. */
async function pickSentence(corpus: string) {
  const [id] = await articleIds(corpus)
  const map: SegmentMapJson = await readSegmentMap(corpus, id!)
  const block = map.blocks.find((candidate) => candidate.sentences.length > 1)!
  return {id: id!, map, block, kept: block.sentences[0]!, missing: block.sentences.at(-1)!}
}

describe('a missing translation', () => {
  it.each([
    ['deleted from the resource', (resource: Record<string, string>, key: string) => void delete resource[key]],
    ['left empty', (resource: Record<string, string>, key: string) => void (resource[key] = ' ')]
  ])('%s is shown as a marker in its sentence’s place and reported', async (_, remove) => {
    const corpus = await copyCorpus()
    const out = await tempDir('site')
    const {id, map, block, kept, missing} = await pickSentence(corpus)
    const resource = await readResource(corpus, 'en', id)
    remove(resource, missing.id)
    await writeResource(corpus, 'en', id, resource)

    const result = await buildBriefs({corpus, out})
    expect(result).toMatchObject({missing: 1, failed: false, briefs: 4})

    // One warning, at the French sentence, naming the segment and where its translation belongs.
    const [warning, ...others] = warnings(result)
    expect(others).toEqual([])
    expect(warning!.source).toBe('briefs')
    expect(warning!.file).toBe(path.join(corpus, 'articles', `${id}.md`))
    expect(warning!.reason).toContain(`\`${missing.id}\``)
    expect(warning!.reason).toContain('`en`')
    expect(warning!.reason).toContain(`locales/en/${id}.json`)
    const article = await fs.readFile(path.join(corpus, 'articles', `${id}.md`), 'utf8')
    expect(warning!.line).toBe(article.slice(0, article.indexOf(missing.text)).split('\n').length)

    // HTML: the marker takes the sentence's place in the same row; the French and the other sentences stay.
    const html = parseHtml(await fs.readFile(path.join(out, id, 'fr-en.html'), 'utf8'))
    expect(select(html, 'section.row')).toHaveLength(map.blocks.length)
    const row = selectOne(html, `section#${block.id}`)
    const marker = selectOne(row, `span#en-${missing.id}`)
    expect(marker.properties.dataSegment).toBe(missing.id)
    expect(hasClass(marker, 'missing')).toBe(true)
    expect(textContent(marker)).toBe('⚠ missing translation')
    // A marker is no sentence to stop at with Tab; its French counterpart is, and names it.
    expect(marker.properties.tabIndex).toBeUndefined()
    expect(selectOne(row, `span#${missing.id}`).properties.ariaDescribedBy).toEqual([`en-${missing.id}`])
    expect(textContent(selectOne(row, `span#${missing.id}`))).toBe(missing.text)
    expect(textContent(selectOne(row, `span#en-${kept.id}`))).toBe(resource[kept.id])
    expect(select(html, '.missing')).toEqual([marker])
    const total = map.blocks.reduce((sum, each) => sum + each.sentences.length, 1)
    expect(textContent(selectOne(html, 'dd.status'))).toBe(`${total - 1} of ${total} sentences translated`)

    // Markdown: the row is still there, with the marker where the sentence was.
    const rows = tableText(onlyTable(parseMarkdown(await fs.readFile(path.join(out, id, 'fr-en.md'), 'utf8'))))
    expect(rows).toHaveLength(1 + map.blocks.length)
    const [french, english] = rows[1 + map.blocks.indexOf(block)]!
    expect(french).toBe(block.sentences.map((sentence) => sentence.text).join(' '))
    expect(english).toContain(resource[kept.id])
    expect(english!.endsWith('⚠ missing translation')).toBe(true)

    // The other language is untouched; the index counts the gap.
    expect(await fs.readFile(path.join(out, id, 'fr-ru.html'), 'utf8')).not.toContain('class="missing"')
    expect(await fs.readFile(path.join(out, 'index.md'), 'utf8')).toContain(`[fr \\| en](./${id}/fr-en.md) (${total - 1}/${total})`)
  })

  it('of the title is shown as a marker in the header and reported as segment `title`', async () => {
    const corpus = await copyCorpus()
    const out = await tempDir('site')
    const {id} = await pickSentence(corpus)
    const resource = await readResource(corpus, 'ru', id)
    delete resource.title
    await writeResource(corpus, 'ru', id, resource)

    const result = await buildBriefs({corpus, out})
    expect(result).toMatchObject({missing: 1, failed: false})
    expect(warnings(result).map((message) => message.reason)).toEqual([expect.stringContaining('`ru` translation of segment `title`')])
    const html = parseHtml(await fs.readFile(path.join(out, id, 'fr-ru.html'), 'utf8'))
    const marker = selectOne(html, 'p.title-translation.missing')
    expect(textContent(marker)).toBe('Заголовок не переведён')
    expect(marker.properties.lang).toBeUndefined()
    expect(await fs.readFile(path.join(out, id, 'fr-ru.md'), 'utf8')).toContain('**Русский:** **⚠ Заголовок не переведён**')
  })

  it('resource file is a brief with every segment marked missing, each reported', async () => {
    const corpus = await copyCorpus()
    const out = await tempDir('site')
    const {id, map} = await pickSentence(corpus)
    await fs.rm(resourcePath(corpus, 'ru', id))
    const total = map.blocks.reduce((sum, block) => sum + block.sentences.length, 1)

    const result = await buildBriefs({corpus, out})
    expect(result).toMatchObject({missing: total, failed: false, briefs: 4})
    expect(warnings(result)).toHaveLength(total)
    const html = parseHtml(await fs.readFile(path.join(out, id, 'fr-ru.html'), 'utf8'))
    expect(select(html, 'section.row')).toHaveLength(map.blocks.length)
    expect(select(html, 'span.missing')).toHaveLength(total - 1)
    const rows = tableText(onlyTable(parseMarkdown(await fs.readFile(path.join(out, id, 'fr-ru.md'), 'utf8'))))
    expect(rows).toHaveLength(1 + map.blocks.length)
    for (const row of rows.slice(1)) expect(row[1]).toMatch(/^⚠ нет перевода( ⚠ нет перевода)*$/)
  })
})
