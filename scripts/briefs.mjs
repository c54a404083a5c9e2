#!/usr/bin/env node
// `pnpm briefs …`: bring the CLI up to date through turbo (cached, silent
// unless it fails), then run it. Its stdout stays clean for `--json`.
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import path from 'node:path'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const turbo = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@briefs/cli', '--output-logs=errors-only'], {
  cwd: root,
  encoding: 'utf8',
  env: {...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1'}
})
if (turbo.status !== 0) {
  process.stderr.write(turbo.stdout + turbo.stderr)
  process.exit(turbo.status ?? 1)
}
await import(path.join(root, 'apps/cli/dist/bin.js'))
