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

// The outputs' content is what a build wrote; reading it is not part of the floor, so it happens first.
const outputs = await Promise.all((await files(reference!)).map(async (file) => ({file: path.relative(reference!, file), content: await fs.readFile(file)})))
const started = performance.now()
for (const file of await files(corpus!)) await fs.readFile(file, 'utf8')
for (const output of outputs) {
  const target = path.join(out!, output.file)
  await fs.mkdir(path.dirname(target), {recursive: true})
  await fs.writeFile(target, output.content)
}
finish(started)
