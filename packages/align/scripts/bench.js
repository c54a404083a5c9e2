#!/usr/bin/env node
// pnpm --filter @briefs/align bench [--sentences 5000] [--lang en|ru]
// pnpm --filter @briefs/align bench <french-file> <other-file> --to <lng> [--times k]
//
// Times align() on one core, median of three runs, with and without the
// FreeDict dictionary when installed. Without files: a synthetic pair of
// about --sentences French sentences, the shipped articles and their
// translations repeated in a seeded order, each copy with a sentence left
// out, two merged and a note added. With files (one sentence per line): the
// pair, repeated --times times. Prints a table; writes nothing.
import fs from 'node:fs'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {parseArgs} from 'node:util'
import {fileURLToPath} from 'node:url'
import {align, loadDictionary} from '../dist/index.js'

const {values, positionals} = parseArgs({
  options: {sentences: {type: 'string', default: '5000'}, lang: {type: 'string', default: 'en'}, to: {type: 'string'}, times: {type: 'string', default: '1'}},
  allowPositionals: true
})
const corpus = fileURLToPath(new URL('../../../corpus/', import.meta.url))

function random(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

function syntheticPair(count, language) {
  const articles = fs
    .readdirSync(path.join(corpus, 'segments'))
    .sort()
    .map((file) => {
      const map = JSON.parse(fs.readFileSync(path.join(corpus, 'segments', file), 'utf8'))
      const translations = JSON.parse(fs.readFileSync(path.join(corpus, 'locales', language, file), 'utf8'))
      return map.blocks.flatMap((block) => block.sentences).map((sentence) => [sentence.text, translations[sentence.id]])
    })
  const next = random(7)
  const source = []
  const target = []
  while (source.length < count) {
    const pairs = articles[Math.floor(next() * articles.length)].filter(([, translation]) => translation)
    const omitted = Math.floor(next() * pairs.length)
    const merged = Math.floor(next() * (pairs.length - 1))
    pairs.forEach(([french, translation], index) => {
      source.push({text: french, paragraph: source.length})
      if (index === omitted) return
      if (index === merged + 1 && merged !== omitted && target.length > 0) target[target.length - 1].text = `${target.at(-1).text.replace(/\.$/, ';')} ${translation}`
      else target.push({text: translation, paragraph: source.length - 1})
    })
    target.push({text: 'Translator’s note: figures as given by the ministry.', paragraph: source.length - 1})
  }
  return {source, target, language}
}

function filePair(french, other, language, times) {
  const lines = (file) => fs.readFileSync(path.resolve(process.env.INIT_CWD ?? process.cwd(), file), 'utf8').replace(/\n$/, '').split('\n').map((text) => ({text}))
  const repeat = (list) => Array.from({length: times}, () => list).flat()
  return {source: repeat(lines(french)), target: repeat(lines(other)), language}
}

const pair = positionals.length === 2 ? filePair(positionals[0], positionals[1], values.to ?? 'und', Number(values.times)) : syntheticPair(Number(values.sentences), values.lang)
const dictionary = await loadDictionary({source: 'fr', target: pair.language})

const configurations = [
  {label: 'Gale–Church baseline', options: {method: 'length'}},
  {label: 'evidence', options: {targetLanguage: pair.language}},
  ...(dictionary ? [{label: 'evidence + FreeDict', options: {targetLanguage: pair.language, dictionary}}] : [])
]
// The dictionary's stem index is built on first use and cached: build it before timing.
if (dictionary) align(pair.source.slice(0, 3), pair.target.slice(0, 3), {targetLanguage: pair.language, dictionary})

console.log(`${pair.source.length} French sentences, ${pair.target.length} ${pair.language} sentences; median of 3 runs`)
console.log('| method | wall ms | CPU ms | units | peak RSS MB |')
console.log('| --- | ---: | ---: | ---: | ---: |')
for (const {label, options} of configurations) {
  const runs = []
  let units = 0
  for (let run = 0; run < 3; run++) {
    const cpu = process.cpuUsage()
    const started = performance.now()
    units = align(pair.source, pair.target, options).units.length
    runs.push({wall: performance.now() - started, cpu: process.cpuUsage(cpu).user / 1000})
  }
  const median = (key) => runs.map((run) => run[key]).sort((a, b) => a - b)[1]
  console.log(`| ${label} | ${Math.round(median('wall'))} | ${Math.round(median('cpu'))} | ${units} | ${Math.round(process.resourceUsage().maxRSS / 1024)} |`)
}
