// The I/O floor, as fast as Node does it: read every input file of the corpus, write every output file of a
// build (same paths, same sizes), with synchronous calls and one mkdir per folder. node io.js <corpus> <outputs.json> <out>
import fs from 'node:fs'
import path from 'node:path'
import {finish} from './report.js'

const [corpus, outputsFile, out] = process.argv.slice(2)
// Which bytes does not matter: the floor writes as many as the build, to the same paths.
const outputs = JSON.parse(fs.readFileSync(outputsFile!, 'utf8')) as Array<[file: string, size: number]>
for (const entry of fs.readdirSync(corpus!, {recursive: true, withFileTypes: true})) {
  if (entry.isFile()) fs.readFileSync(path.join(entry.parentPath, entry.name))
}
const made = new Set<string>()
const filler = Buffer.alloc(Math.max(0, ...outputs.map(([, size]) => size)), 0x61)
for (const [file, size] of outputs) {
  const target = path.join(out!, file)
  const folder = path.dirname(target)
  if (!made.has(folder)) {
    fs.mkdirSync(folder, {recursive: true})
    made.add(folder)
  }
  fs.writeFileSync(target, filler.subarray(0, size))
}
finish()
