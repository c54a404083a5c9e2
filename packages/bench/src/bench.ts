#!/usr/bin/env node
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {generateCorpus} from './generate.js'
import {median, runner} from './measure.js'

const usage = `Usage: pnpm bench [-- --sizes 250,1000,4000] [--runs 3] [--out bench-results.json] [--workers N]

Generates a seeded synthetic corpus per size and measures, median of --runs:
the cold build, a rebuild with nothing changed, a rebuild after one French
sentence and one translation changed, the remark baseline (remark-parse →
remark-rehype → rehype-stringify), Eleventy 3.1.7, and the I/O floor; and the
build's peak RSS. Prints a table and writes JSON.`

/** One size's figures, as written to the JSON. */
export interface SizeResult {
  articles: number
  cold_s: number
  nochange_s: number
  onechange_s: number
  remark_s: number
  eleventy_s: number
  io_s: number
  peak_rss_mb: number
  cold_vs_remark: number
  cold_vs_eleventy: number
  nochange_vs_cold: number
  onechange_vs_cold: number
}

const {values} = parseArgs({
  options: {sizes: {type: 'string', default: '250,1000,4000'}, runs: {type: 'string', default: '3'}, out: {type: 'string'}, workers: {type: 'string'}, help: {type: 'boolean'}}
})
if (values.help) {
  process.stdout.write(`${usage}\n`)
  process.exit(0)
}
const sizes = values.sizes.split(',').map((value) => Number.parseInt(value, 10))
const runs = Number.parseInt(values.runs, 10)
if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`${usage}\n`)
  process.exit(2)
}
const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url))
const out = values.out ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out) : path.join(repositoryRoot, 'bench-results.json')
const buildOptions = (cacheDir: string) => JSON.stringify({cacheDir, ...(values.workers ? {workers: Number.parseInt(values.workers, 10)} : {})})

const results: SizeResult[] = []
for (const size of sizes) {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), `briefs-bench-${size}-`))
  try {
    const generated = Date.now()
    const {corpus} = await generateCorpus(work, size)
    process.stderr.write(`${size} articles generated in ${((Date.now() - generated) / 1000).toFixed(1)} s\n`)
    const site = path.join(work, 'site')
    const cache = path.join(work, 'cache')
    const samples: Record<'cold' | 'nochange' | 'onechange' | 'remark' | 'eleventy' | 'io', number[]> = {cold: [], nochange: [], onechange: [], remark: [], eleventy: [], io: []}
    let peak = 0
    for (let index = 0; index < runs; index++) {
      await fs.rm(site, {recursive: true, force: true})
      await fs.rm(cache, {recursive: true, force: true})
      const cold = await runner('build', [corpus, site, buildOptions(cache)])
      const nochange = await runner('build', [corpus, site, buildOptions(cache)])
      await changeOneSentenceAndOneTranslation(corpus, index)
      const onechange = await runner('build', [corpus, site, buildOptions(cache)])
      samples.cold.push(cold.seconds)
      samples.nochange.push(nochange.seconds)
      samples.onechange.push(onechange.seconds)
      peak = Math.max(peak, cold.peakRssMb, nochange.peakRssMb, onechange.peakRssMb)

      await fs.rm(path.join(work, 'remark'), {recursive: true, force: true})
      samples.remark.push((await runner('remark', [path.join(corpus, 'articles'), path.join(work, 'remark')])).seconds)
      await fs.rm(path.join(work, 'eleventy'), {recursive: true, force: true})
      samples.eleventy.push((await runner('eleventy', [path.join(corpus, 'articles'), path.join(work, 'eleventy')])).seconds)
      await fs.rm(path.join(work, 'io'), {recursive: true, force: true})
      samples.io.push((await runner('io', [corpus, site, path.join(work, 'io')])).seconds)
      const last = (key: keyof typeof samples) => samples[key].at(-1)!.toFixed(2)
      process.stderr.write(
        `${size} articles, run ${index + 1}/${runs}: cold ${last('cold')} s, no change ${last('nochange')} s, one change ${last('onechange')} s, remark ${last('remark')} s, eleventy ${last('eleventy')} s, io ${last('io')} s, peak ${Math.round(peak)} MB\n`
      )
    }
    const cold = median(samples.cold)
    const result: SizeResult = {
      articles: size,
      cold_s: round(cold),
      nochange_s: round(median(samples.nochange)),
      onechange_s: round(median(samples.onechange)),
      remark_s: round(median(samples.remark)),
      eleventy_s: round(median(samples.eleventy)),
      io_s: round(median(samples.io)),
      peak_rss_mb: Math.round(peak),
      cold_vs_remark: round(cold / median(samples.remark)),
      cold_vs_eleventy: round(cold / median(samples.eleventy)),
      nochange_vs_cold: round(median(samples.nochange) / cold),
      onechange_vs_cold: round(median(samples.onechange) / cold)
    }
    results.push(result)
  } finally {
    await fs.rm(work, {recursive: true, force: true})
  }
}

const report = {
  machine: {cpus: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.arch()}`},
  runs,
  sizes: results
}
await fs.writeFile(out, `${JSON.stringify(report, null, 2)}\n`)
printTable(results)
process.stdout.write(`\nWritten to ${path.relative(process.env.INIT_CWD ?? process.cwd(), out) || out}\n`)

/** Edit one French sentence of one article and one translation of another, as a day's fix would. */
async function changeOneSentenceAndOneTranslation(corpus: string, run: number): Promise<void> {
  const articles = (await fs.readdir(path.join(corpus, 'articles'))).sort()
  const french = path.join(corpus, 'articles', articles[run % articles.length]!)
  const text = await fs.readFile(french, 'utf8')
  await fs.writeFile(french, text.replace(/ personnes /, ` personnes environ `))
  const other = articles[(run + Math.floor(articles.length / 2)) % articles.length]!.replace(/\.md$/, '.json')
  const resource = path.join(corpus, 'locales', 'en', other)
  const entries = JSON.parse(await fs.readFile(resource, 'utf8')) as Record<string, string>
  const key = Object.keys(entries)[1]!
  entries[key] = `${entries[key]!.slice(0, -1)} indeed.`
  await fs.writeFile(resource, `${JSON.stringify(entries, null, 2)}\n`)
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

function printTable(rows: SizeResult[]): void {
  const columns: Array<[string, (row: SizeResult) => string]> = [
    ['articles', (row) => String(row.articles)],
    ['cold s', (row) => row.cold_s.toFixed(2)],
    ['no change s', (row) => `${row.nochange_s.toFixed(2)} (${(row.nochange_vs_cold * 100).toFixed(1)} %)`],
    ['one change s', (row) => `${row.onechange_s.toFixed(2)} (${(row.onechange_vs_cold * 100).toFixed(1)} %)`],
    ['remark s', (row) => row.remark_s.toFixed(2)],
    ['eleventy s', (row) => row.eleventy_s.toFixed(2)],
    ['io s', (row) => row.io_s.toFixed(2)],
    ['peak RSS MB', (row) => String(row.peak_rss_mb)],
    ['cold/remark', (row) => `${row.cold_vs_remark.toFixed(2)}×`],
    ['cold/eleventy', (row) => `${row.cold_vs_eleventy.toFixed(2)}×`]
  ]
  const cells = [columns.map(([title]) => title), ...rows.map((row) => columns.map(([, cell]) => cell(row)))]
  const widths = columns.map((_, index) => Math.max(...cells.map((line) => line[index]!.length)))
  for (const line of cells) process.stdout.write(`${line.map((cell, index) => cell.padStart(widths[index]!)).join('  ')}\n`)
}
