import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {briefs, repositoryCorpus, workspace} from './helpers.js'

const articleId = '2022-09-la-georgie-et-le-kazakhstan-deux-pays'

async function translation(language: 'en' | 'ru'): Promise<string[]> {
  return Object.values(JSON.parse(await fs.readFile(path.join(repositoryCorpus, 'locales', language, `${articleId}.json`), 'utf8')) as Record<string, string>)
}

describe('briefs align --segmented', () => {
  it('prints one Vecalign unit per line, every line of both files once, in order', async () => {
    const cwd = await workspace({corpus: 'empty'})
    await fs.writeFile(path.join(cwd, 'fr.txt'), 'Le président a parlé mardi.\nIl a cité 10.000 personnes.\nPuis il est parti.\nRien de plus.\n')
    await fs.writeFile(path.join(cwd, 'en.txt'), 'The president spoke on Tuesday and cited 10,000 people.\nThen he left.\nTranslator’s note: this was in Astana, Kazakhstan.\nNothing more.\n')
    const result = await briefs(cwd, 'align', 'fr.txt', 'en.txt', '--to', 'en', '--segmented')
    expect(result).toEqual({code: 0, stdout: '[0, 1]:[0]\n[2]:[1]\n[]:[2]\n[3]:[3]\n', stderr: ''})
  })

  it('refuses an empty file and a binary one with file:line:column and exit 1', async () => {
    const cwd = await workspace({corpus: 'empty'})
    await fs.writeFile(path.join(cwd, 'fr.txt'), 'Une phrase.\n')
    await fs.writeFile(path.join(cwd, 'empty.txt'), '')
    await fs.writeFile(path.join(cwd, 'binary.txt'), 'One line.\nTwo\0lines.\n')
    const empty = await briefs(cwd, 'align', 'fr.txt', 'empty.txt', '--to', 'en', '--segmented')
    expect(empty.code).toBe(1)
    expect(empty.stderr).toMatch(/empty\.txt\n\s*1:1\s+error\s+Unexpected empty file, expected one sentence per line/)
    const binary = await briefs(cwd, 'align', 'fr.txt', 'binary.txt', '--to', 'en', '--segmented')
    expect(binary.code).toBe(1)
    expect(binary.stderr).toMatch(/binary\.txt\n\s*2:4\s+error\s+Unexpected binary content/)
    expect(empty.stderr + binary.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('briefs align', () => {
  it('aligns a corpus article with a delivered Markdown translation and shows them side by side', async () => {
    const cwd = await workspace()
    const russian = await translation('ru')
    // Headline on top, one sentence left out (the fourth), a translator's note at the end.
    const delivered = `# ${russian[0]}\n\n${russian.slice(1, 4).join('\n\n')}\n\n${russian.slice(5).join(' ')} Примечание переводчика: пункт пропуска называют также Верхний Ларс.\n`
    await fs.writeFile(path.join(cwd, 'delivery.md'), delivered)
    const result = await briefs(cwd, 'align', `corpus/articles/${articleId}.md`, 'delivery.md', '--to', 'ru', '--width', '100')
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout).toMatch(/^\d+ units: /)
    expect(result.stdout).toContain('[4]:[]  left out of the translation')
    expect(result.stdout).toMatch(/\[\]:\[\d+\]  added in the translation/)
    expect(result.stdout).toContain('│ Грузия и Казахстан')
    for (const line of result.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100)

    const json = await briefs(cwd, 'align', `corpus/articles/${articleId}.md`, 'delivery.md', '--to', 'ru', '--json')
    const units = JSON.parse(json.stdout) as Array<{source: number[]; target: number[]; confidence: number; french: Array<{line: number}>; translation: Array<{text: string; line: number}>}>
    expect(units.flatMap((unit) => unit.source)).toEqual(Array.from({length: units.flatMap((unit) => unit.source).length}, (_, index) => index))
    expect(units[0]).toMatchObject({source: [0], target: [0], translation: [{text: russian[0], line: 1}]})
    expect(units.find((unit) => unit.source.includes(4))).toMatchObject({target: []})
    expect(units.at(-1)).toMatchObject({source: [], translation: [{text: 'Примечание переводчика: пункт пропуска называют также Верхний Ларс.'}]})
  })

  it('reads documents on both sides, and escapes control characters of the text', async () => {
    const cwd = await workspace({corpus: 'empty'})
    await fs.writeFile(path.join(cwd, 'fr.txt'), 'Le ministre est arrivé à Tbilissi.\n\nIl repart demain.\n')
    await fs.writeFile(path.join(cwd, 'en.txt'), 'The minister arrived in Tbilisi.\u001b[31m\n\nHe leaves tomorrow.\n')
    const result = await briefs(cwd, 'align', 'fr.txt', 'en.txt', '--to', 'en')
    expect(result.code).toBe(0)
    expect(result.stdout).not.toContain('\u001b')
    expect(result.stdout).toContain('Tbilisi.\\u001b[31m')
    expect(result.stdout).toContain('[1]:[1]  1-1')
  })

  it.each([
    ['English delivered as Russian', 'en', 'ru', 'delivery.txt', /delivery\.txt\n\s*1:1\s+error\s+Unexpected English text, expected Russian\s+wrong-language/],
    ['a .docx that is not a Word file', 'en', 'en', 'delivery.docx', /delivery\.docx\n\s*1:1\s+error\s+Unexpected content that is not a zip archive, expected a Word document \(\.docx\)/]
  ])('refuses %s: the message, exit 1, no stack trace', async (_, written, asked, name, expected) => {
    const cwd = await workspace()
    await fs.writeFile(path.join(cwd, name), (await translation(written as 'en' | 'ru')).join('\n\n'))
    const result = await briefs(cwd, 'align', `corpus/articles/${articleId}.md`, name, '--to', asked)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(expected)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it.each([
    [['fr.txt', 'en.txt'], /Missing --to <lng>/],
    [['fr.txt', '--to', 'en'], /Expected a French file and a translation file/],
    [['fr.txt', 'en.txt', '--to', 'fr'], /Unexpected language "fr"/],
    [['fr.txt', 'en.txt', '--to', 'en', '--width', '10'], /Unexpected width "10"/]
  ])('refuses the command line %j with exit 2', async (argv, expected) => {
    const result = await briefs(await workspace({corpus: 'empty'}), 'align', ...argv)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(expected)
  })
})
