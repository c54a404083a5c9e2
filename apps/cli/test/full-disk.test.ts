// Issue 12: a full disk ended in exit 70, a stack trace and half-written pages in site/. On a real
// file system that fills up (a 2 MiB tmpfs) and one remounted read-only, a build now fails with a
// clear message and exit 1, and the site stays as it was. Mounting needs root (CI runs as root):
// elsewhere the suite is skipped, saying why; with CI set, it fails instead.
import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {briefs, snapshot, workspace} from './helpers.js'

const run = promisify(execFile)
const mobilisation = '2022-10-plus-de-200-000-citoyens-russes-ont-ete'

/** Mount a tmpfs of `size` at `where`; the reason it cannot be done, or `undefined` when done. */
async function mountTmpfs(where: string, size: string): Promise<string | undefined> {
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root'
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', where])
    return undefined
  } catch (error) {
    return `mount refused: ${(error as {stderr?: string}).stderr?.trim() ?? String(error)}`
  }
}

const probe = await workspace({corpus: 'empty'})
await fs.mkdir(path.join(probe, 'mnt'))
const unavailable = await mountTmpfs(path.join(probe, 'mnt'), '64k')
if (unavailable === undefined) await run('umount', [path.join(probe, 'mnt')])
if (unavailable && process.env.CI) throw new Error(`The full-disk tests need a tmpfs mount in CI, and ${unavailable}`)

describe.skipIf(unavailable !== undefined)(`a build on a disk that refuses to write${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let cwd: string
  let mount: string

  beforeAll(async () => {
    cwd = await workspace()
    mount = path.join(cwd, 'mnt')
    await fs.mkdir(mount)
    expect(await mountTmpfs(mount, '2m')).toBeUndefined()
  })

  afterAll(async () => {
    await run('mount', ['-o', 'remount,rw', mount]).catch(() => {})
    await run('umount', [mount]).catch(() => {})
  })

  /** Fill the file system: write until it refuses. */
  async function fill(): Promise<string> {
    const filler = path.join(mount, 'filler')
    const handle = await fs.open(filler, 'w')
    const chunk = Buffer.alloc(4096, 0x61)
    try {
      for (;;) await handle.write(chunk)
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC')
    } finally {
      await handle.close()
    }
    return filler
  }

  it('fails with ENOSPC named, exit 1, the site as it was and nothing left behind; builds once there is room', async () => {
    expect((await briefs(cwd, 'build', '--out', 'mnt/site')).code).toBe(0)
    const site = await snapshot(path.join(mount, 'site'))
    const filler = await fill()
    const english = path.join(cwd, 'corpus/locales/en', `${mobilisation}.json`)
    await fs.writeFile(english, (await fs.readFile(english, 'utf8')).replace('Russian Defense', 'The Russian Defense'))

    const result = await briefs(cwd, 'build', '--out', 'mnt/site')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/error\s+Unexpected full disk \(ENOSPC\) writing `.+`, expected to write the site: nothing was published/)
    expect(result.stderr).toContain('briefs: Build failed: fix the errors above; mnt/site/ was left as it was')
    expect(result.stderr).not.toContain('internal error')
    expect(await snapshot(path.join(mount, 'site'))).toEqual(site)
    expect((await fs.readdir(mount)).sort()).toEqual(['filler', 'site'])

    await fs.rm(filler)
    expect((await briefs(cwd, 'build', '--out', 'mnt/site')).code).toBe(0)
    expect(await fs.readFile(path.join(mount, 'site', mobilisation, 'fr-en.md'), 'utf8')).toContain('The Russian Defense')
  })

  it('fails with EROFS named on a read-only file system, exit 1, the site as it was', async () => {
    const site = await snapshot(path.join(mount, 'site'))
    const english = path.join(cwd, 'corpus/locales/en', `${mobilisation}.json`)
    await fs.writeFile(english, (await fs.readFile(english, 'utf8')).replace('The Russian Defense', 'Russia’s Defense'))
    await run('mount', ['-o', 'remount,ro', mount])
    try {
      const result = await briefs(cwd, 'build', '--out', 'mnt/site')
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/Unexpected read-only file system \(EROFS\) writing `.+`, expected to write the site: nothing was published/)
      expect(await snapshot(path.join(mount, 'site'))).toEqual(site)
    } finally {
      await run('mount', ['-o', 'remount,rw', mount])
    }
    expect((await fs.readdir(mount)).sort()).toEqual(['site'])
  })
})
