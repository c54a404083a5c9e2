import {performance} from 'node:perf_hooks'

/** What a runner process prints on its last line: the time of its work, the peak memory of the whole process (worker threads included), its exit code. */
export interface RunnerResult {
  seconds: number
  peakRssMb: number
  exitCode: number
}

/** Print the result; the time counts from process start (Node's start-up and imports included) unless told otherwise. */
export function finish(since = 0, exitCode = 0): void {
  const result: RunnerResult = {seconds: (performance.now() - since) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024, exitCode}
  process.stdout.write(`${JSON.stringify(result)}\n`)
}
