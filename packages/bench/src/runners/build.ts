// The briefs build, as `briefs build` runs it: node build.js <corpus> <out> [options JSON]
import {finish} from './report.js'

const [corpus, out, options] = process.argv.slice(2)
const {buildBriefs} = await import('@briefs/publisher')
const result = await buildBriefs({corpus: corpus!, out: out!, ...(options ? JSON.parse(options) : {})})
if (result.failed) {
  process.stderr.write(`${result.files.flatMap((file) => file.messages.map(String)).join('\n')}\n`)
  process.exit(1)
}
finish()
