import {randomBytes} from 'node:crypto'
import fsSync from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import lockfile from 'proper-lockfile'

/**
 * A build's hold on its site folder: the lock that keeps other builds out,
 * and a staging copy beside the site where everything is written. Nothing
 * touches the site itself until `commit`, which swaps the staging folder in
 * with two renames; `abort` drops it. A build killed at any point leaves the
 * site as it was before or after, and its leftovers are cleaned up by the
 * next build, which also puts the old site back if the kill fell between
 * the two renames (the site is then missing, for a few microseconds).
 */
export interface SiteTransaction {
  /** The folder to write in, made on first call: a copy of the site (hard links), beside it. */
  stage(): Promise<string>
  /** Put the staging folder in place of the site (if one was made: else the site needed no change), then release the lock. */
  commit(): Promise<void>
  /** Drop the staging folder, then release the lock; the site is as it was. */
  abort(): Promise<void>
}

export interface SiteLockOptions {
  /** How long to wait for another build of the same site, in milliseconds; 0 refuses at once. Default 10 minutes. */
  wait?: number | undefined
  /** Called once when another build holds the site and this one waits. */
  onWait?: (() => void) | undefined
  /** A lock not refreshed for this long is taken to be left by a killed build (milliseconds, at least 2000; default 10,000). */
  stale?: number | undefined
}

/** Another build holds the site (and waiting was not asked for, or took too long). */
export class SiteLockedError extends Error {
  override name = 'SiteLockedError'
}

/** Names the build gives its own things beside `out`: `.<out>.briefs-lock`, `.<out>.briefs-staging-…`, `.<out>.briefs-old-…`. */
function sibling(out: string, kind: 'lock' | 'staging' | 'old', unique?: string): string {
  return path.join(path.dirname(out), `.${path.basename(out)}.briefs-${kind}${unique ? `-${unique}` : ''}`)
}

/** A temporary file of `writeFileAtomic` (`.<name>.<pid>.<hex>.tmp`): left only by a killed writer. */
export function isTemporaryFileName(name: string): boolean {
  return /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/.test(name)
}

/**
 * Lock the site folder `out` (waiting for another build if asked to),
 * clean up what a killed build left, and stage a copy to write in.
 */
export async function openSite(out: string, options: Readonly<SiteLockOptions> = {}): Promise<SiteTransaction> {
  const resolved = path.resolve(out)
  await fs.mkdir(path.dirname(resolved), {recursive: true})
  let compromised: Error | undefined
  const release = await acquire(resolved, options, (error) => {
    compromised = error
  })
  try {
    await recover(resolved)
  } catch (error) {
    await release().catch(() => {})
    throw error
  }
  let staging: string | undefined
  let done = false
  const finish = async () => {
    done = true
    await release().catch(() => {})
  }
  const drop = async () => {
    if (staging) await fs.rm(staging, {recursive: true, force: true}).catch(() => {})
  }
  return {
    async stage() {
      if (done) throw new Error('The site transaction is already closed')
      if (!staging) {
        staging = sibling(resolved, 'staging', `${process.pid}-${randomBytes(4).toString('hex')}`)
        await cloneTree(resolved, staging)
      }
      return staging
    },
    async commit() {
      if (done) throw new Error('The site transaction is already closed')
      try {
        if (compromised) throw new SiteLockedError(`Unexpected loss of the lock on ${resolved} (${compromised.message}), expected to hold it to the end: nothing was published`)
        if (staging) await swap(resolved, staging)
      } catch (error) {
        await drop()
        await finish()
        throw error
      }
      await finish()
    },
    async abort() {
      if (done) return
      await drop()
      await finish()
    }
  }
}

/** Put `staging` in place of `out` with two renames, and remove the old site. */
async function swap(out: string, staging: string): Promise<void> {
  const old = sibling(out, 'old', `${process.pid}-${randomBytes(4).toString('hex')}`)
  let hadSite = true
  try {
    await fs.rename(out, old)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    hadSite = false
  }
  try {
    await fs.rename(staging, out)
  } catch (error) {
    // Put the site back before reporting: a failed swap publishes nothing.
    if (hadSite) await fs.rename(old, out)
    throw error
  }
  if (hadSite) await fs.rm(old, {recursive: true, force: true})
}

