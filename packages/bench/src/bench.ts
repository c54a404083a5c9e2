#!/usr/bin/env node
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {generateCorpus} from './generate.js'
import {median, runner} from './measure.js'
import {makeRepository} from './repository.js'
import type {RunnerResult} from './runners/report.js'

const usage = `Usage: pnpm bench [-- --sizes 250,1000,4000] [--runs 3] [--out bench-results.json] [--workers N] [--only build,io,...]

Generates a seeded synthetic corpus per size, in a git repository with a
branch that changes 10 articles, and measures, median of --runs, every
command a desk runs: the cold build, a rebuild with nothing changed, a
rebuild after one French sentence and one translation changed, check,
status, sync --check, review-report of the branch; and the baselines:
remark, Eleventy 3.1.7 (one page per article, and the same six pages per
article as the build), the I/O floor. With the peak RSS of each. Prints a
table and writes JSON. --only measures some of them (build: the three
builds; check, status, sync, report; remark, eleventy, eleventy6, io).`

/** What is measured, each in a fresh process. */
const commands = ['cold', 'nochange', 'onechange', 'check', 'status', 'sync_check', 'report', 'remark', 'eleventy', 'eleventy6', 'io'] as const
type Command = (typeof commands)[number]
/** Measured once per size, before any cache of theirs exists. */
const firstRuns = ['check_cold', 'status_cold', 'sync_check_cold'] as const
type FirstRun = (typeof firstRuns)[number]

/** One size's figures, as written to the JSON. */
export type SizeResult = {articles: number; site_mb: number; eleventy6_mb: number} & {[C in Command | FirstRun as `${C}_s`]: number} & {[C in Command | FirstRun as `${C}_rss_mb`]: number} & {
  peak_rss_mb: number
  cold_vs_remark: number
  cold_vs_eleventy: number
  cold_vs_eleventy6: number
  cold_vs_io: number
  nochange_vs_cold: number
  onechange_vs_cold: number
  check_vs_cold: number
  status_vs_cold: number
  sync_check_vs_cold: number
}

