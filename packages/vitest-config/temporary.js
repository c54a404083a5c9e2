import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * vitest global setup: the tests' temporary files go into one folder of
 * this run (`TMPDIR`, which `os.tmpdir()` reads, inherited by the test
 * workers and by the commands the tests run), removed when the run ends.
 * Tests make thousands of temporary corpora and repositories; a test that
 * fails keeps its files only until the end of the run.
 */
export default function setup() {
  const previous = process.env.TMPDIR
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'briefs-test-run-'))
  process.env.TMPDIR = folder
  return () => {
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
    if (process.env.KEEP_TMP) return
    fs.rmSync(folder, {recursive: true, force: true})
  }
}
