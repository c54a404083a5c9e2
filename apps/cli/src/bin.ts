#!/usr/bin/env node
import process from 'node:process'
import {run} from './run.js'

// `briefs status | head -1`: once the reader has gone, output is dropped quietly (no EPIPE stack trace).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error
  })
}

process.exitCode = await run(process.argv.slice(2), {
  // pnpm runs scripts from the repository root; INIT_CWD is where the user was.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  color: process.stderr.isTTY === true && !process.env.NO_COLOR
})
