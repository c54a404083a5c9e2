import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {remarkArticleSyntax} from '@briefs/corpus'
import type {Paragraph, PhrasingContent, Root} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {describe, it, expect} from 'vitest'
import {schemaFiles, type ExchangeArticle, type ExchangeUnit} from '../src/index.js'

export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const schemasDir = schemaFiles.directory

/** Debian's tools the tests drive; CI installs them (.ci/run). */
export const tools = {
  xmllint: '/usr/bin/xmllint',
  python: '/usr/bin/python3',
  omegat: '/usr/share/omegat/OmegaT.jar',
  java: '/usr/bin/java'
} as const

export function hasTool(file: string): boolean {
  return existsSync(file)
}

export const hasTranslateToolkit = hasTool(tools.python) && spawnSync(tools.python, ['-c', 'import translate.storage.factory'], {stdio: 'ignore'}).status === 0

/** In CI a missing tool fails (a skipped suite would hide a broken exchange); elsewhere its suite is skipped, saying why. */
export function requireInCi(name: string, present: boolean, install: string): void {
  describe.runIf(!present && Boolean(process.env.CI))(`${name} in CI`, () => {
    it(`is installed`, () => {
      expect.fail(`${name} is missing: CI must install it (${install}), or its tests are skipped`)
    })
  })
}

/** Validate XML with xmllint against a schema (`.xsd`) or a DTD (`.dtd`), offline; the problems, or `''`. */
export function xmllint(xml: string, schema: string): string {
  const kind = schema.endsWith('.dtd') ? '--dtdvalid' : '--schema'
  const result = spawnSync(tools.xmllint, ['--nonet', '--noout', kind, path.join(schemasDir, schema), '-'], {
    input: xml,
    encoding: 'utf8',
    // A TMX names its DTD `tmx14.dtd`, next to the document: here, the vendored one.
    cwd: schemasDir,
    env: {...process.env, XML_CATALOG_FILES: schemaFiles.catalog}
  })
  return result.status === 0 ? '' : `${result.stderr}${result.stdout}`
}

export async function tempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `briefs-exchange-${prefix}-`))
}

const parser = unified().use(remarkParse).use(remarkArticleSyntax)

/** Inline mdast of a Markdown line, positions left out (as the bitext model gives them). */
export function phrasing(markdown: string): PhrasingContent[] {
  const tree = parser.parse(markdown) as Root
  visit(tree, (node) => {
    delete node.position
  })
  const paragraph = tree.children[0] as Paragraph | undefined
  return paragraph?.children ?? []
}

/** A unit from its French as Markdown. */
export type UnitInput = Omit<ExchangeUnit, 'source' | 'sourceText' | 'segmentIds' | 'context'> & {source: string; sourceText?: string; segmentIds?: string[]; context?: string[]}

export function exchangeArticle(article: Omit<ExchangeArticle, 'units'> & {units: UnitInput[]}): ExchangeArticle {
  return {
    ...article,
    units: article.units.map((unit) => ({
      ...unit,
      segmentIds: unit.segmentIds ?? unit.key.split('+'),
      source: phrasing(unit.source),
      sourceText: unit.sourceText ?? unit.source,
      context: unit.context ?? []
    }))
  }
}

export function run(command: string, args: string[], options: {cwd?: string} = {}): string {
  return execFileSync(command, args, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options})
}
