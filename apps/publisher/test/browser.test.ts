import {existsSync} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {chromium, type Browser, type BrowserContext, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildBriefs} from '../src/index.js'
import {articleIds, copyCorpus, languages, removeTempDirs, tempDir, testOutputDir} from './helpers/corpus.js'

// Debian's `chromium` package; CI installs it (.ci/run). Without it the suite is skipped, never failed,
// except in CI, where a skipped browser suite would hide a broken page.
const executablePath = '/usr/bin/chromium'
const hasChromium = existsSync(executablePath)
const hostile = '2022-11-texte-piege'
const desktop = {width: 1280, height: 800}

describe.runIf(!hasChromium && Boolean(process.env.CI))('the browser suite in CI', () => {
  it(`finds Chromium at ${executablePath}`, () => {
    expect.fail(`${executablePath} is missing: CI must install Debian's \`chromium\`, or the browser suite is skipped`)
  })
})

describe.skipIf(!hasChromium)(
  hasChromium ? 'HTML briefs in headless Chromium' : `HTML briefs in headless Chromium: skipped, ${executablePath} not found (apt-get install chromium)`,
  () => {
    let browser: Browser
    let context: BrowserContext
    let site: string
    let hostileSite: string
    let briefs: string[]

    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
      })
      context = await browser.newContext({viewport: desktop})
      const corpus = await copyCorpus()
      site = await tempDir('site')
      hostileSite = await tempDir('site')
      expect(await buildBriefs({corpus, out: site})).toMatchObject({failed: false, missing: 0, briefs: 4})
      expect(await buildBriefs({corpus: await copyCorpus('hostile-text'), out: hostileSite})).toMatchObject({failed: false, missing: 0, briefs: 6})
      briefs = (await articleIds(corpus)).flatMap((id) => languages.map((lng) => `${id}/fr-${lng}.html`))
    }, 60_000)

    afterAll(async () => {
      await browser?.close()
      await removeTempDirs()
    })

    /** What the page did since the last `open`. */
    const seen = {requests: [] as string[], errors: [] as string[], dialogs: [] as string[]}
    let page: Page

    /** Open a file like a reader would, recording every request, console error, page error and dialog. */
    async function open(file: string, viewport = desktop) {
      if (!page) {
        page = await context.newPage()
        page.on('request', (request) => void seen.requests.push(request.url()))
        page.on('console', (message) => void (message.type() === 'error' && seen.errors.push(message.text())))
        page.on('pageerror', (error) => void seen.errors.push(error.message))
        page.on('dialog', (dialog) => {
          seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
          void dialog.dismiss()
        })
      }
      await page.setViewportSize(viewport)
      for (const list of Object.values(seen)) list.length = 0
      const url = pathToFileURL(file).href
      await page.goto(url, {waitUntil: 'load'})
      return {page, url, ...seen}
    }

    it('load each brief and the index with no request but the page itself, no console error and no dialog', async () => {
      for (const name of [...briefs, 'index.html']) {
        const visit = await open(path.join(site, name))
        await visit.page.waitForTimeout(100)
        expect(visit.requests, name).toEqual([visit.url])
        expect(visit.errors, name).toEqual([])
        expect(visit.dialogs, name).toEqual([])
      }
    })

    it('fit the window without horizontal scrolling, on a desktop and on a phone', async () => {
      for (const name of [...briefs, 'index.html']) {
        for (const viewport of [desktop, {width: 390, height: 844}]) {
          const visit = await open(path.join(site, name), viewport)
          const widths = await visit.page.evaluate<{scroll: number; inner: number}>('({scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth})')
          expect(widths.scroll, `${name} at ${viewport.width} px`).toBeLessThanOrEqual(widths.inner)
        }
      }
    })

    it('align each French paragraph with its translation, row by row (within 2 px)', async () => {
      for (const name of briefs) {
        const visit = await open(path.join(site, name))
        const rows = await visit.page.evaluate<Array<{id: string; tops: number[]; lang: string[]}>>(`
          [...document.querySelectorAll('section.row')].map((row) => {
            const [source, target] = row.children
            const first = (cell) => cell.querySelector('[data-segment]')
            return {
              id: row.id,
              lang: [source.lang, target.lang],
              tops: [source, target, first(source), first(target)].map((element) => element.getBoundingClientRect().top)
            }
          })`)
        expect(rows.length, name).toBeGreaterThan(0)
        for (const row of rows) {
          const [source, target, firstSource, firstTarget] = row.tops as [number, number, number, number]
          expect(row.lang, `${name} ${row.id}`).toEqual(['fr', name.match(/fr-([a-z]{2})\.html$/)![1]])
          expect(Math.abs(source - target), `${name} ${row.id} cells`).toBeLessThanOrEqual(2)
          expect(Math.abs(firstSource - firstTarget), `${name} ${row.id} first sentences`).toBeLessThanOrEqual(2)
        }
      }
    })

    it('run none of the hostile payloads: no dialog, `window.__xss` unset, no element or handler from the corpus', async () => {
      for (const name of [...languages.map((lng) => `${hostile}/fr-${lng}.html`), 'index.html']) {
        const visit = await open(path.join(hostileSite, name))
        await visit.page.waitForTimeout(300)
        expect(visit.dialogs, name).toEqual([])
        expect(await visit.page.evaluate('typeof window.__xss'), name).toBe('undefined')
        expect(visit.requests, name).toEqual([visit.url])
        expect(visit.errors, name).toEqual([])
        const found = await visit.page.evaluate<string[]>(`[
          ...[...document.querySelectorAll('script, img, svg, iframe, object, embed, form')].map((element) => element.localName),
          ...[...document.querySelectorAll('*')].flatMap((element) => element.getAttributeNames().filter((attribute) => attribute.startsWith('on'))),
          ...[...document.querySelectorAll('[href]')].map((element) => element.getAttribute('href')).filter((href) => /^\\s*javascript:/i.test(href))
        ]`)
        expect(found, name).toEqual([])
      }
    })

    it('would catch the payloads: written as HTML, they do fire in this browser', async () => {
      const canary = await context.newPage()
      const dialogs: string[] = []
      canary.on('dialog', (dialog) => {
        dialogs.push(dialog.message())
        void dialog.dismiss()
      })
      await canary.setContent('<p>Une image <img src=x onerror="window.__xss=1"> et <svg onload="window.__xss=2"></svg> et <script>alert(1)</script></p>')
      await canary.waitForTimeout(300)
      expect(await canary.evaluate('window.__xss')).toBeGreaterThan(0)
      expect(dialogs).toEqual(['1'])
      await canary.close()
    })

    it('render a brief: screenshot in test-output/brief-fr-en.png', async () => {
      const name = briefs.find((brief) => brief.endsWith('fr-en.html'))!
      const visit = await open(path.join(site, name))
      const file = path.join(testOutputDir, 'brief-fr-en.png')
      await fs.mkdir(testOutputDir, {recursive: true})
      await visit.page.screenshot({path: file, fullPage: true})
      const png = await fs.readFile(file)
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
      expect(png.readUInt32BE(16)).toBe(desktop.width)
    })
  }
)
