// The I/O floor: read every input file of the corpus, write every output file of a build (same paths and bytes).
import fs from 'node:fs/promises'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {finish} from './report.js'

const [corpus, reference, out] = process.argv.slice(2)

async function files(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, {recursive: true, withFileTypes: true})
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name))
}

// The floor writes as many bytes to the same paths as a build; which bytes does not matter, so they are not read.
const outputs: Array<{file: string; size: number}> = []
for (const file of await files(reference!)) outputs.push({file: path.relative(reference!, file), size: (await fs.stat(file)).size})
const started = performance.now()
for (const file of await files(corpus!)) await fs.readFile(file, 'utf8')
for (const output of outputs) {
  const target = path.join(out!, output.file)
  await fs.mkdir(path.dirname(target), {recursive: true})
  await fs.writeFile(target, Buffer.alloc(output.size, 0x61))
}
finish(started)
