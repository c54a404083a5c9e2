import fs from 'node:fs/promises'
import path from 'node:path'
import {Document, HeadingLevel, Packer, Paragraph} from 'docx'
import {describe, expect, it} from 'vitest'
import {briefs, snapshot, workspace} from './helpers.js'

const georgia = '2022-09-la-georgie-et-le-kazakhstan-deux-pays'
const mobilisation = '2022-10-plus-de-200-000-citoyens-russes-ont-ete'

interface Unit {
  segments: string[]
  target: string
  confidence: number
}

/** A workspace whose `lng` translation of `article` is not there yet (resource and ledger removed), and that translation's entries. */
async function withoutTranslation(article: string, lng: 'en' | 'ru'): Promise<{cwd: string; translation: Record<string, string>}> {
  const cwd = await workspace()
  const resource = path.join(cwd, 'corpus/locales', lng, `${article}.json`)
  const translation = JSON.parse(await fs.readFile(resource, 'utf8')) as Record<string, string>
  await fs.rm(resource)
  await fs.rm(path.join(cwd, 'corpus/reviews', lng, `${article}.json`))
  return {cwd, translation}
}

/**
 * The English of the Georgia article as a translator delivers it: the
 * headline on top, two sentences rendered as one, one split in two, a note
 * of the translator's own.
 */
function deliveredGeorgia(en: Record<string, string>): string[] {
  const t = (key: string) => en[key]!
  return [
    t('title'),
    t('s-315253'),
    t('s-d9457a'),
    `${t('s-54420e').slice(0, -1)}, and noted: ${t('s-8db492')}`,
    `On the border with Georgia, authorities in Russia’s North Ossetia region acknowledged a “tense situation.” The problem was at the Upper Lars checkpoint. ${t('s-65d3cf')}`,
    t('s-338017'),
    `${t('s-802e70')} ${t('s-4de67c')}`,
    'Translator’s note: Kazakhstan shares a border of more than 7,500 kilometers with Russia.',
    t('s-07dc6d'),
    `${t('s-1a2984')} ${t('s-53b3eb')}`,
    `${t('s-81b260')} ${t('s-f6e228')} ${t('s-8a2277')}`,
    t('s-33a03e'),
    `${t('s-c88ddd')} ${t('s-b2196b')}`
  ]
}

/** Every unit the import must find, in document order: `[]` is the translator's note. */
const expectedGeorgia = [
  ['title'],
  ['s-315253'],
  ['s-d9457a'],
  ['s-54420e', 's-8db492'],
  ['s-d843d0'],
  ['s-65d3cf'],
  ['s-338017'],
  ['s-802e70'],
  ['s-4de67c'],
  [],
  ['s-07dc6d'],
  ['s-1a2984'],
  ['s-53b3eb'],
  ['s-81b260'],
  ['s-f6e228'],
  ['s-8a2277'],
  ['s-33a03e'],
  ['s-c88ddd'],
  ['s-b2196b']
]

async function dryRun(cwd: string, file: string, article: string, lng: string): Promise<Unit[]> {
  const result = await briefs(cwd, 'import', file, '--article', article, '--lang', lng, '--dry-run', '--json')
  expect(result.code, result.stderr).toBe(0)
  return (JSON.parse(result.stdout) as {units: Unit[]}).units
}

