import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {Document, HeadingLevel, Packer, Paragraph, TextRun} from 'docx'
import {describe, expect, it} from 'vitest'
import {VFileMessage} from 'vfile-message'
import {parseDocument, readDocument} from '../src/index.js'

const english = [
  'Georgia and Kazakhstan, two countries bordering Russia, have seen a growing number of Russian citizens arriving at their borders since Vladimir Putin’s call for a partial mobilization.',
  'Arrivals of Russians in Georgia nearly doubled, to close to 10,000 a day, after the announcement, the Interior Ministry of the Caucasus country said. Dr. Smith agreed.'
]
const russian =
  'Грузия и Казахстан, две страны, граничащие с Россией, фиксируют растущее число российских граждан, прибывающих на их границы после объявления Владимиром Путиным частичной мобилизации.'

/** A Word document written by the `docx` package: a heading, an empty paragraph, two paragraphs with runs. */
async function wordDocument(): Promise<Uint8Array> {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({text: 'Georgia and Kazakhstan see influx of Russians', heading: HeadingLevel.HEADING_1}),
          new Paragraph({}),
          new Paragraph({children: [new TextRun(english[0]!)]}),
          new Paragraph({children: [new TextRun({text: 'Arrivals of Russians', bold: true}), new TextRun(english[1]!.slice('Arrivals of Russians'.length))]})
        ]
      }
    ]
  })
  return new Uint8Array(await Packer.toBuffer(document))
}

async function failure(promise: Promise<unknown>): Promise<VFileMessage> {
  try {
    await promise
  } catch (error) {
    if (error instanceof VFileMessage) return error
    throw error
  }
  throw new Error('Expected a failure')
}

describe('Word documents', () => {
  it('reads a .docx written by a real writer into paragraphs and sentences, placed by Word paragraph', async () => {
    const document = await parseDocument(await wordDocument(), 'delivery.docx', {language: 'en'})
    expect(document.format).toBe('docx')
    expect(document.file.messages).toEqual([])
    expect(document.sentences.map(({text, paragraph, line, column}) => [text, paragraph, line, column])).toEqual([
      ['Georgia and Kazakhstan see influx of Russians', 0, 1, 1],
      [english[0], 1, 3, 1],
      ['Arrivals of Russians in Georgia nearly doubled, to close to 10,000 a day, after the announcement, the Interior Ministry of the Caucasus country said.', 2, 4, 1],
      ['Dr. Smith agreed.', 2, 4, english[1]!.indexOf('Dr.') + 1]
    ])
  })

  it('refuses a .docx that is not a zip archive', async () => {
    const message = await failure(parseDocument(new TextEncoder().encode('Just text, renamed.'), 'delivery.docx', {language: 'en'}))
    expect(message.reason).toBe('Unexpected content that is not a zip archive, expected a Word document (.docx)')
    expect(message.file).toBe('delivery.docx')
    expect([message.line, message.column]).toEqual([1, 1])
  })

  it('refuses a damaged .docx with mammoth’s reason', async () => {
    const bytes = await wordDocument()
    const damaged = bytes.slice(0, Math.floor(bytes.length / 2))
    const message = await failure(parseDocument(damaged, 'delivery.docx', {language: 'en'}))
    expect(message.reason).toMatch(/^Unexpected unreadable Word document \(.+\), expected a \.docx file$/)
  })

  it('refuses an empty .docx', async () => {
    const message = await failure(parseDocument(new Uint8Array(), 'delivery.docx', {language: 'en'}))
    expect(message.reason).toBe('Unexpected empty file, expected a Word document')
  })
})

describe('text files', () => {
  it.each([
    ['an empty file', '', 'delivery.txt', 'Unexpected empty document, expected text', [1, 1]],
    ['a file of blank lines', '\n  \n\n', 'delivery.md', 'Unexpected empty document, expected text', [1, 1]],
    ['a NUL character', 'Text\nwith a \0 inside.', 'delivery.txt', 'Unexpected binary content (a NUL character), expected text', [2, 8]],
    ['invalid UTF-8', Buffer.from([0x41, 0xff, 0xfe, 0x42]), 'delivery.txt', 'Unexpected invalid UTF-8, expected UTF-8 text', [1, 1]],
    ['an unknown extension', 'Text.', 'delivery.pdf', 'Unexpected extension `.pdf`, expected .txt, .md or .docx', [undefined, undefined]]
  ])('refuses %s with its place', async (_, content, name, reason, [line, column]) => {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : new Uint8Array(content)
    const message = await failure(parseDocument(bytes, name, {language: 'en'}))
    expect(message.reason).toBe(reason)
    expect(message.file).toBe(name)
    expect([message.line, message.column]).toEqual([line, column])
  })

  it('refuses a missing file', async () => {
    const missing = path.join(os.tmpdir(), 'briefs-no-such-file.txt')
    const message = await failure(readDocument(missing, {language: 'en'}))
    expect(message.reason).toBe('Unexpected missing file, expected a document')
  })

  it('reads a file from disk', async () => {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'briefs-documents-'))
    const file = path.join(directory, 'delivery.txt')
    await fs.writeFile(file, `${english.join('\n\n')}\n`)
    const document = await readDocument(file, {language: 'en'})
    expect(document.sentences).toHaveLength(3)
    expect(document.sentences[2]).toMatchObject({text: 'Dr. Smith agreed.', paragraph: 1, line: 3})
  })
})

describe('language check', () => {
  const text = (value: string) => new TextEncoder().encode(value)

  it('reports English delivered as Russian, and Russian as English, as an error message', async () => {
    const asRussian = await parseDocument(text(english.join('\n\n')), 'delivery.txt', {language: 'ru'})
    expect(asRussian.file.messages.map((message) => [message.reason, message.ruleId, message.fatal])).toEqual([
      ['Unexpected English text, expected Russian', 'wrong-language', true]
    ])
    const asEnglish = await parseDocument(text(russian), 'delivery.txt', {language: 'en'})
    expect(asEnglish.file.messages.map((message) => message.reason)).toEqual(['Unexpected Russian text, expected English'])
  })

  it('reports French delivered as English', async () => {
    const french =
      'La Géorgie et le Kazakhstan, deux pays frontaliers de la Russie, voient arriver de plus en plus de citoyens russes à leur frontière depuis l’appel à la mobilisation partielle de Vladimir Poutine.'
    const document = await parseDocument(text(french), 'delivery.txt', {language: 'en'})
    expect(document.file.messages.map((message) => message.reason)).toEqual(['Unexpected French text, expected English'])
  })

  it('accepts a text in its language, and does not judge a very short one', async () => {
    expect((await parseDocument(text(english.join('\n\n')), 'delivery.txt', {language: 'en'})).file.messages).toEqual([])
    expect((await parseDocument(text(russian), 'delivery.txt', {language: 'ru'})).file.messages).toEqual([])
    expect((await parseDocument(text('Hello there.'), 'delivery.txt', {language: 'ru'})).file.messages).toEqual([])
  })
})