const {values} = parseArgs({
  options: {sizes: {type: 'string', default: '250,1000,4000'}, runs: {type: 'string', default: '3'}, out: {type: 'string'}, workers: {type: 'string'}, only: {type: 'string'}, help: {type: 'boolean'}}
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
const workers = values.workers ? ['--workers', values.workers] : []
const only = values.only ? new Set(values.only.split(',')) : undefined
/** Whether a group of figures is measured in this run. */
const measured = (group: string) => only === undefined || only.has(group)
const started = Date.now()
const log = (line: string) => process.stderr.write(`[${Math.round((Date.now() - started) / 1000)} s] ${line}\n`)

const results: SizeResult[] = []
for (const size of sizes) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `briefs-bench-${size}-`))
  try {
    const generated = Date.now()
    const {corpus} = generateCorpus(work, size)
    makeRepository(work, size)
    log(`${size} articles generated and committed in ${((Date.now() - generated) / 1000).toFixed(1)} s`)
    const site = path.join(work, 'site')
    const siteCache = path.join(work, 'node_modules', '.cache', 'briefs', 'site')
    const cli = (...args: string[]) => runner('cli', [work, ...args, '--corpus', corpus], args[0] === 'check' || args[0] === 'sync' ? [0, 1] : [0])
    const samples = Object.fromEntries([...commands, ...firstRuns].map((name) => [name, [] as RunnerResult[]])) as Record<Command | FirstRun, RunnerResult[]>
    for (let index = 0; index < runs; index++) {
      fs.rmSync(site, {recursive: true, force: true})
      fs.rmSync(siteCache, {recursive: true, force: true})
      // The site the I/O floor writes, and the commands read: a cold build's.
      samples.cold.push(await cli('build', ...workers))
      if (measured('build')) samples.nochange.push(await cli('build', ...workers))
      if (index === 0) {
        // The desk's other commands the first time, before they have a cache of their own.
        if (measured('check')) samples.check_cold.push(await cli('check'))
        if (measured('status')) samples.status_cold.push(await cli('status'))
        if (measured('sync')) samples.sync_check_cold.push(await cli('sync', '--check'))
      }
      // A day's fix: one French sentence (its segment map synced, as the desk does) and one translation.
      changeOneSentenceAndOneTranslation(corpus, index)
      await cli('sync')
      if (measured('build')) samples.onechange.push(await cli('build', ...workers))
      if (measured('check')) samples.check.push(await cli('check'))
      if (measured('status')) samples.status.push(await cli('status'))
      if (measured('sync')) samples.sync_check.push(await cli('sync', '--check'))
      if (measured('report')) samples.report.push(await cli('review-report', '--base', 'main', '--head', 'desk'))

      if (measured('remark')) {
        fs.rmSync(path.join(work, 'remark'), {recursive: true, force: true})
        samples.remark.push(await runner('remark', [path.join(corpus, 'articles'), path.join(work, 'remark')]))
      }
      if (measured('eleventy')) {
        fs.rmSync(path.join(work, 'eleventy'), {recursive: true, force: true})
        samples.eleventy.push(await runner('eleventy', [path.join(corpus, 'articles'), path.join(work, 'eleventy')]))
      }
      if (measured('eleventy6')) {
        fs.rmSync(path.join(work, 'eleventy6'), {recursive: true, force: true})
        samples.eleventy6.push(await runner('eleventy6', [corpus, path.join(work, 'eleventy6-input'), path.join(work, 'eleventy6')]))
      }
      if (measured('io')) {
        const outputs = path.join(work, 'outputs.json')
        fs.writeFileSync(outputs, JSON.stringify(listFiles(site).map(({file, size: bytes}) => [file, bytes])))
        fs.rmSync(path.join(work, 'io'), {recursive: true, force: true})
        samples.io.push(await runner('io', [corpus, outputs, path.join(work, 'io')]))
      }
      log(`${size} articles, run ${index + 1}/${runs}: ${commands.filter((name) => samples[name].length > 0).map((name) => `${name} ${samples[name].at(-1)!.seconds.toFixed(2)} s`).join(', ')}`)
    }
    // A figure not measured in this run (`--only`) is `null` in the JSON.
    const seconds = (name: Command | FirstRun) => (samples[name].length === 0 ? Number.NaN : median(samples[name].map((sample) => sample.seconds)))
    const rss = (name: Command | FirstRun) => (samples[name].length === 0 ? Number.NaN : Math.round(Math.max(...samples[name].map((sample) => sample.peakRssMb))))
    const ours = ['cold', 'nochange', 'onechange', 'check', 'status', 'sync_check', 'report', ...firstRuns] as const
    const cold = seconds('cold')
    const result = {
      articles: size,
      site_mb: megabytes(listFiles(site)),
      eleventy6_mb: megabytes(listFiles(path.join(work, 'eleventy6'))),
      ...Object.fromEntries([...commands, ...firstRuns].map((name) => [`${name}_s`, round(seconds(name))])),
      ...Object.fromEntries([...commands, ...firstRuns].map((name) => [`${name}_rss_mb`, rss(name)])),
      peak_rss_mb: Math.max(...ours.map(rss).filter((value) => !Number.isNaN(value))),
      cold_vs_remark: round(cold / seconds('remark')),
      cold_vs_eleventy: round(cold / seconds('eleventy')),
      cold_vs_eleventy6: round(cold / seconds('eleventy6')),
      cold_vs_io: round(cold / seconds('io')),
      nochange_vs_cold: round(seconds('nochange') / cold),
      onechange_vs_cold: round(seconds('onechange') / cold),
      check_vs_cold: round(seconds('check') / cold),
      status_vs_cold: round(seconds('status') / cold),
      sync_check_vs_cold: round(seconds('sync_check') / cold)
    } as SizeResult
    results.push(result)
  } finally {
    fs.rmSync(work, {recursive: true, force: true})
  }
}

const report = {
  machine: {cpus: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.arch()}`, loadavg: os.loadavg().map((load) => Math.round(load * 100) / 100)},
  runs,
  seconds: Math.round((Date.now() - started) / 1000),
  sizes: results
}
fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`)
printTables(results)
process.stdout.write(`\nWritten to ${path.relative(process.env.INIT_CWD ?? process.cwd(), out) || out} (${report.seconds} s)\n`)

