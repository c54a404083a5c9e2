import {randomBytes} from 'node:crypto'
import fsSync from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import {writeFileAtomic} from '@briefs/corpus/files'
import lockfile from 'proper-lockfile'

/**
 * A build's hold on its site folder: the lock that keeps other builds out,
 * and a staging folder beside the site where everything new is written.
 * Nothing touches the site itself until `commit`:
 *
 * - into a site that does not exist yet, the staging folder is renamed to
 *   it (one rename);
 * - into an existing site, each new entry (an article's folder, an index)
 *   replaces the site's, and each entry to remove goes: a journal listing
 *   them is written first (flushed), then the renames are done, then the
 *   journal is removed. A build killed during those renames leaves the
 *   journal, and the next build (or anything opening the site) completes
 *   them before anything else: a commit is never half done for longer.
 *
 * `abort` drops the staging folder: the site is as it was. A build killed
 * before its commit leaves the site as it was; its leftovers are cleaned up
 * by the next build. The work is what changed, not the size of the site: a
 * day's fix renames a few folders.
 */
export interface SiteTransaction {
  /** The site as it is (read to compare with, never written before `commit`). */
  readonly out: string
  /** The folder to write in: its entries named by `put` replace the site's at `commit`. */
  readonly staging: string
  /** `staging/<name>` (a file or a folder, written by the caller) replaces `out/<name>` at commit. */
  put(name: string): void
  /** `out/<name>` (a file or folder) is removed at commit. */
  remove(name: string): void
  /** Whether anything is to be put or removed. */
  readonly changed: boolean
  /** Apply the changes to the site (when there are some: else the site needed none), then release the lock. */
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

/** Names the build gives its own things beside `out`: `.<out>.briefs-lock`, `-staging-…`, `-old-…`, `-journal`. */
function sibling(out: string, kind: 'lock' | 'staging' | 'old' | 'journal', unique?: string): string {
  return path.join(path.dirname(out), `.${path.basename(out)}.briefs-${kind}${unique ? `-${unique}` : ''}`)
}

/** A temporary file of `writeFileAtomic` (`.<name>.<pid>.<hex>.tmp`): left only by a killed writer. */
export function isTemporaryFileName(name: string): boolean {
  return /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/.test(name)
}

/** What a commit does, written before it starts so that a killed one is completed. */
interface Journal {
  /** Folder names beside `out`. */
  staging: string
  old: string
  puts: string[]
  removes: string[]
}

/**
 * Lock the site folder `out` (waiting for another build if asked to),
 * complete a commit a killed build left, clean up what it left, and make
 * a staging folder to write in.
 */
export async function openSite(out: string, options: Readonly<SiteLockOptions> = {}): Promise<SiteTransaction> {
  const resolved = path.resolve(out)
  await fs.mkdir(path.dirname(resolved), {recursive: true})
  let compromised: Error | undefined
  const release = await acquire(resolved, options, (error) => {
    compromised = error
  })
  const unique = `${process.pid}-${randomBytes(4).toString('hex')}`
  const staging = sibling(resolved, 'staging', unique)
  try {
    await recover(resolved)
    await fs.mkdir(staging)
  } catch (error) {
    await release().catch(() => {})
    throw error
  }
  const puts = new Set<string>()
  const removes = new Set<string>()
  let done = false
  const finish = async () => {
    done = true
    await release().catch(() => {})
  }
  const drop = () => fs.rm(staging, {recursive: true, force: true}).catch(() => {})
  return {
    out: resolved,
    staging,
    put(name) {
      puts.add(name)
    },
    remove(name) {
      removes.add(name)
    },
    get changed() {
      return puts.size > 0 || removes.size > 0
    },
    async commit() {
      if (done) throw new Error('The site transaction is already closed')
      try {
        if (compromised) throw new SiteLockedError(`Unexpected loss of the lock on ${resolved} (${compromised.message}), expected to hold it to the end: nothing was published`)
        if (puts.size > 0 || removes.size > 0) {
          if (!(await exists(resolved))) {
            // No site yet: the staging folder holds all of it.
            await fs.rename(staging, resolved)
          } else {
            const journal: Journal = {staging: path.basename(staging), old: path.basename(sibling(resolved, 'old', unique)), puts: [...puts], removes: [...removes].filter((name) => !puts.has(name))}
            await writeFileAtomic(sibling(resolved, 'journal'), `${JSON.stringify(journal)}\n`)
            await apply(resolved, journal)
            await fs.rm(sibling(resolved, 'journal'))
          }
        }
      } catch (error) {
        // Only a failure before the journal gets here with the site untouched; after it, the next build completes the commit.
        if (!(await exists(sibling(resolved, 'journal')))) await drop()
        await finish()
        throw error
      }
      await drop()
      await fs.rm(sibling(resolved, 'old', unique), {recursive: true, force: true})
      await finish()
    },
    async abort() {
      if (done) return
      await drop()
      await finish()
    }
  }
}

/**
 * Do what a journal says, as far as it is not done already: each staged
 * entry replaces the site's (a folder moves the site's aside first: a
 * rename cannot replace a folder that holds files), each entry to remove
 * moves aside. Run again on the same journal, it completes the rest.
 */
async function apply(out: string, journal: Journal): Promise<void> {
  const parent = path.dirname(out)
  const staging = path.join(parent, journal.staging)
  const old = path.join(parent, journal.old)
  // Synchronous: a commit is a burst of renames, each one quick.
  const moveAside = (name: string) => {
    const target = path.join(out, name)
    if (!fsSync.existsSync(target) && !isLink(target)) return
    const aside = path.join(old, name)
    fsSync.mkdirSync(path.dirname(aside), {recursive: true})
    fsSync.renameSync(target, aside)
  }
  for (const name of journal.puts) {
    const from = path.join(staging, name)
    let stat
    try {
      stat = fsSync.lstatSync(from)
    } catch {
      // Done already.
      continue
    }
    const to = path.join(out, name)
    if (stat.isDirectory()) moveAside(name)
    else fsSync.mkdirSync(path.dirname(to), {recursive: true})
    fsSync.renameSync(from, to)
  }
  for (const name of journal.removes) moveAside(name)
}

function isLink(file: string): boolean {
  try {
    return fsSync.lstatSync(file).isSymbolicLink()
  } catch {
    return false
  }
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
 * Clean up after a killed build (the lock is held): complete a commit it
 * left half done (its journal), put back a site an earlier version of
 * briefs had moved aside when killed between the two renames of its swap,
 * then remove staging and old folders and the temporary files a killed
 * writer left at the top of the site.
 */
async function recover(out: string): Promise<void> {
  const parent = path.dirname(out)
  const journalFile = sibling(out, 'journal')
  try {
    const journal = JSON.parse(await fs.readFile(journalFile, 'utf8')) as Journal
    await apply(out, journal)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    // No journal: no commit was under way. A journal cut short was never acted upon (it is written before the first rename).
    if (code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error
  }
  await fs.rm(journalFile, {force: true})
  for (const name of (await fs.readdir(parent)).filter((each) => each.startsWith(`.${path.basename(journalFile)}.`) && isTemporaryFileName(each))) {
    await fs.rm(path.join(parent, name), {force: true})
  }
  const prefix = `.${path.basename(out)}.briefs-`
  const names = (await fs.readdir(parent)).filter((name) => name.startsWith(`${prefix}staging-`) || name.startsWith(`${prefix}old-`))
  const olds = names.filter((name) => name.startsWith(`${prefix}old-`))
  if (olds.length > 0 && !(await exists(out))) {
    // The newest old site is the one the killed swap had just moved away.
    const stats = await Promise.all(olds.map(async (name) => ({name, mtime: (await fs.stat(path.join(parent, name))).mtimeMs})))
    const newest = stats.sort((a, b) => b.mtime - a.mtime)[0]!.name
    await fs.rename(path.join(parent, newest), out)
    names.splice(names.indexOf(newest), 1)
  }
  for (const name of names) await fs.rm(path.join(parent, name), {recursive: true, force: true})
  try {
    for (const name of await fs.readdir(out)) if (isTemporaryFileName(name)) await fs.rm(path.join(out, name), {force: true})
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file)
    return true
  } catch {
    return false
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
