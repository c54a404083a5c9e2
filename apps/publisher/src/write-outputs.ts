import fsSync from 'node:fs'
import path from 'node:path'
import type {CachedArticle} from './cache.js'
import {isTemporaryFileName} from './site.js'

/** Where a build writes: the site as it is (read, to compare with) and the staging folder beside it (written). */
export interface WriteTarget {
  out: string
  staging: string
}

/**
 * Write an article's briefs (paths `<id>/<name>`) as its folder in the
 * staging area, to replace the site's at commit: the site's folder as it
 * is (its other files, and briefs that did not change, linked: no byte
 * copied, the same modification time) with the briefs that changed
 * written. Nothing is written when every brief is in the site already,
 * byte for byte. Synchronous: a build thread has nothing else to do
 * meanwhile, and thousands of small files would queue on libuv's shared
 * pool. No fsync: the site is rebuilt from the corpus at will. Returns
 * what the cache checks later, and whether the folder was written.
 */
export function writeArticleFolder(target: WriteTarget, id: string, files: ReadonlyArray<{path: string; content: string}>): {outputs: CachedArticle['outputs']; written: boolean} {
  const current = path.join(target.out, id)
  let names: string[]
  try {
    names = fsSync.readdirSync(current)
  } catch {
    names = []
  }
  const present = new Set(names)
  const outputs: CachedArticle['outputs'] = []
  const unchanged = new Set<string>()
  for (const file of files) {
    const name = path.basename(file.path)
    const stat = present.has(name) ? sameContent(path.join(current, name), file.content) : undefined
    if (stat) unchanged.add(name)
    outputs.push({path: file.path, size: stat?.size ?? 0, mtimeMs: stat?.mtimeMs ?? 0})
  }
  if (unchanged.size === files.length && files.length > 0) return {outputs, written: false}

  const folder = path.join(target.staging, id)
  // What is being written, named as the site's file it is to become.
  let writing = id
  try {
    fsSync.mkdirSync(folder)
    for (const name of names) {
      if (isTemporaryFileName(name) || (!unchanged.has(name) && files.some((file) => path.basename(file.path) === name))) continue
      writing = `${id}/${name}`
      linkOrCopy(path.join(current, name), path.join(folder, name))
    }
    files.forEach((file, index) => {
      const name = path.basename(file.path)
      if (unchanged.has(name)) return
      writing = file.path
      const descriptor = fsSync.openSync(path.join(folder, name), 'wx')
      try {
        fsSync.writeFileSync(descriptor, file.content, 'utf8')
        const stat = fsSync.fstatSync(descriptor)
        outputs[index] = {path: file.path, size: stat.size, mtimeMs: stat.mtimeMs}
      } finally {
        fsSync.closeSync(descriptor)
      }
    })
  } catch (error) {
    // Name the page in the site, not in the staging folder.
    if (error instanceof Error && 'code' in error) Object.assign(error, {path: writing})
    throw error
  }
  return {outputs, written: true}
}

/**
 * Write a file of the site's top (an index, a feed) into the staging area,
 * unless the site has it byte for byte already. Returns its stat as it
 * will be in the site, and whether it was written.
 */
export function writeSiteFile(target: WriteTarget, name: string, content: string): {output: CachedArticle['outputs'][number]; written: boolean} {
  const same = sameContent(path.join(target.out, name), content)
  if (same) return {output: {path: name, size: same.size, mtimeMs: same.mtimeMs}, written: false}
  const file = path.join(target.staging, name)
  fsSync.mkdirSync(path.dirname(file), {recursive: true})
  fsSync.writeFileSync(file, content, 'utf8')
  const stat = fsSync.statSync(file)
  return {output: {path: name, size: stat.size, mtimeMs: stat.mtimeMs}, written: true}
}

/** The stat of `file` when it holds `content` exactly (a regular file), else `undefined`. */
function sameContent(file: string, content: string): fsSync.Stats | undefined {
  const stat = fsSync.lstatSync(file, {throwIfNoEntry: false})
  if (!stat || !stat.isFile() || stat.size !== Buffer.byteLength(content, 'utf8')) return undefined
  return fsSync.readFileSync(file).equals(Buffer.from(content, 'utf8')) ? stat : undefined
}

/** A file of the site kept in the staged folder: linked (or copied where links are refused), a symbolic link copied as a link, a folder copied whole. */
function linkOrCopy(from: string, to: string): void {
  const stat = fsSync.lstatSync(from)
  if (stat.isSymbolicLink()) {
    fsSync.symlinkSync(fsSync.readlinkSync(from), to)
  } else if (stat.isDirectory()) {
    fsSync.mkdirSync(to)
    for (const name of fsSync.readdirSync(from)) if (!isTemporaryFileName(name)) linkOrCopy(path.join(from, name), path.join(to, name))
  } else {
    try {
      fsSync.linkSync(from, to)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'EPERM' && code !== 'EXDEV' && code !== 'ENOTSUP' && code !== 'EMLINK') throw error
      fsSync.copyFileSync(from, to)
    }
  }
}