async function acquire(out: string, options: Readonly<SiteLockOptions>, onCompromised: (error: Error) => void): Promise<() => Promise<void>> {
  const wait = options.wait ?? 10 * 60 * 1000
  const deadline = Date.now() + wait
  let told = false
  for (;;) {
    try {
      return await lockfile.lock(out, {
        realpath: false,
        lockfilePath: sibling(out, 'lock'),
        stale: Math.max(options.stale ?? 10_000, 2000),
        update: 1000,
        retries: 0,
        onCompromised
      })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error
      if (Date.now() >= deadline) {
        throw new SiteLockedError(
          `Unexpected build already running on ${out} (lock ${sibling(out, 'lock')})${wait > 0 ? ` for ${Math.round(wait / 1000)} s` : ''}, expected one build at a time: run again when it is done`
        )
      }
      if (!told) options.onWait?.()
      told = true
      await sleep(Math.min(250, Math.max(0, deadline - Date.now())))
    }
  }
}

/**
 * Clean up after a killed build (the lock is held): put the old site back
 * if the kill fell between the two renames of `commit`, then remove
 * staging and old folders.
 */
async function recover(out: string): Promise<void> {
  const prefix = `.${path.basename(out)}.briefs-`
  const names = (await fs.readdir(path.dirname(out))).filter((name) => name.startsWith(`${prefix}staging-`) || name.startsWith(`${prefix}old-`))
  const olds = names.filter((name) => name.startsWith(`${prefix}old-`))
  if (olds.length > 0 && !(await exists(out))) {
    // The newest old site is the one the killed commit had just moved away.
    const stats = await Promise.all(olds.map(async (name) => ({name, mtime: (await fs.stat(path.join(path.dirname(out), name))).mtimeMs})))
    const newest = stats.sort((a, b) => b.mtime - a.mtime)[0]!.name
    await fs.rename(path.join(path.dirname(out), newest), out)
    names.splice(names.indexOf(newest), 1)
  }
  for (const name of names) await fs.rm(path.join(path.dirname(out), name), {recursive: true, force: true})
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file)
    return true
  } catch {
    return false
  }
}

/**
 * Copy the tree `from` to `to` as hard links (no byte is copied, size and
 * modification time stay, so the build cache still recognizes its files),
 * or as copies where links are refused. Symbolic links are copied as links;
 * temporary files of a killed writer are left behind.
 */
async function cloneTree(from: string, to: string): Promise<void> {
  let entries: fsSync.Dirent[]
  try {
    entries = await fs.readdir(from, {withFileTypes: true})
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      await fs.mkdir(to)
      return
    }
    throw error
  }
  await fs.mkdir(to)
  // Synchronous calls: thousands of small links would otherwise queue on libuv's pool.
  const stack: Array<{from: string; to: string; entries: fsSync.Dirent[]}> = [{from, to, entries}]
  for (let folder = stack.pop(); folder; folder = stack.pop()) {
    for (const entry of folder.entries) {
      const source = path.join(folder.from, entry.name)
      const target = path.join(folder.to, entry.name)
      if (entry.isDirectory()) {
        fsSync.mkdirSync(target)
        stack.push({from: source, to: target, entries: fsSync.readdirSync(source, {withFileTypes: true})})
      } else if (entry.isSymbolicLink()) {
        fsSync.symlinkSync(fsSync.readlinkSync(source), target)
      } else if (entry.isFile() && !isTemporaryFileName(entry.name)) {
        try {
          fsSync.linkSync(source, target)
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code
          if (code !== 'EPERM' && code !== 'EXDEV' && code !== 'ENOTSUP' && code !== 'EMLINK') throw error
          fsSync.copyFileSync(source, target)
        }
      }
    }
  }
}

/** Error codes of the machine rather than of the input or the code: a full disk, a read-only or forbidden folder. */
const diskErrors: Record<string, string> = {
  ENOSPC: 'full disk (ENOSPC)',
  EDQUOT: 'disk quota exceeded (EDQUOT)',
  EROFS: 'read-only file system (EROFS)',
  EACCES: 'permission denied (EACCES)',
  EPERM: 'operation not permitted (EPERM)',
  EIO: 'input/output error (EIO)',
  EMFILE: 'too many open files (EMFILE)',
  ENFILE: 'too many open files (ENFILE)',
  EBUSY: 'busy file or folder (EBUSY)',
  EXDEV: 'rename across file systems (EXDEV)',
  ENAMETOOLONG: 'file name too long (ENAMETOOLONG)',
  ENOTDIR: 'file where a folder is expected (ENOTDIR)',
  EISDIR: 'folder where a file is expected (EISDIR)'
}

/**
 * What to tell of an error writing the site when it comes from the
 * machine (a full disk, a read-only folder...); `undefined` for anything
 * else, which is a bug.
 */
export function diskProblem(error: unknown, where: string): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (typeof code !== 'string' || !Object.hasOwn(diskErrors, code)) return undefined
  const file = (error as NodeJS.ErrnoException).path
  return `Unexpected ${diskErrors[code]} writing ${file ? `\`${file}\`` : where}, expected to write the site: nothing was published, ${where} is as it was`
}