/** Edit one French sentence of one article and one translation of another, as a day's fix would. */
function changeOneSentenceAndOneTranslation(corpus: string, run: number): void {
  const articles = fs.readdirSync(path.join(corpus, 'articles')).sort()
  const french = path.join(corpus, 'articles', articles[run % articles.length]!)
  fs.writeFileSync(french, fs.readFileSync(french, 'utf8').replace(/ a (annoncé|confirmé|rappelé) /, ' a aussi $1 '))
  const other = articles[(run + Math.floor(articles.length / 2)) % articles.length]!.replace(/\.md$/, '.json')
  const resource = path.join(corpus, 'locales', 'en', other)
  const entries = JSON.parse(fs.readFileSync(resource, 'utf8')) as Record<string, string>
  const key = Object.keys(entries)[1]!
  entries[key] = entries[key]!.replace(/([.?!”]*)$/, ' indeed$1')
  fs.writeFileSync(resource, `${JSON.stringify(entries, null, 2)}\n`)
}

function listFiles(root: string): Array<{file: string; size: number}> {
  if (!fs.existsSync(root)) return []
  return fs
    .readdirSync(root, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name)
      return {file: path.relative(root, full), size: fs.statSync(full).size}
    })
}

function megabytes(files: ReadonlyArray<{size: number}>): number {
  return Math.round(files.reduce((sum, file) => sum + file.size, 0) / 1e5) / 10
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

/** `NaN` (not measured) as `-` in the table. */
function fixed(value: number, digits = 2): string {
  return Number.isNaN(value) ? '-' : value.toFixed(digits)
}

function printTables(rows: SizeResult[]): void {
  const percent = (value: number) => (Number.isNaN(value) ? '' : ` (${(value * 100).toFixed(1)} %)`)
  const times = (value: number) => (Number.isNaN(value) ? '-' : `${value.toFixed(2)}×`)
  const table = (columns: Array<[string, (row: SizeResult) => string]>) => {
    const cells = [columns.map(([title]) => title), ...rows.map((row) => columns.map(([, cell]) => cell(row)))]
    const widths = columns.map((_, index) => Math.max(...cells.map((line) => line[index]!.length)))
    for (const line of cells) process.stdout.write(`${line.map((cell, index) => cell.padStart(widths[index]!)).join('  ')}\n`)
    process.stdout.write('\n')
  }
  table([
    ['articles', (row) => String(row.articles)],
    ['cold s', (row) => fixed(row.cold_s)],
    ['no change s', (row) => `${fixed(row.nochange_s)}${percent(row.nochange_vs_cold)}`],
    ['one change s', (row) => `${fixed(row.onechange_s)}${percent(row.onechange_vs_cold)}`],
    ['check s', (row) => `${fixed(row.check_s)}${percent(row.check_vs_cold)}`],
    ['status s', (row) => `${fixed(row.status_s)}${percent(row.status_vs_cold)}`],
    ['sync --check s', (row) => `${fixed(row.sync_check_s)}${percent(row.sync_check_vs_cold)}`],
    ['review-report s', (row) => fixed(row.report_s)],
    ['first check/status/sync s', (row) => `${fixed(row.check_cold_s)} / ${fixed(row.status_cold_s)} / ${fixed(row.sync_check_cold_s)}`]
  ])
  table([
    ['articles', (row) => String(row.articles)],
    ['remark s', (row) => fixed(row.remark_s)],
    ['eleventy s', (row) => fixed(row.eleventy_s)],
    ['eleventy 6 pages s', (row) => fixed(row.eleventy6_s)],
    ['io floor s', (row) => fixed(row.io_s)],
    ['cold/remark', (row) => times(row.cold_vs_remark)],
    ['cold/eleventy', (row) => times(row.cold_vs_eleventy)],
    ['cold/eleventy 6', (row) => times(row.cold_vs_eleventy6)],
    ['cold/io', (row) => times(row.cold_vs_io)],
    ['site MB', (row) => `${row.site_mb} (eleventy 6: ${row.eleventy6_mb})`]
  ])
  table([
    ['articles', (row) => String(row.articles)],
    ...(['cold', 'nochange', 'onechange', 'check', 'status', 'sync_check', 'report', 'check_cold', 'eleventy6'] as const).map((name): [string, (row: SizeResult) => string] => [`${name} MB`, (row) => fixed(row[`${name}_rss_mb`], 0)])
  ])
}
