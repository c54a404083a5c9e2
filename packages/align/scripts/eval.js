#!/usr/bin/env node
// pnpm --filter @briefs/align eval <dir> [--json]
//
// Scores the aligner and its Gale–Church baseline on sentence-split files:
// in <dir>, `NAME.fr` and `NAME.xx` (one sentence per line) and a gold file
// `NAME.xxfr` or `NAME.frxx` (Vecalign format, the left side is the first
// language of the extension). French is always the source here. Prints
// strict and lax precision, recall, F1; the FreeDict dictionary is used
// when installed. Nothing is written.
import fs from 'node:fs'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {align, loadDictionary, parseUnits, scoreAlignment} from '../dist/index.js'

const args = process.argv.slice(2)
const json = args.includes('--json')
const directory = args.find((arg) => !arg.startsWith('--'))
if (!directory) {
  console.error('Usage: pnpm --filter @briefs/align eval <dir> [--json]')
  process.exit(2)
}
const base = path.resolve(process.env.INIT_CWD ?? process.cwd(), directory)

const files = fs.readdirSync(base)
const documents = []
for (const file of files) {
  const match = /^(.*)\.([a-z]{2})([a-z]{2})$/.exec(file)
  if (!match) continue
  const [, name, left, right] = match
  if (left !== 'fr' && right !== 'fr') continue
  const other = left === 'fr' ? right : left
  if (!files.includes(`${name}.fr`) || !files.includes(`${name}.${other}`)) continue
  documents.push({name, language: other, frenchOnLeft: left === 'fr', gold: path.join(base, file)})
}
if (documents.length === 0) {
  console.error(`No NAME.fr, NAME.xx and NAME.xxfr (or NAME.frxx) files in ${base}`)
  process.exit(1)
}

const readLines = (file) => {
  const text = fs.readFileSync(file, 'utf8')
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines.map((line) => ({text: line}))
}

const results = []
for (const document of documents) {
  const source = readLines(path.join(base, `${document.name}.fr`))
  const target = readLines(path.join(base, `${document.name}.${document.language}`))
  const gold = parseUnits(fs.readFileSync(document.gold, 'utf8')).map((unit) =>
    document.frenchOnLeft ? unit : {source: unit.target, target: unit.source}
  )
  const dictionary = await loadDictionary({source: 'fr', target: document.language})
  const configurations = [
    {label: 'Gale–Church baseline', options: {method: 'length'}},
    {label: 'evidence, no dictionary', options: {targetLanguage: document.language}},
    ...(dictionary ? [{label: 'evidence + FreeDict', options: {targetLanguage: document.language, dictionary}}] : [])
  ]
  for (const {label, options} of configurations) {
    const started = performance.now()
    const alignment = align(source, target, options)
    const milliseconds = performance.now() - started
    const scores = scoreAlignment(gold, alignment.units)
    results.push({document: document.name, language: document.language, sentences: [source.length, target.length], method: label, milliseconds: Math.round(milliseconds), ...scores})
  }
}

if (json) {
  console.log(JSON.stringify(results, null, 2))
} else {
  const format = (value) => value.toFixed(3)
  console.log('| document | method | strict P | strict R | strict F1 | lax P | lax R | lax F1 | ms |')
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const result of results) {
    console.log(
      `| ${result.document} (fr–${result.language}, ${result.sentences.join('×')}) | ${result.method} | ${format(result.strict.precision)} | ${format(result.strict.recall)} | ${format(result.strict.f1)} | ${format(result.lax.precision)} | ${format(result.lax.recall)} | ${format(result.lax.f1)} | ${result.milliseconds} |`
    )
  }
}
