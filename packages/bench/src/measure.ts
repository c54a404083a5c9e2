import {execFile} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import type {RunnerResult} from './runners/report.js'

const run = promisify(execFile)

/** Run `runners/<name>.js` in a fresh Node process and read its result line. */
export async function runner(name: 'build' | 'remark' | 'eleventy' | 'io', args: string[]): Promise<RunnerResult> {
  const script = fileURLToPath(new URL(`./runners/${name}.js`, import.meta.url))
  try {
    const {stdout} = await run(process.execPath, [script, ...args], {maxBuffer: 64 * 1024 * 1024, env: {...process.env, NODE_ENV: 'production'}})
    const last = stdout.trim().split('\n').at(-1) ?? ''
    return JSON.parse(last) as RunnerResult
  } catch (error) {
    const {stderr, message} = error as {stderr?: string; message: string}
    throw new Error(`The ${name} runner failed: ${stderr?.trim() || message}`)
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
