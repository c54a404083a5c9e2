import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {readLines} from '../src/index.js'
import {readLinesAt} from '../src/lines.js'

describe('readLines', () => {
  it('gives every line and where it starts, whatever falls on the edges of the chunks it reads', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'briefs-lines-')), 'lines.txt')
    // Lines long enough to cross the reads (1 MiB, and smaller buffers that must grow), of characters of one to four bytes.
    const line = fc.array(fc.constantFrom('a', 'é', 'Ж', '€', '😀', '\t'), {maxLength: 200_000}).map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.array(line, {maxLength: 12}), fc.boolean(), fc.constantFrom(1, 7, 4096, 1 << 20), (lines, trailing, bufferSize) => {
        const text = lines.join('\n') + (trailing && lines.length > 0 ? '\n' : '')
        fs.writeFileSync(file, text)
        // Decoded as they come: the bytes of a line are valid until the next.
        const read: Array<{line: string; offset: number}> = []
        for (const {bytes, offset} of readLinesAt(file, bufferSize)) read.push({line: bytes.toString('utf8'), offset})
        // A last line feed ends the last line; no empty line after it.
        const expected = text === '' ? [] : (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n')
        expect(read.map((each) => each.line)).toEqual(expected)
        expect([...readLines(file)]).toEqual(expected)
        const bytes = fs.readFileSync(file)
        for (const {line: each, offset} of read) expect(bytes.toString('utf8', offset, offset + Buffer.byteLength(each))).toBe(each)
      }),
      {numRuns: 30}
    )
  })
})
