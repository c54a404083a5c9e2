import {performance} from 'node:perf_hooks'

/** What a runner process prints on its last line: the time of its work and the peak memory of the whole process. */
export interface RunnerResult {
  seconds: number
  peakRssMb: number
}

const processStarted = performance.now()

/** Print the result; the time counts from process start (imports included) unless told otherwise. */
export function finish(since = processStarted): void {
  const result: RunnerResult = {seconds: (performance.now() - since) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024}
  process.stdout.write(`${JSON.stringify(result)}\n`)
}