describe('briefs import', () => {
  it('aligns a restructured English document unit by unit, and writes it as drafts that check, count and build', async () => {
    const {cwd, translation} = await withoutTranslation(georgia, 'en')
    await fs.writeFile(path.join(cwd, 'delivered.txt'), `${deliveredGeorgia(translation).join('\n\n')}\n`)
    const units = await dryRun(cwd, 'delivered.txt', georgia, 'en')
    expect(units.map((unit) => unit.segments)).toEqual(expectedGeorgia)
    expect(units[4]!.target).toBe('On the border with Georgia, authorities in Russia’s North Ossetia region acknowledged a “tense situation.” The problem was at the Upper Lars checkpoint.')
    expect(units[9]).toMatchObject({segments: [], target: expect.stringMatching(/^Translator’s note/)})
    for (const unit of units) expect(unit.confidence).toBeGreaterThanOrEqual(0.5)
    await expect(fs.access(path.join(cwd, 'corpus/locales/en', `${georgia}.json`))).rejects.toThrow()

    const result = await briefs(cwd, 'import', 'delivered.txt', '--article', georgia, '--lang', 'en')
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(
      `Wrote corpus/locales/en/${georgia}.json: 18 translation units from \`delivered.txt\` as drafts (1 over several French sentences); 1 added sentence not imported\n` +
        '  line 15:1: added by the translator, attached to nothing: "Translator’s note: Kazakhstan shares a border of more than 7,500 kilometers wit…"\n'
    )
    const resource = JSON.parse(await fs.readFile(path.join(cwd, 'corpus/locales/en', `${georgia}.json`), 'utf8')) as Record<string, string>
    expect(Object.keys(resource)).toEqual(expectedGeorgia.filter((segments) => segments.length > 0).map((segments) => segments.join('+')))
    const [status] = JSON.parse((await briefs(cwd, 'status', '--json', '--verbose', '--article', georgia, '--lang', 'en')).stdout) as Array<{counts: Record<string, number>; segments: Array<{origin?: string}>}>
    expect(status!.counts).toEqual({missing: 0, draft: 19, reviewed: 0, stale: 0})
    expect(status!.segments[0]!.origin).toMatch(/^aligned from delivered\.txt, confidence /)
    expect((await briefs(cwd, 'check', '--article', georgia, '--lang', 'en')).code).toBe(0)
    expect((await briefs(cwd, 'build', '--no-cache')).code).toBe(0)
    const markdown = await fs.readFile(path.join(cwd, 'site', georgia, 'fr-en.md'), 'utf8')
    expect(markdown.split('nearly doubled, to close to 10,000 a day, after the announcement, the Interior Ministry of the Caucasus country said, and noted:')).toHaveLength(2)
  })

  it('aligns a Russian Word document with its headline, a merge and a note', async () => {
    const {cwd, translation} = await withoutTranslation(mobilisation, 'ru')
    const t = (key: string) => translation[key]!
    const paragraphs = [
      new Paragraph({text: t('title'), heading: HeadingLevel.HEADING_1}),
      new Paragraph(t('s-5cf5ba')),
      new Paragraph(`${t('s-dcd913')} ${t('s-01366c')}`),
      new Paragraph(t('s-7bfe9a')),
      new Paragraph(t('s-966006')),
      new Paragraph(`${t('s-55d190').slice(0, -1)}; ${t('s-c5457d').charAt(0).toLowerCase()}${t('s-c5457d').slice(1)}`),
      new Paragraph('Примечание переводчика: пункт пропуска Верхний Ларс — единственный на границе России и Грузии.'),
      ...['s-86f56a', 's-f2129d'].map((key) => new Paragraph(t(key))),
      new Paragraph(`${t('s-7af317')} ${t('s-a397e0')}`),
      new Paragraph(`${t('s-069025')} ${t('s-3d73b8')}`),
      new Paragraph(`${t('s-1c93ea')} ${t('s-7f4bd6')}`),
      new Paragraph(t('s-3b2ebd'))
    ]
    await fs.writeFile(path.join(cwd, 'delivered.docx'), await Packer.toBuffer(new Document({sections: [{children: paragraphs}]})))
    const units = await dryRun(cwd, 'delivered.docx', mobilisation, 'ru')
    expect(units.map((unit) => unit.segments)).toEqual([
      ['title'],
      ['s-5cf5ba'],
      ['s-dcd913'],
      ['s-01366c'],
      ['s-7bfe9a'],
      ['s-966006'],
      ['s-55d190', 's-c5457d'],
      [],
      ['s-86f56a'],
      ['s-f2129d'],
      ['s-7af317'],
      ['s-a397e0'],
      ['s-069025'],
      ['s-3d73b8'],
      ['s-1c93ea'],
      ['s-7f4bd6'],
      ['s-3b2ebd']
    ])
    expect((await briefs(cwd, 'import', 'delivered.docx', '--article', mobilisation, '--lang', 'ru')).code).toBe(0)
    expect((await briefs(cwd, 'check', '--article', mobilisation, '--lang', 'ru')).code).toBe(0)
  })

  it('leaves a French sentence with no counterpart missing, and says so', async () => {
    const {cwd, translation} = await withoutTranslation(georgia, 'en')
    const document = deliveredGeorgia(translation).map((paragraph) => paragraph.replace(` ${translation['s-4de67c']}`, ''))
    await fs.writeFile(path.join(cwd, 'delivered.md'), `${document.join('\n\n')}\n`)
    const units = await dryRun(cwd, 'delivered.md', georgia, 'en')
    expect(units.find((unit) => unit.segments.includes('s-4de67c'))).toMatchObject({segments: ['s-4de67c'], target: ''})
    const result = await briefs(cwd, 'import', 'delivered.md', '--article', georgia, '--lang', 'en')
    expect(result.stdout).toContain('1 French segment without counterpart')
    expect(result.stdout).toContain('`s-4de67c`: no counterpart in the document, left missing')
    expect(JSON.parse(await fs.readFile(path.join(cwd, 'corpus/locales/en', `${georgia}.json`), 'utf8'))['s-4de67c']).toBeUndefined()
  })

  it('never overwrites a translation unless --force, and then lists what changes', async () => {
    const cwd = await workspace()
    const en = JSON.parse(await fs.readFile(path.join(cwd, 'corpus/locales/en', `${georgia}.json`), 'utf8')) as Record<string, string>
    await fs.writeFile(path.join(cwd, 'delivered.txt'), `${deliveredGeorgia(en).join('\n\n')}\n`)
    const before = await snapshot(path.join(cwd, 'corpus'))
    const refused = await briefs(cwd, 'import', 'delivered.txt', '--article', georgia, '--lang', 'en')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('Nothing imported: 3 translations already in')
    expect(refused.stderr).toContain('`s-54420e`')
    expect(await snapshot(path.join(cwd, 'corpus'))).toEqual(before)
    const forced = await briefs(cwd, 'import', 'delivered.txt', '--article', georgia, '--lang', 'en', '--force')
    expect(forced.code).toBe(0)
    expect(forced.stdout).toContain('3 existing translations replaced (--force)')
    expect(forced.stdout).toContain('`s-8db492` replaced: "“The number has increased')
    const after = JSON.parse(await fs.readFile(path.join(cwd, 'corpus/locales/en', `${georgia}.json`), 'utf8')) as Record<string, string>
    expect(after['s-54420e+s-8db492']).toMatch(/, and noted: “The number/)
    expect(after['s-d843d0']).toMatch(/The problem was at the Upper Lars checkpoint\.$/)
    expect(after['s-315253']).toBe(en['s-315253'])
  })

  it('refuses what is no translation of the article, writing nothing', async () => {
    const {cwd} = await withoutTranslation(georgia, 'en')
    const corpus = path.join(cwd, 'corpus')
    const other = JSON.parse(await fs.readFile(path.join(corpus, 'locales/en', `${mobilisation}.json`), 'utf8')) as Record<string, string>
    const russian = JSON.parse(await fs.readFile(path.join(corpus, 'locales/ru', `${georgia}.json`), 'utf8')) as Record<string, string>
    await fs.writeFile(path.join(cwd, 'other.txt'), `${Object.values(other).join('\n\n')}\n`)
    await fs.writeFile(path.join(cwd, 'russian.txt'), `${Object.values(russian).join('\n\n')}\n`)
    await fs.writeFile(path.join(cwd, 'empty.txt'), '')
    await fs.writeFile(path.join(cwd, 'binary.txt'), Buffer.from([0x50, 0x4b, 0, 1, 2, 0xff, 0xfe, 0]))
    await fs.writeFile(path.join(cwd, 'fake.docx'), 'This is plain text, not a Word document.\n')
    const before = await snapshot(corpus)
    for (const [file, expected] of [
      ['other.txt', `1:1 error Unexpected document sharing 37 % of the numbers and names of \`${georgia}\``],
      ['russian.txt', '1:1 error Unexpected Russian text, expected English'],
      ['empty.txt', 'empty.txt'],
      ['binary.txt', 'binary.txt'],
      ['fake.docx', 'fake.docx'],
      ['missing.txt', 'missing.txt']
    ] as const) {
      const result = await briefs(cwd, 'import', file, '--article', georgia, '--lang', 'en')
      expect(result.code, file).toBe(1)
      expect(result.stderr, file).toContain(expected)
      // A file that is there is named at a place in it.
      if (file !== 'missing.txt') expect(result.stderr, file).toMatch(/\d+:\d+/)
      expect(result.stderr, file).not.toMatch(/\n\s+at /)
    }
    expect(await snapshot(corpus)).toEqual(before)
    expect((await briefs(cwd, 'import', 'other.txt', '--article', 'no-such-article', '--lang', 'en')).code).toBe(1)
    expect((await briefs(cwd, 'import', 'other.txt', '--article', georgia, '--lang', 'xx')).code).toBe(2)
  })
})
