import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {annotation} from '../src/commands/check/index.js'
import {briefs, workspace} from './helpers.js'

const georgia = '2022-09-la-georgie-et-le-kazakhstan-deux-pays'
const mobilisation = '2022-10-plus-de-200-000-citoyens-russes-ont-ete'
const resource = (cwd: string, lng: string, id: string) => path.join(cwd, 'corpus/locales', lng, `${id}.json`)

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await fs.readFile(file, 'utf8')
  if (!text.includes(from)) throw new Error(`No ${JSON.stringify(from)} in ${file}`)
  await fs.writeFile(file, text.replace(from, to))
}

/** A copy of the corpus with a wrong figure (an error) in English and a trailing space (a warning) in Russian. */
async function faulty(): Promise<string> {
  const cwd = await workspace()
  await edit(resource(cwd, 'en', georgia), '11,200', '12,200')
  await edit(resource(cwd, 'ru', mobilisation), 'сообщает агентство «Рейтер».', 'сообщает агентство «Рейтер». ')
  return cwd
}

describe('briefs check', () => {
  it('passes the shipped corpus: exit 0, nothing on stderr', async () => {
    const result = await briefs(await workspace(), 'check')
    expect(result).toEqual({code: 0, stdout: 'Checked: 0 errors, 0 warnings in 72 translations of 72 segments\n', stderr: ''})
  })

  it('reports through vfile-reporter and exits 1 on an error', async () => {
    const result = await briefs(await faulty(), 'check')
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('Checked: 1 error, 1 warning in 72 translations of 72 segments\n')
    expect(result.stderr).toMatch(
      new RegExp(`corpus/locales/en/${georgia}\\.json\\n\\s*6:88-6:94\\s+error\\s+Unexpected \`12,200\` in the translation, expected 11,200 \\(\`11\\.200\` in the French\\) \\(French: corpus/articles/${georgia}\\.md:16:164\\)\\s+number-mismatch\\s+briefs`)
    )
    expect(result.stderr).toMatch(new RegExp(`corpus/locales/ru/${mobilisation}\\.json\\n\\s*\\d+:\\d+-\\d+:\\d+\\s+warning\\s+Unexpected trailing space.*whitespace\\s+briefs`))
    expect(result.stderr).toContain('2 messages (✖ 1 error, ⚠ 1 warning)')
  })

  it('prints JSON rows on stdout', async () => {
    const result = await briefs(await faulty(), 'check', '--format', 'json')
    expect(result.code).toBe(1)
    const rows = JSON.parse(result.stdout)
    expect(rows).toEqual([
      {
        file: `corpus/locales/en/${georgia}.json`,
        line: 6,
        column: 88,
        ruleId: 'number-mismatch',
        severity: 'error',
        article: georgia,
        lang: 'en',
        segment: 's-8db492',
        message: `Unexpected \`12,200\` in the translation, expected 11,200 (\`11.200\` in the French) (French: corpus/articles/${georgia}.md:16:164)`
      },
      {
        file: `corpus/locales/ru/${mobilisation}.json`,
        line: 4,
        column: expect.any(Number),
        ruleId: 'whitespace',
        severity: 'warning',
        article: mobilisation,
        lang: 'ru',
        segment: 's-dcd913',
        message: expect.stringMatching(/^Unexpected trailing space, expected the translation to end with its last character \(French: corpus\/articles\/.*\.md:\d+:\d+\)$/)
      }
    ])
    expect(result.stderr).toBe('briefs: 1 error, 1 warning in 72 translations of 72 segments\n')
  })

  it('prints GitHub Actions annotations, escaped', async () => {
    const cwd = await faulty()
    await edit(resource(cwd, 'en', mobilisation), 'Sergei Shoigu', 'Sergei Shoygu')
    const result = await briefs(cwd, 'check', '--format', 'github', '--article', mobilisation)
    expect(result.code).toBe(1)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(
      new RegExp(`^::error file=corpus/locales/en/${mobilisation}\\.json,line=4,col=15,title=briefs glossary-term::Unexpected translation of \`Choïgou\` without \`Shoigu\`, expected the glossary's form \\(French: corpus/articles/${mobilisation}\\.md:\\d+:\\d+\\)$`)
    )
    expect(lines[1]).toMatch(new RegExp(`^::warning file=corpus/locales/ru/${mobilisation}\\.json,line=4,col=\\d+,title=briefs whitespace::Unexpected trailing space`))
  })

  it('escapes what GitHub reads as syntax', () => {
    const row = {file: 'corpus/a,b:c.json', line: 2, column: 3, ruleId: 'whitespace', severity: 'warning', article: null, lang: null, segment: null, message: '100% wrong\nsecond line'} as const
    expect(annotation(row)).toBe('::warning file=corpus/a%2Cb%3Ac.json,line=2,col=3,title=briefs whitespace::100%25 wrong%0Asecond line')
  })

  it('exits 0 on warnings alone, and 1 with --strict', async () => {
    const cwd = await faulty()
    expect((await briefs(cwd, 'check', '--lang', 'ru')).code).toBe(0)
    const strict = await briefs(cwd, 'check', '--lang', 'ru', '--strict')
    expect(strict.code).toBe(1)
    expect(strict.stdout).toBe('Checked: 0 errors, 1 warning in 36 translations of 36 segments\n')
  })

  it('refuses an unknown language or format with exit 2, an unknown article with exit 1', async () => {
    const cwd = await workspace()
    const language = await briefs(cwd, 'check', '--lang', 'de')
    expect(language).toMatchObject({code: 2, stdout: ''})
    expect(language.stderr).toContain('Unexpected language "de", expected one of `en`, `ru`')
    expect((await briefs(cwd, 'check', '--format', 'xml')).code).toBe(2)
    const article = await briefs(cwd, 'check', '--article', '2099-01-nope')
    expect(article.code).toBe(1)
    expect(article.stderr).toContain('Unexpected article `2099-01-nope`')
  })

  it('reports a broken glossary at its line and column, and still checks', async () => {
    const cwd = await workspace()
    await fs.writeFile(path.join(cwd, 'corpus/glossary.json'), '{\n  "terms": [\n    {"fr": "Poutine", "en": "Putin"}\n  ]\n}\n')
    const result = await briefs(cwd, 'check', '--format', 'json')
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout)).toEqual([
      {file: 'corpus/glossary.json', line: 3, column: 5, ruleId: 'invalid-glossary', severity: 'error', article: null, lang: null, segment: null, message: 'Unexpected glossary entry without `ru`, expected the established form in `ru`'}
    ])
  })
})
