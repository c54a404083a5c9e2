import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {describe, expect, it} from 'vitest'
import {briefs, workspace} from './helpers.js'

const georgia = '2022-09-la-georgie-et-le-kazakhstan-deux-pays'
const mobilisation = '2022-10-plus-de-200-000-citoyens-russes-ont-ete'
const run = promisify(execFile)
const git = (cwd: string, ...args: string[]) =>
  run('git', args, {cwd, env: {...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1'}})

/** Two French sentences of one paragraph (`s-54420e`, `s-8db492`), translated into English as one sentence. */
const mergedKey = 's-54420e+s-8db492'
const merged =
  'Arrivals of Russians in Georgia nearly doubled after the announcement, to close to 10,000 a day, the Interior Ministry of the Caucasus country said: “The number has increased to some 10,000 a day. For example, there were 11,200 on Sunday and fewer than 10,000 on Monday,” compared with “5,000 to 6,000” just before the mobilization was announced in Russia on September 21.'
/** One French sentence (`s-7bfe9a`) translated into Russian as two. */
const split =
  'Хотя Путин устно заявил, что призваны будут лишь 300 000 мужчин, уже имеющих военный опыт. Однако в тексте его указа о мобилизации не было ни конкретной цифры, ни уточнения о том, что призывать можно только тех, у кого есть военный опыт.'

async function editJson(file: string, edit: (entries: Array<[string, string]>) => Array<[string, string]>) {
  const entries = Object.entries(JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, string>)
  await fs.writeFile(file, `${JSON.stringify(Object.fromEntries(edit(entries)), null, 2)}\n`)
}

/** The shipped corpus in a git repository, with the English unit over two sentences and the Russian split, committed on a branch. */
async function corpusWithUnits(): Promise<string> {
  const cwd = await workspace()
  await git(cwd, 'init', '--quiet', '--initial-branch=main')
  await git(cwd, 'add', '-A')
  await git(cwd, 'commit', '--quiet', '-m', 'Corpus')
  await git(cwd, 'checkout', '--quiet', '-b', 'units')
  await editJson(path.join(cwd, 'corpus/locales/en', `${georgia}.json`), (entries) =>
    entries.flatMap(([key, value]): Array<[string, string]> => (key === 's-54420e' ? [[mergedKey, merged]] : key === 's-8db492' ? [] : [[key, value]]))
  )
  await editJson(path.join(cwd, 'corpus/locales/ru', `${mobilisation}.json`), (entries) => entries.map(([key, value]) => [key, key === 's-7bfe9a' ? split : value]))
  await git(cwd, 'commit', '--quiet', '-am', 'Units')
  return cwd
}

interface StatusRow {
  article: string
  lang: string
  counts: Record<string, number>
  total: number
  segments?: Array<{id: string; segments?: string[]; state: string; stale?: string}>
}

async function status(cwd: string, ...args: string[]): Promise<StatusRow[]> {
  const result = await briefs(cwd, 'status', '--json', '--verbose', ...args)
  return JSON.parse(result.stdout) as StatusRow[]
}

describe('a translation unit over two French sentences, and one French sentence translated as two', () => {
  it('is checked, counted, built, reported and approved as one unit', async () => {
    const cwd = await corpusWithUnits()

    // The checks read the unit against both French sentences: every number and name of both is there.
    const check = await briefs(cwd, 'check', '--format', 'json')
    expect(JSON.parse(check.stdout).filter((row: {severity: string}) => row.severity === 'error')).toEqual([])
    expect(check.code).toBe(0)

    // Status counts both sentences of the unit: a new unit is a draft; the Russian split changed its translation.
    const [en] = await status(cwd, '--article', georgia, '--lang', 'en')
    expect(en!.counts).toEqual({missing: 0, draft: 2, reviewed: 17, stale: 0})
    expect(en!.segments).toEqual([expect.objectContaining({id: mergedKey, segments: ['s-54420e', 's-8db492'], state: 'draft'})])
    const [ru] = await status(cwd, '--article', mobilisation, '--lang', 'ru')
    expect(ru!.segments).toEqual([expect.objectContaining({id: 's-7bfe9a', state: 'stale', stale: 'target'})])

    // The briefs show each translation once, beside the right French.
    const out = path.join(cwd, 'site')
    expect((await briefs(cwd, 'build', '--no-cache')).code).toBe(0)
    const html = await fs.readFile(path.join(out, georgia, 'fr-en.html'), 'utf8')
    expect(html.split('nearly doubled after the announcement')).toHaveLength(2)
    const row = /<section class="row" id="([^"]+)">(.*?)<\/section>/gs
    const rows = [...html.matchAll(row)].map((match) => match[2]!)
    const unitRow = rows.find((content) => content.includes('nearly doubled after the announcement'))!
    expect(unitRow).toContain('id="s-54420e"')
    expect(unitRow).toContain('id="s-8db492"')
    expect(unitRow).toMatch(/<span data-segment="s-54420e s-8db492" data-state="draft" class="draft" id="en-s-54420e" tabindex="0" aria-describedby="s-54420e s-8db492">/)
    expect(unitRow).toMatch(/<span data-segment="s-8db492" id="s-8db492" tabindex="0" aria-describedby="en-s-54420e">/)
    const markdown = await fs.readFile(path.join(out, georgia, 'fr-en.md'), 'utf8')
    expect(markdown.split('nearly doubled after the announcement')).toHaveLength(2)
    const ruHtml = await fs.readFile(path.join(out, mobilisation, 'fr-ru.html'), 'utf8')
    expect(ruHtml).toContain('военный опыт. Однако в тексте')
    expect(ruHtml.split('военный опыт. Однако в тексте')).toHaveLength(2)

    // Approving either sentence approves the unit as a whole.
    const approve = await briefs(cwd, 'review', 'approve', '--article', georgia, '--lang', 'en', '--segment', 's-8db492', '--reviewer', 'Ana', '--date', '2026-11-30')
    expect(approve).toMatchObject({code: 0, stdout: `corpus/reviews/en/${georgia}.json: approved 2 segments as Ana\n`})
    const ledger = JSON.parse(await fs.readFile(path.join(cwd, 'corpus/reviews/en', `${georgia}.json`), 'utf8')) as Record<string, {text: string}>
    expect(ledger[mergedKey]!.text).toMatch(/^Les arrivées de Russes en Géorgie .* a indiqué le ministère\.$/)
    expect((await status(cwd, '--article', georgia, '--lang', 'en'))[0]!.counts).toEqual({missing: 0, draft: 0, reviewed: 19, stale: 0})
    await git(cwd, 'commit', '--quiet', '-am', 'Approve the unit')

    // Editing one of its two French sentences makes the unit stale, in status and in the review report.
    const article = path.join(cwd, 'corpus/articles', `${georgia}.md`)
    await fs.writeFile(article, (await fs.readFile(article, 'utf8')).replace('ont presque doublé', 'ont quasiment doublé'))
    expect((await briefs(cwd, 'sync')).code).toBe(0)
    expect((await status(cwd, '--article', georgia, '--lang', 'en'))[0]!.segments).toEqual([expect.objectContaining({id: mergedKey, state: 'stale', stale: 'source'})])
    await git(cwd, 'commit', '--quiet', '-am', 'Edit the French')
    const report = await briefs(cwd, 'review-report', '--base', 'HEAD~1')
    const reportRows = report.stdout.split('\n').filter((line) => line.startsWith('| `'))
    expect(reportRows.map((line) => line.split(' | ')[0])).toEqual([`| \`${mergedKey}\``, '| `s-54420e`'])
    expect(reportRows[0]).toContain('~~presque~~**quasiment**')
    expect(reportRows[0]).toContain('reviewed → stale (French changed)')

    // Approving it again makes it reviewed.
    expect((await briefs(cwd, 'review', 'approve', '--article', georgia, '--lang', 'en', '--segment', mergedKey, '--reviewer', 'Ana')).code).toBe(0)
    expect((await status(cwd, '--article', georgia, '--lang', 'en'))[0]!.counts.reviewed).toBe(19)
  })

  it('reports, when syncing, a unit whose sentence was deleted, and keeps its translation on the other', async () => {
    const cwd = await corpusWithUnits()
    const article = path.join(cwd, 'corpus/articles', `${georgia}.md`)
    const text = await fs.readFile(article, 'utf8')
    const second = /"Le nombre a augmenté[^\n]*?a indiqué le ministère\./.exec(text)![0]
    await fs.writeFile(article, text.replace(` ${second}`, ''))
    const sync = await briefs(cwd, 'sync')
    expect(sync.code).toBe(0)
    expect(sync.stdout).toContain(`corpus/locales/en/${georgia}.json: unit \`${mergedKey}\` lost \`s-8db492\` (deleted from the French)`)
    const check = await briefs(cwd, 'check', '--format', 'json', '--article', georgia, '--lang', 'en')
    expect(JSON.parse(check.stdout)).toContainEqual(expect.objectContaining({ruleId: 'unit-segments', segment: mergedKey, severity: 'error'}))
    expect((await status(cwd, '--article', georgia, '--lang', 'en'))[0]!.segments).toEqual([expect.objectContaining({id: mergedKey, state: 'draft'})])
  })
})
