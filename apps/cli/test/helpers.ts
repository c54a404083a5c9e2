import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {Writable} from 'node:stream'
import {fileURLToPath} from 'node:url'
import {run} from '../src/index.js'

export const repositoryCorpus = fileURLToPath(new URL('../../../corpus/', import.meta.url))

/** A scratch repository: a copy of the real corpus (or an empty one) in a temp dir. */
export async function workspace(options: {corpus: 'copy' | 'empty'} = {corpus: 'copy'}): Promise<string> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'briefs-cli-'))
  if (options.corpus === 'copy') await fs.cp(repositoryCorpus, path.join(directory, 'corpus'), {recursive: true})
  else await fs.mkdir(path.join(directory, 'corpus', 'articles'), {recursive: true})
  return directory
}

/** Run the CLI in-process from `cwd`, capturing its output. */
export async function briefs(cwd: string, ...argv: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = ''
  let stderr = ''
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _, callback) {
        append(String(chunk))
        callback()
      }
    })
  const code = await run(argv, {cwd, color: false, stdout: sink((text) => (stdout += text)), stderr: sink((text) => (stderr += text))})
  return {code, stdout, stderr}
}

/** Every file below `directory` with its content: to prove a refused command wrote nothing. */
export async function snapshot(directory: string): Promise<Record<string, string>> {
  const entries = await fs.readdir(directory, {recursive: true, withFileTypes: true})
  const files: Record<string, string> = {}
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    files[path.relative(directory, full)] = await fs.readFile(full, 'utf8')
  }
  return files
}

// An article as the wire delivers it, in the raw format of the seeds.
export const wireArticle =
  ' date 2022-09 La Géorgie et le Kazakhstan, deux pays voisins de la Russie, ont confirmé ce mardi une forte hausse des arrivées de Russes depuis la mobilisation décrétée le 21 septembre par le président Vladimir Poutine.\n\n' +
  '"Ces derniers jours, beaucoup de gens viennent chez nous de Russie. La plupart sont obligés de partir à cause d\'une situation sans issue", a déclaré M. Tokaïev. "Nous devons nous occuper d\'eux, assurer leur sécurité", a-t-il ajouté.\n'
