// A `briefs` command as a desk runs it: node cli.js <cwd> <command> [options...]
// Its output is dropped (the figures are about the work, not the terminal); its exit code is reported.
import {Writable} from 'node:stream'
import {finish} from './report.js'

interface Context {
  cwd: string
  stdout: Writable
  stderr: Writable
  color: boolean
}

const [cwd, ...argv] = process.argv.slice(2)
// The CLI ships no type declarations: import it by a specifier TypeScript does not resolve.
const specifier = '@briefs/cli'
const {run} = (await import(specifier)) as {run(argv: string[], context: Context): Promise<number>}
const discard = () => new Writable({write: (_chunk, _encoding, done) => done()})
const exitCode = await run(argv, {cwd: cwd!, stdout: discard(), stderr: discard(), color: false})
finish(undefined, exitCode)
