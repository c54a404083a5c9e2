import {execFile, spawn} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'

const run = promisify(execFile)

/** git cannot answer: not installed, or the folder is not in a repository. */
export class GitError extends Error {
  override name = 'GitError'
}

/** A git revision that does not name a commit. */
export class RevisionError extends GitError {
  override name = 'RevisionError'
}

/** The full commit ID of `rev` in `repository`. */
export async function resolveRevision(repository: string, rev: string): Promise<string> {
  try {
    const {stdout} = await run('git', ['-C', repository, 'rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])
    return stdout.trim()
  } catch {
    throw new RevisionError(`Unexpected revision \`${rev}\`, expected a commit of ${repository} (a branch, tag or commit ID)`)
  }
}

/** The repository's top folder, and `folder`'s path inside it. */
export async function repositoryOf(folder: string): Promise<{root: string; relative: string}> {
  let stdout: string
  try {
    ;({stdout} = await run('git', ['-C', folder, 'rev-parse', '--show-toplevel']))
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & {stderr?: string}
    if (failure.code === 'ENOENT') throw new GitError('Unexpected missing `git` command, expected git installed and on the PATH (the report compares revisions from git)')
    throw new GitError(
      `Unexpected folder outside a git repository (${folder}), expected the corpus in a git working tree: run from a clone, or \`git init\` and commit the corpus` +
        (failure.stderr?.trim() && !/not a git repository/i.test(failure.stderr) ? ` (git: ${failure.stderr.trim().split('\n')[0]})` : '')
    )
  }
  const root = await fs.realpath(stdout.trim())
  const relative = path.relative(root, await fs.realpath(folder)).split(path.sep).join('/')
  return {root, relative}
}

/**
 * Check out `folder` (a path inside the repository) as it is at `commit`
 * into a new temporary directory (`directory`, for the caller to remove),
 * with `git archive | tar`. `path` is the folder in it, missing when the
 * folder did not exist then.
 */
export async function folderAtRevision(root: string, commit: string, folder: string): Promise<{directory: string; path: string}> {
  const target = await fs.mkdtemp(path.join(os.tmpdir(), 'briefs-rev-'))
  const result = {directory: target, path: path.join(target, folder)}
  const {stdout} = await run('git', ['-C', root, 'ls-tree', '--name-only', commit, '--', folder || '.'])
  if (stdout.trim() !== '') await checkoutFiles(root, commit, [folder || '.'], target)
  return result
}

/** The files of `folder` (a path in the repository, `''` for all) that differ between two commits, as paths in the repository. */
export async function changedPaths(root: string, base: string, head: string, folder: string): Promise<string[]> {
  const {stdout} = await run('git', ['-C', root, 'diff', '--name-only', '-z', '--no-renames', base, head, '--', folder || '.'], {maxBuffer: 256 * 1024 * 1024})
  return stdout.split('\0').filter(Boolean)
}

/** Every file of `folder` at `commit` (a path in the repository) with its blob ID, without reading any. */
export async function filesAtRevision(root: string, commit: string, folder: string): Promise<Map<string, {blob: string; mode: string}>> {
  const {stdout} = await run('git', ['-C', root, 'ls-tree', '-r', '-z', '--full-tree', commit, '--', folder || '.'], {maxBuffer: 256 * 1024 * 1024})
  const files = new Map<string, {blob: string; mode: string}>()
  for (const entry of stdout.split('\0')) {
    // `<mode> <type> <blob>\t<path>`
    const match = /^(\d+) blob ([0-9a-f]+)\t(.*)$/s.exec(entry)
    if (match) files.set(match[3]!, {blob: match[2]!, mode: match[1]!})
  }
  return files
}

/** Write `paths` (files of the repository) as they are at `commit` into `target`, with `git archive | tar`, a few hundred at a time. */
export async function checkoutFiles(root: string, commit: string, paths: readonly string[], target: string): Promise<void> {
  for (let start = 0; start < paths.length; start += 500) {
    const part = paths.slice(start, start + 500)
    await new Promise<void>((resolve, reject) => {
      const archive = spawn('git', ['-C', root, 'archive', '--format=tar', commit, '--', ...part], {stdio: ['ignore', 'pipe', 'pipe']})
      const extract = spawn('tar', ['-x', '-C', target], {stdio: ['pipe', 'ignore', 'pipe']})
      let errors = ''
      archive.stderr.on('data', (chunk) => (errors += chunk))
      extract.stderr.on('data', (chunk) => (errors += chunk))
      archive.stdout.pipe(extract.stdin)
      let pending = 2
      const done = (code: number | null) => {
        if (code !== 0) reject(new Error(`Cannot read files at ${commit.slice(0, 12)}: ${errors.trim() || `exit ${code}`}`))
        else if (--pending === 0) resolve()
      }
      archive.on('close', done)
      extract.on('close', done)
      archive.on('error', reject)
      extract.on('error', reject)
    })
  }
}

/** The bytes of a blob, as text. */
export async function readBlob(root: string, blob: string): Promise<string> {
  const {stdout} = await run('git', ['-C', root, 'cat-file', 'blob', blob], {maxBuffer: 256 * 1024 * 1024})
  return stdout
}
