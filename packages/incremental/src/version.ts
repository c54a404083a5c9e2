import {createHash} from 'node:crypto'
import fs from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/**
 * A version of the code that computes results: the path, size and
 * modification time of every file of the folders of `entries` (a module's
 * URL, or a package name resolved from `from`), and of the nearest
 * `pnpm-lock.yaml`, which pins every other package. Any rebuild of the code
 * makes another version; nothing is read but the folders' listings.
 */
export function codeVersion(entries: ReadonlyArray<URL | {name: string; from: URL}>, extra = ''): string {
  const hash = createHash('sha256').update(`${extra}\0`)
  const folders = entries.map((entry) => path.dirname(entry instanceof URL ? fileURLToPath(entry) : createRequire(entry.from).resolve(entry.name)))
  for (const folder of [...new Set(folders)].sort()) {
    const files = fs
      .readdirSync(folder, {recursive: true, withFileTypes: true})
      .filter((entry) => entry.isFile() && !entry.name.endsWith('.map'))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort()
    for (const file of files) {
      const stat = fs.statSync(file)
      hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\0`)
    }
  }
  for (let directory = folders[0] ?? process.cwd(); ; directory = path.dirname(directory)) {
    const stat = fs.statSync(path.join(directory, 'pnpm-lock.yaml'), {throwIfNoEntry: false})
    if (stat) {
      hash.update(`${stat.size}\0${stat.mtimeMs}`)
      break
    }
    if (path.dirname(directory) === directory) break
  }
  return hash.digest('hex')
}
