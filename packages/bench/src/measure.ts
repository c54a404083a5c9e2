import {execFile} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import type {RunnerResult} from './runners/report.js'

const run = promisify(execFile)

/** Run `runners/<name>.js` in a fresh Node process and read its result line; an exit code not in `accepted` fails the bench. */
export async function runner(name: 'cli' | 'remark' | 'eleventy' | 'eleventy6' | 'io', args: string[], accepted: readonly number[] = [0]): Promise<RunnerResult> {
  const script = fileURLToPath(new URL(`./runners/${name}.js`, import.meta.url))
  let stdout: string
  try {
    ;({stdout} = await run(process.execPath, [script, ...args], {maxBuffer: 64 * 1024 * 1024, env: {...process.env, NODE_ENV: 'production'}}))
  } catch (error) {
    const {stderr, message} = error as {stderr?: string; message: string}
    throw new Error(`The ${name} runner failed (${args.join(' ')}): ${stderr?.trim() || message}`)
  }
  const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as RunnerResult
  if (!accepted.includes(result.exitCode)) throw new Error(`The ${name} runner exited with ${result.exitCode} (${args.join(' ')})`)
  return result
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
