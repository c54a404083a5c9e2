import {execFile} from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {promisify} from 'node:util'
import {fileURLToPath} from 'node:url'

export const repositoryCorpus = fileURLToPath(new URL('../../../corpus/', import.meta.url))
export const georgia = '2022-09-la-georgie-et-le-kazakhstan-deux-pays'
export const mobilisation = '2022-10-plus-de-200-000-citoyens-russes-ont-ete'

/** A copy of the shipped corpus in a temp dir; returns the corpus folder. */
export async function copyCorpus(parent?: string): Promise<string> {
  const directory = parent ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'briefs-review-')))
  const corpus = path.join(directory, 'corpus')
  await fs.cp(repositoryCorpus, corpus, {recursive: true})
  return corpus
}

const run = promisify(execFile)
const identity = {GIT_AUTHOR_NAME: 'Test Desk', GIT_AUTHOR_EMAIL: 'desk@example.org', GIT_COMMITTER_NAME: 'Test Desk', GIT_COMMITTER_EMAIL: 'desk@example.org'}

/** Run git in `cwd` with a fixed identity, no user or system config. */
export async function git(cwd: string, ...args: string[]): Promise<string> {
  const {stdout} = await run('git', args, {cwd, env: {...process.env, ...identity, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null'}})
  return stdout
}

/** A real git repository in a temp dir holding a copy of the corpus, committed on `main`. */
export async function repositoryWithCorpus(): Promise<{root: string; corpus: string}> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'briefs-git-'))
  await git(root, 'init', '--quiet', '--initial-branch=main')
  const corpus = await copyCorpus(root)
  await git(root, 'add', '-A')
  await git(root, 'commit', '--quiet', '-m', 'Corpus')
  return {root, corpus}
}

export async function editJson(file: string, edit: (value: Record<string, string>) => void): Promise<void> {
  const value = JSON.parse(await fs.readFile(file, 'utf8'))
  edit(value)
  await fs.writeFile(file, `${JSON.stringify(value, null, 2)}\n`)
}

export async function editText(file: string, from: string, to: string): Promise<void> {
  const text = await fs.readFile(file, 'utf8')
  if (!text.includes(from)) throw new Error(`No ${JSON.stringify(from)} in ${file}`)
  await fs.writeFile(file, text.replace(from, to))
}
