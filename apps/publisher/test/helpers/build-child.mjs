// A build in a process of its own, for the tests that kill builds or run two at once:
// node build-child.mjs <corpus> <out> [<cacheDir>]. Exit 0 built, 1 failed (messages on stderr).
import {buildBriefs} from '../../dist/index.js'

const [corpus, out, cacheDir] = process.argv.slice(2)
// A lock left by a killed build is taken over after 2 s (the least proper-lockfile allows), to keep the test short.
const result = await buildBriefs({corpus, out, cacheDir, workers: 1, lock: {stale: 2000}})
for (const file of result.files) for (const message of file.messages) if (message.fatal) process.stderr.write(`${file.path}: ${message.reason}\n`)
process.exitCode = result.failed ? 1 : 0
