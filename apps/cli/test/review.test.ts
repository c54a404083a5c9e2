import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {afterEach, describe, expect, it} from 'vitest'
import {briefs, snapshot, workspace} from './helpers.js'

const georgia = '2022-09-la-georgie-et-le-kazakhstan-deux-pays'
const run = promisify(execFile)
const git = (cwd: string, ...args: string[]) =>
  run('git', args, {cwd, env: {...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1'}})

async function editFrench(cwd: string) {
  const file = path.join(cwd, 'corpus/articles', `${georgia}.md`)
  await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('98.000 citoyens Russes', '99.000 citoyens russes'))
}

describe('briefs status', () => {
  it('reports the shipped corpus fully reviewed', async () => {
    const cwd = await workspace()
    const result = await briefs(cwd, 'status', '--json')
    expect(result.code).toBe(0)
    const rows = JSON.parse(result.stdout) as Array<{article: string; lang: string; counts: Record<string, number>; total: number; reviewed_share: number}>
    expect(rows).toHaveLength(4)
    for (const row of rows) {
      expect(row.counts).toEqual({missing: 0, draft: 0, reviewed: row.total, stale: 0})
      expect(row.reviewed_share).toBe(1)
    }
  })

  it('shows a stale segment with the word diff of the French since approval', async () => {
    const cwd = await workspace()
    await editFrench(cwd)
    const result = await briefs(cwd, 'status', '--verbose', '--article', georgia, '--lang', 'ru')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(`${georgia}  ru    18/19     0      1      0        94%`)
    expect(result.stdout).toContain(
      "  s-802e70  stale (French changed): De son côté, le ministère de l'Intérieur du Kazakhstan, une ex-république soviétique d'Asie centrale, a indiqué que [-98.000-]{+99.000+} citoyens [-Russes-]{+russes+} étaient arrivés dans le pays depuis le 21 septembre.\n"
    )
    const json = JSON.parse((await briefs(cwd, 'status', '--json', '--verbose', '--article', georgia, '--lang', 'en')).stdout)
    expect(json[0].segments).toEqual([
      {
        id: 's-802e70',
        state: 'stale',
        stale: 'source',
        text: expect.stringContaining('99.000 citoyens russes'),
        approved_text: expect.stringContaining('98.000 citoyens Russes'),
        diff: expect.stringContaining('[-98.000-]{+99.000+}')
      }
    ])
  })

  it('says where a hand-edited ledger is wrong, and exits 1', async () => {
    const cwd = await workspace()
    const ledger = path.join(cwd, 'corpus/reviews/en', `${georgia}.json`)
    await fs.writeFile(ledger, (await fs.readFile(ledger, 'utf8')).replace('"source": "315253bca602a081"', '"source": "315253bca602a082"'))
    const result = await briefs(cwd, 'status', '--json')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(new RegExp(`corpus/reviews/en/${georgia}\\.json\\n\\s*10:15-10:33\\s+error\\s+Unexpected \`source\` fingerprint of \`s-315253\``))
    expect(JSON.parse(result.stdout)[0].counts).toEqual({missing: 0, draft: 1, reviewed: 18, stale: 0})
  })
})

describe('briefs review approve', () => {
  it('approves the stale segment again, touching nothing else', async () => {
    const cwd = await workspace()
    await editFrench(cwd)
    // The reviewer brings the Russian figure in line first: the checks stop an approval of a number mismatch.
    const resource = path.join(cwd, 'corpus/locales/ru', `${georgia}.json`)
    await fs.writeFile(resource, (await fs.readFile(resource, 'utf8')).replace('98\u00a0000', '99\u00a0000'))
    const ledger = path.join(cwd, 'corpus/reviews/ru', `${georgia}.json`)
    const before = JSON.parse(await fs.readFile(ledger, 'utf8'))
    const result = await briefs(cwd, 'review', 'approve', '--article', georgia, '--lang', 'ru', '--segment', 's-802e70', '--reviewer', 'Olga', '--date', '2026-11-22')
    expect(result).toMatchObject({code: 0, stdout: `corpus/reviews/ru/${georgia}.json: approved 1 segments as Olga\n`})
    const after = JSON.parse(await fs.readFile(ledger, 'utf8'))
    expect(Object.keys(after)).toEqual(Object.keys(before))
    for (const id of Object.keys(before)) {
      if (id === 's-802e70') expect(after[id]).toMatchObject({reviewer: 'Olga', date: '2026-11-22', text: expect.stringContaining('99.000 citoyens russes')})
      else expect(after[id]).toEqual(before[id])
    }
  })

  it('refuses a segment without translation, writing nothing', async () => {
    const cwd = await workspace()
    const resource = path.join(cwd, 'corpus/locales/en', `${georgia}.json`)
    const entries = JSON.parse(await fs.readFile(resource, 'utf8'))
    delete entries['s-4de67c']
    await fs.writeFile(resource, `${JSON.stringify(entries, null, 2)}\n`)
    const before = await snapshot(path.join(cwd, 'corpus'))
    const result = await briefs(cwd, 'review', 'approve', '--article', georgia, '--lang', 'en', '--reviewer', 'Ana')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Unexpected approval of `s-4de67c`, which has no `en` translation, expected a translated segment')
    expect(await snapshot(path.join(cwd, 'corpus'))).toEqual(before)
  })

  it('refuses a translation the checks report as an error, unless overridden with a reason the ledger keeps', async () => {
    const cwd = await workspace()
    await git(cwd, 'init', '--quiet', '--initial-branch=main')
    await git(cwd, 'add', '-A')
    await git(cwd, 'commit', '--quiet', '-m', 'Corpus')
    const resource = path.join(cwd, 'corpus/locales/ru', `${georgia}.json`)
    const entries = JSON.parse(await fs.readFile(resource, 'utf8'))
    entries['s-802e70'] = entries['s-802e70'].replace('98\u00a0000', '97\u00a0000')
    await fs.writeFile(resource, `${JSON.stringify(entries, null, 2)}\n`)
    const ledger = path.join(cwd, 'corpus/reviews/ru', `${georgia}.json`)
    const before = await fs.readFile(ledger, 'utf8')
    const refused = await briefs(cwd, 'review', 'approve', '--article', georgia, '--lang', 'ru', '--segment', 's-802e70', '--reviewer', 'Olga')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('Nothing approved: the checks report an error in what you approve')
    expect(refused.stderr).toContain('`s-802e70`: number-mismatch: Unexpected `97\u00a0000` in the translation, expected 98 000')
    expect(await fs.readFile(ledger, 'utf8')).toBe(before)

    const approved = await briefs(cwd, 'review', 'approve', '--article', georgia, '--lang', 'ru', '--segment', 's-802e70', '--reviewer', 'Olga', '--date', '2026-11-30', '--override', 'the ministry corrected its figure')
    expect(approved).toMatchObject({code: 0, stdout: `corpus/reviews/ru/${georgia}.json: approved 1 segments as Olga; 1 over the checks' errors: the ministry corrected its figure\n`})
    expect(JSON.parse(await fs.readFile(ledger, 'utf8'))['s-802e70']).toMatchObject({reviewer: 'Olga', override: 'the ministry corrected its figure'})
    const status = await briefs(cwd, 'status', '--article', georgia, '--lang', 'ru', '--verbose')
    expect(status.stdout).toContain(`${georgia}  ru    19/19     0      0      0        100% (1 approved over the checks' errors)\n`)
    expect(status.stdout).toContain("  s-802e70  reviewed, over the checks' errors: the ministry corrected its figure: ")
    await git(cwd, 'commit', '--quiet', '-am', 'Corrected figure')
    const report = await briefs(cwd, 'review-report', '--base', 'HEAD~1')
    expect(report.stdout).toContain("| reviewed → reviewed by Olga, 2026-11-30 (over the checks' errors: the ministry corrected its figure) |")
  })

  it('needs a reviewer', async () => {
    const cwd = await workspace()
    expect((await briefs(cwd, 'review', 'approve', '--article', georgia, '--lang', 'en')).code).toBe(2)
    expect((await briefs(cwd, 'review', 'reject')).code).toBe(2)
  })
})

describe('briefs review-report', () => {
  const summary = process.env.GITHUB_STEP_SUMMARY
  afterEach(() => {
    if (summary === undefined) delete process.env.GITHUB_STEP_SUMMARY
    else process.env.GITHUB_STEP_SUMMARY = summary
  })

  it('writes the report for a branch, and appends it to the GitHub step summary', async () => {
    const cwd = await workspace()
    await git(cwd, 'init', '--quiet', '--initial-branch=main')
    await git(cwd, 'add', '-A')
    await git(cwd, 'commit', '--quiet', '-m', 'Corpus')
    await git(cwd, 'checkout', '--quiet', '-b', 'edit')
    await editFrench(cwd)
    expect((await briefs(cwd, 'sync')).code).toBe(0)
    await git(cwd, 'commit', '--quiet', '-am', 'Edit')
    const stepSummary = path.join(cwd, 'summary.md')
    await fs.writeFile(stepSummary, '# Earlier step\n')
    process.env.GITHUB_STEP_SUMMARY = stepSummary
    const result = await briefs(cwd, 'review-report', '--base', 'main', '--out', 'report.md')
    expect(result).toMatchObject({code: 0, stdout: 'report.md: 2 changed segments, 70 unchanged\n'})
    const markdown = await fs.readFile(path.join(cwd, 'report.md'), 'utf8')
    expect(markdown).toContain('2 segments changed; 70 unchanged segments not listed.')
    expect(await fs.readFile(stepSummary, 'utf8')).toBe(`# Earlier step\n${markdown}\n`)
  })

  it('names the translation an edit disagrees with in an article the branch did not touch, its checks kept by `check`', async () => {
    const cwd = await workspace()
    await git(cwd, 'init', '--quiet', '--initial-branch=main')
    await git(cwd, 'add', '-A')
    await git(cwd, 'commit', '--quiet', '-m', 'Corpus')
    // The checks of every article kept, as a desk's `briefs check` keeps them: the report finds the untouched article's by content.
    expect((await briefs(cwd, 'check')).code).toBe(0)
    await git(cwd, 'checkout', '--quiet', '-b', 'edit')
    const mobilisation = path.join(cwd, 'corpus/articles/2022-10-plus-de-200-000-citoyens-russes-ont-ete.md')
    const repeated = "La Géorgie et le Kazakhstan, deux pays frontaliers de la Russie, voient arriver de plus en plus de citoyens russes à leur frontière depuis l'appel à la mobilisation partielle de Vladimir Poutine."
    const text = await fs.readFile(mobilisation, 'utf8')
    const first = 'Plus de 200 000 citoyens russes ont été enrôlés dans l’armée suite à l’ordre de mobilisation du président russe Vladimir Poutine le mois dernier.'
    expect(text).toContain(first)
    await fs.writeFile(mobilisation, text.replace(first, repeated))
    expect((await briefs(cwd, 'sync')).code).toBe(0)
    await git(cwd, 'commit', '--quiet', '-am', 'Same sentence as the other article')
    const result = await briefs(cwd, 'review-report', '--base', 'main', '--out', 'report.md')
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const markdown = await fs.readFile(path.join(cwd, 'report.md'), 'utf8')
    // The reference translation is read from git: the untouched article's files were never written out.
    expect(markdown).toMatch(new RegExp(`inconsistent-translation\` Unexpected translation differing from the one of the same French at corpus/locales/en/${georgia}\\.json:\\d+:\\d+`))
  })

  it('refuses an unknown revision with exit 1', async () => {
    const cwd = await workspace()
    await git(cwd, 'init', '--quiet')
    const result = await briefs(cwd, 'review-report', '--base', 'nope')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Unexpected revision `nope`')
  })
})
