import fs from 'node:fs/promises'
import {VFile} from 'vfile'

/**
 * An XML file given on the command line (XLIFF, TMX), as text: UTF-8, or
 * UTF-16 when it starts with its byte order mark (Trados writes TMX so); a
 * UTF-8 byte order mark, which many CAT tools write, is left out. A missing
 * or undecodable file is a fatal message on the file, thrown.
 */
export async function readXmlFile(filePath: string, expected: string): Promise<VFile> {
  const file = new VFile({path: filePath})
  let bytes: Uint8Array
  try {
    bytes = await fs.readFile(filePath)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return file.fail(code === 'ENOENT' ? `Unexpected missing file, expected ${expected}` : `Unexpected unreadable file (${code ?? 'error'}), expected ${expected}`, {ruleId: 'read', source: 'briefs'})
  }
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8'
  try {
    file.value = new TextDecoder(encoding, {fatal: true}).decode(bytes)
  } catch {
    file.fail(`Unexpected invalid ${encoding.toUpperCase()}, expected ${expected} in UTF-8 (or UTF-16 with a byte order mark)`, {ruleId: 'encoding', source: 'briefs', place: {line: 1, column: 1}})
  }
  return file
}
