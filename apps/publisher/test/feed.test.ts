import fs from 'node:fs/promises'
import path from 'node:path'
import type {Element, Root} from 'xast'
import {fromXml} from 'xast-util-from-xml'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildBriefs} from '../src/index.js'
import {articleIds, copyCorpus, readResource, readTitle, removeTempDirs, tempDir} from './helpers/corpus.js'

afterAll(removeTempDirs)

const atom = 'http://www.w3.org/2005/Atom'

function children(node: Root | Element, name?: string): Element[] {
  return [...node.children].filter((child): child is Element => child.type === 'element' && (name === undefined || child.name === name))
}

function text(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? text(child) : '')).join('')
}

function only(node: Root | Element, name: string): Element {
  const [first, ...others] = children(node, name)
  if (!first || others.length > 0) throw new Error(`Expected one <${name}>, found ${others.length + (first ? 1 : 0)}`)
  return first
}

describe('Atom feeds, one per reader language', () => {
  let corpus: string
  let out: string
  let ids: string[]

  beforeAll(async () => {
    corpus = await copyCorpus('hostile-text')
    out = await tempDir('site')
    expect(await buildBriefs({corpus, out})).toMatchObject({failed: false})
    ids = (await articleIds(corpus)).reverse()
  })

  /** Parsed by a strict XML parser (xast-util-from-xml): a feed that is not well-formed XML throws. */
  async function readFeed(lng: string): Promise<Element> {
    return only(fromXml(await fs.readFile(path.join(out, `feed.${lng}.xml`), 'utf8')), 'feed')
  }

  it('are well-formed Atom with one entry per article, newest first, linking to the reader’s view', async () => {
    for (const [lng, view] of [
      ['fr', 'fr-en-ru'],
      ['en', 'fr-en'],
      ['ru', 'fr-ru']
    ]) {
      const feed = await readFeed(lng!)
      expect(feed.attributes).toEqual({xmlns: atom, 'xml:lang': lng})
      expect(children(feed).map((child) => child.name).slice(0, 7)).toEqual(['title', 'subtitle', 'id', 'updated', 'link', 'link', 'author'])
      const entries = children(feed, 'entry')
      const links = entries.map((entry) => only(entry, 'link').attributes.href)
      expect(links).toEqual(ids.map((id) => `${id}/${view}.html`))
      for (const link of links) await expect(fs.access(path.join(out, link!))).resolves.toBeUndefined()
      expect(children(feed, 'link').map((link) => link.attributes.href)).toEqual([`feed.${lng}.xml`, lng === 'fr' ? 'index.html' : `index.${lng}.html`])
      for (const entry of entries) expect(text(only(entry, 'id'))).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(new Set(entries.map((entry) => text(only(entry, 'id')))).size).toBe(entries.length)
    }
  })

  it('date the feed by its newest article, never by the clock', async () => {
    for (const lng of ['fr', 'en', 'ru']) {
      const feed = await readFeed(lng)
      expect(text(only(feed, 'updated'))).toBe('2022-11-01T00:00:00Z')
      expect(children(feed, 'entry').map((entry) => text(only(entry, 'updated')))).toEqual(['2022-11-01T00:00:00Z', '2022-10-01T00:00:00Z', '2022-09-01T00:00:00Z'])
    }
  })

  it('title entries in the reader’s language, with the French title beside, and hostile titles as text', async () => {
    const english = children(await readFeed('en'), 'entry')
    for (const [index, id] of ids.entries()) {
      expect(text(only(english[index]!, 'title'))).toBe((await readResource(corpus, 'en', id)).title)
      expect(only(english[index]!, 'summary').attributes['xml:lang']).toBe('fr')
      expect(text(only(english[index]!, 'summary'))).toBe(await readTitle(corpus, id))
    }
    const french = children(await readFeed('fr'), 'entry')
    expect(french.map((entry) => text(only(entry, 'title')))).toEqual(await Promise.all(ids.map((id) => readTitle(corpus, id))))
    expect(text(only(french[0]!, 'content'))).toBe('Anglais\u00a0: 10 sur 10 phrases relues\u202f; Russe\u00a0: 10 sur 10 phrases relues')
    expect(text(only(children(await readFeed('ru'), 'entry')[1]!, 'content'))).toBe('Проверено 17 из 17 предложений')
  })

  it('replace control characters, which XML cannot hold, and keep the feed well-formed', async () => {
    const corpus = await copyCorpus()
    const [id] = await articleIds(corpus)
    const resource = await readResource(corpus, 'en', id!)
    await fs.writeFile(path.join(corpus, 'locales', 'en', `${id}.json`), `${JSON.stringify({...resource, title: 'Bell \u0007 and form feed \u000c'}, null, 2)}\n`)
    const out = await tempDir('site')
    expect(await buildBriefs({corpus, out})).toMatchObject({failed: false})
    const feed = only(fromXml(await fs.readFile(path.join(out, 'feed.en.xml'), 'utf8')), 'feed')
    expect(children(feed, 'entry').map((entry) => text(only(entry, 'title')))).toContain('Bell \ufffd and form feed \ufffd')
  })
})
