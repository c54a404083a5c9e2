import {existsSync} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import axe from 'axe-core'
import {micromark} from 'micromark'
import {gfm, gfmHtml} from 'micromark-extension-gfm'
import {chromium, type Browser, type BrowserContext, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {buildBriefs} from '../src/index.js'
import {attackStrings, writeAttackCorpus} from './helpers/attack-corpus.js'
import {articleIds, copyCorpus, readResource, removeTempDirs, tempDir, testOutputDir, viewNames, writeResource} from './helpers/corpus.js'
import {writeArticle} from './helpers/typography.js'

// Debian's `chromium` package; CI installs it (.ci/run). Without it the suite is skipped, never failed,
// except in CI, where a skipped browser suite would hide a broken page.
const executablePath = '/usr/bin/chromium'
const hasChromium = existsSync(executablePath)
const hostile = '2022-11-texte-piege'
const georgia = '2022-09-la-georgie-et-le-kazakhstan-deux-pays'
const desktop = {width: 1280, height: 800}
const phone = {width: 375, height: 812}
// A4 less the @page side margins (210 mm − 2 × 14 mm) at 96 px per inch: the width print lays a page out in.
const printWidth = Math.floor(((210 - 2 * 14) / 25.4) * 96)
const indexes = ['index.html', 'index.en.html', 'index.ru.html']

describe.runIf(!hasChromium && Boolean(process.env.CI))('the browser suite in CI', () => {
  it(`finds Chromium at ${executablePath}`, () => {
    expect.fail(`${executablePath} is missing: CI must install Debian's \`chromium\`, or the browser suite is skipped`)
  })
})

describe.skipIf(!hasChromium)(
  hasChromium ? 'HTML pages in headless Chromium' : `HTML pages in headless Chromium: skipped, ${executablePath} not found (apt-get install chromium)`,
  () => {
    let browser: Browser
    let context: BrowserContext
    let site: string
    let attackSite: string
    let attackIds: string[]
    let attackCount: number
    let briefs: string[]

    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
      })
      // Highlights are checked as computed colours: no transition in between.
      context = await browser.newContext({viewport: desktop, reducedMotion: 'reduce'})
      const corpus = await copyCorpus()
      site = await tempDir('site')
      expect(await buildBriefs({corpus, out: site})).toMatchObject({failed: false, missing: 0, briefs: 4})
      briefs = (await articleIds(corpus)).flatMap((id) => viewNames().map((view) => `${id}/${view}.html`))

      // A corpus copy with the hostile fixture and articles made of attack strings, in French, translations and front matter.
      const attackCorpus = await copyCorpus('hostile-text')
      const attack = await writeAttackCorpus(attackCorpus)
      attackIds = [hostile, ...attack.ids]
      attackCount = attack.strings.length
      attackSite = await tempDir('site')
      const result = await buildBriefs({corpus: attackCorpus, out: attackSite})
      // Inline HTML in the French is reported (a warning: its tags are shown in neither brief); nothing else.
      expect(result.files.flatMap((file) => file.messages.filter((message) => message.ruleId !== 'inline-html').map(String))).toEqual([])
      expect(attack.refusedInFrench.length).toBeLessThan(attack.strings.length / 10)
      expect(result).toMatchObject({failed: false, missing: 0, articles: 3 + attack.ids.length})
      await fs.mkdir(testOutputDir, {recursive: true})
    }, 120_000)

    afterAll(async () => {
      await browser?.close()
      await removeTempDirs()
    })

    /** What the page did since the last `open`. */
    const seen = {requests: [] as string[], errors: [] as string[], dialogs: [] as string[]}
    let page: Page

    /** Open a file like a reader would, recording every request, console error (CSP violations included), page error and dialog. */
    async function open(file: string, options: {viewport?: {width: number; height: number}; media?: 'screen' | 'print'; colorScheme?: 'light' | 'dark'; hash?: string} = {}) {
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
      await page.setViewportSize(options.viewport ?? desktop)
      await page.emulateMedia({media: options.media ?? 'screen', colorScheme: options.colorScheme ?? 'light'})
      for (const list of Object.values(seen)) list.length = 0
      const url = pathToFileURL(file).href
      // A fresh document every time: going to the same page with another fragment would only scroll.
      if (page.url().split('#')[0] === url) {
        await page.goto('about:blank')
        seen.requests.length = 0
      }
      await page.goto(`${url}${options.hash ? `#${options.hash}` : ''}`, {waitUntil: 'load'})
      return {page, url, ...seen}
    }

    /** The ids of the sentence spans that show a highlight (any background), as the reader sees them. */
    function highlighted(target: Page): Promise<string[]> {
      return target.evaluate(`[...document.querySelectorAll('[data-segment]')]
        .filter((span) => getComputedStyle(span).backgroundColor !== 'rgba(0, 0, 0, 0)')
        .map((span) => span.id)`)
    }

    async function overflow(target: Page): Promise<{scroll: number; inner: number}> {
      return target.evaluate('({scroll: document.scrollingElement.scrollWidth, inner: document.documentElement.clientWidth})')
    }

    describe('every page', () => {
      it('loads with no request but the page itself, no console error (no CSP violation) and no dialog', async () => {
        for (const name of [...briefs, ...indexes]) {
          const visit = await open(path.join(site, name))
          await visit.page.waitForTimeout(50)
          expect(visit.requests, name).toEqual([visit.url])
          expect(visit.errors, name).toEqual([])
          expect(visit.dialogs, name).toEqual([])
        }
      })

      it('fits without horizontal scrolling at 1280 px, at 375 and 360 px and printed on A4, hostile text included', async () => {
        const pages = [...briefs.map((name) => path.join(site, name)), ...indexes.map((name) => path.join(site, name))]
        const hostilePages = [...attackIds.slice(0, 3).flatMap((id) => viewNames().map((view) => path.join(attackSite, id, `${view}.html`))), path.join(attackSite, 'index.ru.html')]
        for (const file of [...pages, ...hostilePages]) {
          for (const [label, options] of [
            ['1280 px', {viewport: desktop}],
            ['375 px', {viewport: phone}],
            ['360 px', {viewport: {width: 360, height: 740}}],
            ['print', {viewport: {width: printWidth, height: 1123}, media: 'print'}]
          ] as const) {
            const visit = await open(file, options)
            const {scroll, inner} = await overflow(visit.page)
            expect(scroll, `${path.relative(path.dirname(path.dirname(file)), file)} ${label}`).toBeLessThanOrEqual(inner)
          }
        }
      }, 180_000)
    })

    describe('the layout', () => {
      it('aligns each French block with its translations on a desktop, row by row (within 2 px)', async () => {
        for (const name of briefs) {
          const visit = await open(path.join(site, name))
          const rows = await visit.page.evaluate<Array<{id: string; tops: number[]; lefts: number[]; lang: string[]}>>(`
            [...document.querySelectorAll('section.row')].map((row) => {
              const cells = [...row.children]
              return {
                id: row.id,
                lang: cells.map((cell) => cell.lang),
                tops: cells.map((cell) => cell.getBoundingClientRect().top),
                lefts: cells.map((cell) => cell.getBoundingClientRect().left)
              }
            })`)
          expect(rows.length, name).toBeGreaterThan(0)
          const expected = ['fr', ...name.match(/fr-([a-z-]+)\.html$/)![1]!.split('-')]
          for (const row of rows) {
            expect(row.lang, `${name} ${row.id}`).toEqual(expected)
            for (const top of row.tops) expect(Math.abs(top - row.tops[0]!), `${name} ${row.id}`).toBeLessThanOrEqual(2)
            // Side by side: each column starts right of the one before.
            for (let column = 1; column < row.lefts.length; column++) expect(row.lefts[column]!).toBeGreaterThan(row.lefts[column - 1]! + 200)
          }
        }
      })

      it('follows each French block directly with its translations on a phone, in one column', async () => {
        for (const name of briefs) {
          const visit = await open(path.join(site, name), {viewport: phone})
          const cells = await visit.page.evaluate<Array<{row: string; lang: string; top: number; bottom: number; left: number}>>(`
            [...document.querySelectorAll('section.row > div')].map((cell) => {
              const box = cell.getBoundingClientRect()
              return {row: cell.parentElement.id, lang: cell.lang, top: box.top, bottom: box.bottom, left: box.left}
            })`)
          for (let index = 1; index < cells.length; index++) {
            const [before, after] = [cells[index - 1]!, cells[index]!]
            expect(after.top, `${name} ${after.row} ${after.lang}`).toBeGreaterThanOrEqual(before.bottom - 1)
            expect(after.top - before.bottom, `${name} ${after.row} ${after.lang}`).toBeLessThan(48)
            expect(after.left).toBeGreaterThanOrEqual(cells[0]!.left - 1)
          }
        }
      })
    })

    describe('translation units and more languages', () => {
      let unitSite: string

      beforeAll(async () => {
        // The English translates two French sentences as one unit; German is a fourth column, partly translated.
        const corpus = await copyCorpus()
        const en = await readResource(corpus, 'en', georgia)
        await writeResource(corpus, 'en', georgia, Object.fromEntries(Object.entries(en).flatMap(([key, value]): Array<[string, string]> => (key === 's-54420e' ? [['s-54420e+s-8db492', `${value} ${en['s-8db492']}`]] : key === 's-8db492' ? [] : [[key, value]]))))
        await fs.writeFile(path.join(corpus, 'briefs.config.json'), `${JSON.stringify({languages: ['en', 'ru', 'de']}, null, 2)}\n`)
        await fs.mkdir(path.join(corpus, 'locales/de'))
        await fs.writeFile(path.join(corpus, 'locales/de', `${georgia}.json`), `${JSON.stringify({title: 'Georgien und Kasachstan erleben einen Zustrom von Russen', 's-315253': 'Georgien und Kasachstan, zwei Nachbarländer Russlands, sehen immer mehr russische Staatsbürger an ihren Grenzen ankommen.'}, null, 2)}\n`)
        unitSite = await tempDir('site')
        expect(await buildBriefs({corpus, out: unitSite})).toMatchObject({failed: false, briefs: 6})
      }, 60_000)

      it('lights up a unit with each French sentence it translates, and both sentences with the unit', async () => {
        const visit = await open(path.join(unitSite, georgia, 'fr-en.html'))
        await visit.page.hover('[id="s-8db492"]')
        expect(await highlighted(visit.page)).toEqual(['s-8db492', 'en-s-54420e'])
        await visit.page.hover('[id="en-s-54420e"]')
        expect(await highlighted(visit.page)).toEqual(['s-54420e', 's-8db492', 'en-s-54420e'])
        await visit.page.focus('[id="s-54420e"]')
        await visit.page.mouse.move(0, 0)
        expect(await highlighted(visit.page)).toEqual(['s-54420e', 'en-s-54420e'])
        expect(visit.errors).toEqual([])
      })

      it('sets four columns side by side on a wide screen, the translations two by two below 84rem, one column on a phone', async () => {
        const file = path.join(unitSite, georgia, 'fr-en-ru-de.html')
        const lefts = async (viewport: {width: number; height: number}) => {
          const visit = await open(file, {viewport})
          expect((await overflow(visit.page)).scroll).toBeLessThanOrEqual((await overflow(visit.page)).inner)
          return visit.page.evaluate<number[][]>(`[...document.querySelectorAll('section.row')].map((row) => [...row.children].map((cell) => Math.round(cell.getBoundingClientRect().left)))`)
        }
        for (const row of await lefts({width: 1440, height: 900})) expect(new Set(row).size).toBe(4)
        for (const row of await lefts(desktop)) expect(new Set(row).size).toBe(2)
        for (const row of await lefts(phone)) expect(new Set(row).size).toBe(1)
      })
    })

    describe('sentence linking', () => {
      const sentence = 's-d9457a'

      it('reaches sentences with the keyboard, and focusing one highlights exactly its counterparts', async () => {
        for (const [view, expected] of [
          ['fr-en', [sentence, `en-${sentence}`]],
          ['fr-ru', [sentence, `ru-${sentence}`]],
          ['fr-en-ru', [sentence, `en-${sentence}`, `ru-${sentence}`]]
        ] as const) {
          const visit = await open(path.join(site, georgia, `${view}.html`))
          expect(await highlighted(visit.page)).toEqual([])
          // Tab from the top of the page: past the skip link, the site's name and the versions, the first sentence.
          let active = ''
          for (let presses = 0; presses < 8 && !active.startsWith('s-'); presses++) {
            await visit.page.keyboard.press('Tab')
            active = await visit.page.evaluate('document.activeElement.id')
          }
          const first = await visit.page.evaluate<string>(`document.querySelector('.source [data-segment]').id`)
          expect(active, view).toBe(first)
          await visit.page.focus(`[id="${sentence}"]`)
          expect(await highlighted(visit.page), view).toEqual(expected)
          // From the translation side too.
          await visit.page.focus(`[id="${expected[1]}"]`)
          expect(await highlighted(visit.page), view).toEqual(expected)
          await visit.page.evaluate('document.activeElement.blur()')
          expect(await highlighted(visit.page), view).toEqual([])
        }
      })

      it('highlights the counterparts of a hovered sentence', async () => {
        const visit = await open(path.join(site, georgia, 'fr-en-ru.html'))
        await visit.page.hover(`[id="ru-${sentence}"]`)
        expect(await highlighted(visit.page)).toEqual([sentence, `en-${sentence}`, `ru-${sentence}`])
      })

      it('highlights a sentence and its counterparts when the address names it, on load and on change', async () => {
        for (const [view, hash, expected] of [
          ['fr-en', sentence, [sentence, `en-${sentence}`]],
          ['fr-en-ru', sentence, [sentence, `en-${sentence}`, `ru-${sentence}`]],
          ['fr-ru', `ru-${sentence}`, [sentence, `ru-${sentence}`]]
        ] as const) {
          const visit = await open(path.join(site, georgia, `${view}.html`), {hash})
          expect(await highlighted(visit.page), `${view}#${hash}`).toEqual(expected)
          expect(await visit.page.evaluate(`[...document.querySelectorAll('.is-target')].map((span) => span.id)`)).toEqual(expected)
          expect(visit.errors).toEqual([])
        }
        const visit = await open(path.join(site, georgia, 'fr-en.html'), {hash: sentence})
        await visit.page.evaluate(`location.hash = 's-53b3eb'`)
        await visit.page.waitForFunction(`document.querySelector('.is-target')?.id === 's-53b3eb'`)
        expect(await highlighted(visit.page)).toEqual(['s-53b3eb', 'en-s-53b3eb'])
      })

      it('reads the same without script: all text there, and the linked sentence still marked', async () => {
        const noScript = await browser.newContext({viewport: desktop, javaScriptEnabled: false, reducedMotion: 'reduce'})
        const reader = await noScript.newPage()
        await reader.goto(`${pathToFileURL(path.join(site, georgia, 'fr-en.html')).href}#${sentence}`)
        expect(await highlighted(reader)).toEqual([sentence])
        const withScript = await open(path.join(site, georgia, 'fr-en.html'))
        const text = (target: Page) => target.evaluate<string>('document.querySelector("main").innerText')
        expect(await text(reader)).toBe(await text(withScript.page))
        await noScript.close()
      })
    })

    describe('accessibility (axe-core)', () => {
      it('finds no violation on a bilingual brief, the multilingual one and the indexes, in light and dark mode', async () => {
        // The pages' CSP blocks any script but their own: axe is injected in a context that bypasses it.
        const audit = await browser.newContext({viewport: desktop, bypassCSP: true, reducedMotion: 'reduce'})
        const auditPage = await audit.newPage()
        const report: string[] = []
        for (const name of [`${georgia}/fr-en.html`, `${georgia}/fr-ru.html`, `${georgia}/fr-en-ru.html`, ...indexes]) {
          for (const colorScheme of ['light', 'dark'] as const) {
            await auditPage.emulateMedia({colorScheme})
            await auditPage.goto(pathToFileURL(path.join(site, name)).href)
            await auditPage.addScriptTag({content: axe.source})
            const results = await auditPage.evaluate<{violations: Array<{id: string; nodes: Array<{target: string[]}>}>; passes: Array<{id: string}>}>(
              `axe.run(document, {resultTypes: ['violations']})`
            )
            report.push(`${name} (${colorScheme}): ${results.violations.length} violations, ${results.passes.length} rules passed (${results.passes.map((rule) => rule.id).join(', ')})`)
            if (!name.startsWith('index')) {
              // The highlight colours too: a sentence focused, its counterparts linked, another one targeted.
              await auditPage.evaluate(`location.hash = 's-53b3eb'; document.querySelector('.source [data-segment]').focus()`)
              const highlighted = await auditPage.evaluate<{violations: Array<{id: string; nodes: Array<{target: string[]}>}>}>(`axe.run(document, {runOnly: ['color-contrast']})`)
              report.push(`${name} (${colorScheme}, sentences highlighted): ${highlighted.violations.length} color-contrast violations`)
              expect(highlighted.violations.map((violation) => violation.nodes.map((node) => node.target.join(' ')).join(', ')), `${name} ${colorScheme} highlighted`).toEqual([])
            }
            // axe did run: the rules that matter here were checked, not skipped.
            expect(results.passes.map((rule) => rule.id)).toEqual(expect.arrayContaining(['color-contrast', 'html-has-lang', 'valid-lang', 'document-title', 'landmark-one-main', 'region', 'aria-valid-attr-value']))
            expect(
              results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
              `${name} ${colorScheme}`
            ).toEqual([])
          }
        }
        await fs.writeFile(path.join(testOutputDir, 'axe-report.txt'), `${report.join('\n')}\n`)
        await audit.close()
      }, 120_000)
    })

    describe('untrusted text', () => {
      it('runs none of the attack strings: no dialog, no new global, no request, no element, handler or script URL from the corpus', async () => {
        expect(attackCount).toBeGreaterThanOrEqual(30)
        // What a page of ours defines on `window`: anything more on an attack page was set by the attack.
        const baseline = new Set(await (await open(path.join(site, georgia, 'fr-en.html'))).page.evaluate<string[]>('Object.getOwnPropertyNames(window)'))
        const pages = [...attackIds.flatMap((id) => viewNames().map((view) => `${id}/${view}.html`)), ...indexes]
        for (const name of pages) {
          const visit = await open(path.join(attackSite, name))
          // Give handlers their chance: focus moves, the pointer crosses the page.
          for (let presses = 0; presses < 8; presses++) await visit.page.keyboard.press('Tab')
          await visit.page.mouse.move(0, 0)
          await visit.page.mouse.move(desktop.width - 1, desktop.height - 1, {steps: 8})
          await visit.page.waitForTimeout(50)
          expect(visit.dialogs, name).toEqual([])
          expect(visit.requests, name).toEqual([visit.url])
          expect(visit.errors, name).toEqual([])
          const globals = await visit.page.evaluate<string[]>('Object.getOwnPropertyNames(window)')
          expect(globals.filter((global) => !baseline.has(global)), name).toEqual([])
          expect(await visit.page.evaluate('performance.getEntriesByType("resource").length'), name).toBe(0)
          const found = await visit.page.evaluate<string[]>(`[
            ...[...document.querySelectorAll('img, svg, math, iframe, object, embed, form, input, button, video, audio, source, link:not([rel="alternate"]), base, meta[http-equiv="refresh"], template, noscript, style:not(head > style:first-of-type)')].map((element) => element.localName),
            ...[...document.querySelectorAll('script')].slice(name.startsWith('index') ? 0 : 1).map(() => 'script'),
            ...[...document.querySelectorAll('*')].flatMap((element) => element.getAttributeNames().filter((attribute) => /^on|^style$|^srcdoc$|^formaction$/i.test(attribute))),
            ...[...document.querySelectorAll('[href]')].map((element) => element.getAttribute('href')).filter((href) => /^\\s*(?:javascript|vbscript|data):/i.test(href))
          ]`)
          expect(found, name).toEqual([])
        }
      }, 300_000)

      it('runs none of the attack strings from the Markdown briefs either, rendered by a plain CommonMark renderer that lets raw HTML and any URL through, without CSP', async () => {
        // micromark with GFM and every safety off: what a renderer without sanitizer (not GitHub's) makes of the briefs.
        const pages = await tempDir('markdown-pages')
        const names = [...attackIds.flatMap((id) => viewNames().map((view) => `${id}/${view}.md`)), 'index.md']
        const baseline = new Set(await (await open(path.join(site, georgia, 'fr-en.html'))).page.evaluate<string[]>('Object.getOwnPropertyNames(window)'))
        for (const name of names) {
          const markdown = await fs.readFile(path.join(attackSite, name), 'utf8')
          const html = micromark(markdown, {allowDangerousHtml: true, allowDangerousProtocol: true, extensions: [gfm()], htmlExtensions: [gfmHtml()]})
          const file = path.join(pages, `${name.replaceAll('/', '--')}.html`)
          await fs.writeFile(file, `<!doctype html>\n<html lang="fr"><head><meta charset="utf-8"><title>${name}</title></head><body>\n${html}</body></html>\n`)
          const visit = await open(file)
          for (let presses = 0; presses < 8; presses++) await visit.page.keyboard.press('Tab')
          await visit.page.mouse.move(0, 0)
          await visit.page.mouse.move(desktop.width - 1, desktop.height - 1, {steps: 8})
          // Links too: a `javascript:` URL would run on a click.
          await visit.page.evaluate(`for (const link of document.querySelectorAll('a[href]')) link.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}))`)
          await visit.page.waitForTimeout(50)
          expect(visit.dialogs, name).toEqual([])
          expect(visit.requests, name).toEqual([visit.url])
          const globals = await visit.page.evaluate<string[]>('Object.getOwnPropertyNames(window)')
          expect(globals.filter((global) => !baseline.has(global)), name).toEqual([])
          expect(await visit.page.evaluate('performance.getEntriesByType("resource").length'), name).toBe(0)
          const found = await visit.page.evaluate<string[]>(`[
            ...[...document.querySelectorAll('img, svg, math, iframe, object, embed, form, input, button, video, audio, source, link, base, meta[http-equiv], template, noscript, style, script')].map((element) => element.localName),
            ...[...document.querySelectorAll('*')].flatMap((element) => element.getAttributeNames().filter((attribute) => /^on|^style$|^srcdoc$|^formaction$/i.test(attribute))),
            ...[...document.querySelectorAll('[href], [src]')].map((element) => element.getAttribute('href') ?? element.getAttribute('src')).filter((url) => /^\\s*(?:javascript|vbscript|data):/i.test(url))
          ]`)
          expect(found, name).toEqual([])
          // The only raw HTML a Markdown brief holds is ours: \`<br>\` for a line break in a cell.
          expect(await visit.page.evaluate(`[...new Set([...document.body.querySelectorAll('*')].map((element) => element.localName))].sort()`), name).toEqual(
            expect.arrayContaining(['table'])
          )
          expect(
            (await visit.page.evaluate<string[]>(`[...new Set([...document.body.querySelectorAll('*')].map((element) => element.localName))]`)).filter(
              (tag) => !['h1', 'p', 'strong', 'em', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'code', 'br', 'del', 'sup', 'blockquote', 'ol', 'pre', 'hr', 'h2', 'h3'].includes(tag)
            ),
            name
          ).toEqual([])
        }
      }, 300_000)

      it('would catch the attack strings: written as HTML into a page without CSP, they do fire in this browser', async () => {
        const {cheatSheet, naughty} = await attackStrings()
        const canary = await context.newPage()
        const dialogs: string[] = []
        const requests: string[] = []
        canary.on('dialog', (dialog) => {
          dialogs.push(dialog.message())
          void dialog.dismiss()
        })
        canary.on('request', (request) => void requests.push(request.url()))
        await canary.setContent([...cheatSheet, ...naughty].map((value) => `<p>${value}</p>`).join('\n'))
        await canary.mouse.move(0, 0)
        await canary.mouse.move(desktop.width - 1, desktop.height - 1, {steps: 8})
        await canary.waitForTimeout(500)
        expect(await canary.evaluate('typeof window.__xss')).toBe('string')
        await fs.writeFile(path.join(testOutputDir, 'canary.txt'), `unsanitized attack strings: ${dialogs.length} dialogs, window.__xss = ${await canary.evaluate('window.__xss')}, ${requests.length} requests\n`)
        expect(dialogs.length).toBeGreaterThanOrEqual(5)
        expect(requests.filter((url) => url.includes('attacker.invalid')).length).toBeGreaterThan(0)
        await canary.close()
      })
    })

    describe('an article with structure (fixture `structure`)', () => {
      it('fits at 360 and 375 px, and axe finds no violation in light and dark mode', async () => {
        const corpus = await copyCorpus('structure')
        const out = await tempDir('site')
        expect(await buildBriefs({corpus, out})).toMatchObject({failed: false, missing: 0})
        const pages = ['2022-12-structure-d-un-article/fr-en.html', '2022-12-structure-d-un-article/fr-en-ru.html']
        for (const name of pages) {
          for (const width of [360, 375, 1280]) {
            const {page} = await open(path.join(out, name), {viewport: {width, height: 812}})
            const {scroll, inner} = await overflow(page)
            expect(scroll, `${name} at ${width} px`).toBeLessThanOrEqual(inner)
            if (width === 375) await page.screenshot({path: path.join(testOutputDir, `structure-${name.split('/')[1]!.replace('.html', '')}-375.png`), fullPage: true})
          }
        }
        const audit = await browser.newContext({viewport: desktop, bypassCSP: true, reducedMotion: 'reduce'})
        const auditPage = await audit.newPage()
        for (const name of pages) {
          for (const colorScheme of ['light', 'dark'] as const) {
            await auditPage.emulateMedia({colorScheme})
            await auditPage.goto(pathToFileURL(path.join(out, name)).href)
            await auditPage.addScriptTag({content: axe.source})
            const results = await auditPage.evaluate<{violations: Array<{id: string; nodes: Array<{target: string[]}>}>; passes: Array<{id: string}>}>(`axe.run(document, {resultTypes: ['violations']})`)
            expect(results.passes.map((rule) => rule.id)).toEqual(expect.arrayContaining(['color-contrast', 'list', 'listitem', 'td-headers-attr']))
            expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), `${name} ${colorScheme}`).toEqual([])
          }
        }
        await audit.close()
      }, 120_000)
    })

    describe('French typography', () => {
      /** Pairs that must share a line in the French (`x »`, `x ?`, `« x`…), and those that do not, as the reader sees them. */
      const breaks = `(() => {
        let checked = 0
        const broken = []
        for (const root of document.querySelectorAll('main [lang="fr"]')) {
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
          for (let node; (node = walker.nextNode()); ) {
            if (node.parentElement.closest('code, pre')) continue
            const text = node.data
            const rect = (index) => {
              const range = document.createRange()
              range.setStart(node, index)
              range.setEnd(node, index + 1)
              return range.getClientRects()[0]
            }
            for (let index = 0; index < text.length; index++) {
              let pair
              if ('»;:!?'.includes(text[index]) && index >= 2 && /[ \\u00a0\\u202f]/.test(text[index - 1]) && text[index - 2].trim()) pair = [index - 2, index]
              else if (text[index] === '«' && /[ \\u00a0\\u202f]/.test(text[index + 1] ?? '') && (text[index + 2] ?? '').trim()) pair = [index, index + 2]
              if (!pair) continue
              checked++
              const [first, second] = pair.map(rect)
              if (first && second && Math.abs(first.top - second.top) > 2) broken.push(text.slice(Math.max(0, pair[0] - 12), pair[1] + 12))
            }
          }
        }
        return {checked, broken}
      })()`

      it('never breaks a line inside « » or before ; : ! ? in the French at 375 and 360 px (and would, with ordinary spaces)', async () => {
        const corpus = await copyCorpus()
        await writeArticle(corpus)
        const out = await tempDir('site')
        expect(await buildBriefs({corpus, out, languages: ['en']})).toMatchObject({failed: false})
        let shown = 0
        for (const width of [375, 360]) {
          for (const file of ['2022-12-typographie/fr-en.html', `${georgia}/fr-en.html`, '2022-10-plus-de-200-000-citoyens-russes-ont-ete/fr-en.html']) {
            const {page} = await open(path.join(out, file), {viewport: {width, height: 812}})
            const result = await page.evaluate<{checked: number; broken: string[]}>(breaks)
            expect(result.broken, `${file} at ${width} px`).toEqual([])
            shown += result.checked
          }
          // The same text with ordinary spaces does break there: the check sees it.
          const {page} = await open(path.join(out, '2022-12-typographie/fr-en.html'), {viewport: {width, height: 812}})
          await page.evaluate(`for (const root of document.querySelectorAll('main [lang="fr"]')) {
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
            for (let node; (node = walker.nextNode()); ) node.data = node.data.replace(/[\\u00a0\\u202f]/g, ' ')
          }`)
          expect((await page.evaluate<{checked: number; broken: string[]}>(breaks)).broken.length, `ordinary spaces at ${width} px`).toBeGreaterThan(0)
        }
        expect(shown).toBeGreaterThan(100)
        const {page: shot} = await open(path.join(out, '2022-12-typographie/fr-en.html'), {viewport: phone})
        await shot.screenshot({path: path.join(testOutputDir, 'french-typography-375.png'), fullPage: true})
      }, 120_000)
    })

    describe('screenshots in test-output/', () => {
      async function shoot(file: string, name: string, options: Parameters<typeof open>[1] = {}, fullPage = true): Promise<void> {
        const visit = await open(file, options)
        const out = path.join(testOutputDir, name)
        await visit.page.screenshot({path: out, fullPage})
        const png = await fs.readFile(out)
        expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
        expect(png.readUInt32BE(16), name).toBe((options.viewport ?? desktop).width)
      }

      it('of a brief at 1280 px, at 375 px, in dark mode, and the multilingual one', async () => {
        await shoot(path.join(site, georgia, 'fr-en.html'), 'brief-fr-en-1280.png')
        await shoot(path.join(site, georgia, 'fr-ru.html'), 'brief-fr-ru-375.png', {viewport: phone})
        await shoot(path.join(site, georgia, 'fr-en.html'), 'brief-fr-en-dark-1280.png', {colorScheme: 'dark'}, false)
        await shoot(path.join(site, georgia, 'fr-en-ru.html'), 'brief-fr-en-ru-1280.png')
        await shoot(path.join(site, georgia, 'fr-en-ru.html'), 'brief-fr-en-ru-375-dark.png', {viewport: phone, colorScheme: 'dark'}, false)
      })

      it('of the indexes and of a linked sentence', async () => {
        await shoot(path.join(site, 'index.en.html'), 'index-en-1280.png')
        await shoot(path.join(site, 'index.ru.html'), 'index-ru-375.png', {viewport: phone})
        await shoot(path.join(site, georgia, 'fr-en-ru.html'), 'brief-fr-en-ru-linked-sentence.png', {hash: 's-53b3eb'}, false)
        await shoot(path.join(attackSite, attackIds[1]!, 'fr-en.html'), 'attack-strings-fr-en-375.png', {viewport: phone}, false)
      })

      it('of print: the briefs as A4 PDFs, and the first page as PNG', async () => {
        for (const view of ['fr-en', 'fr-en-ru']) {
          const visit = await open(path.join(site, georgia, `${view}.html`), {media: 'print'})
          const pdf = await visit.page.pdf({path: path.join(testOutputDir, `brief-${view}-print.pdf`), preferCSSPageSize: true, printBackground: true})
          expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
          // A4 is 595.28 × 841.89 points; Chromium rounds the page to whole pixels.
          const [, width, height] = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1')) ?? []
          expect(Number(width)).toBeCloseTo(595.28, 0)
          expect(Number(height)).toBeCloseTo(841.89, 0)
        }
        await shoot(path.join(site, georgia, 'fr-en-ru.html'), 'brief-fr-en-ru-print.png', {viewport: {width: printWidth, height: 1123}, media: 'print'}, false)
      })
    })
  }
)
