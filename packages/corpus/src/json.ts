import {getNodeValue, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError} from 'jsonc-parser'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {readTextFile} from './text-file.js'

export type {JsonNode}

const expectations: Record<string, string> = {
  InvalidSymbol: 'a JSON value',
  InvalidNumberFormat: 'a valid number',
  PropertyNameExpected: 'a property name in double quotes',
  ValueExpected: 'a value',
  ColonExpected: '`:` after the property name',
  CommaExpected: '`,` between entries',
  CloseBraceExpected: '`}` closing the object',
  CloseBracketExpected: '`]` closing the array',
  EndOfFileExpected: 'the end of the file after the top-level value',
  InvalidCommentToken: 'no comment (JSON has none)',
  UnexpectedEndOfComment: 'no comment (JSON has none)',
  UnexpectedEndOfString: 'a closing `"`',
  UnexpectedEndOfNumber: 'a digit',
  InvalidUnicode: 'a valid `\\u` escape',
  InvalidEscapeCharacter: 'a valid escape',
  InvalidCharacter: 'no control character inside a string'
}

/**
 * Parse `file.value` as strict JSON (no comments, no trailing commas) into a
 * tree with offsets, so later checks can point at a key. A syntax error is a
 * fatal message at its line and column.
 */
export function parseJson(file: VFile): JsonNode {
  const text = String(file.value)
  const errors: ParseError[] = []
  const tree = parseTree(text, errors, {disallowComments: true, allowTrailingComma: false, allowEmptyContent: false})
  const first = errors[0]
  if (first || !tree) {
    const offset = first?.offset ?? 0
    const found = offset >= text.length ? 'end of file' : JSON.stringify(text.slice(offset, offset + Math.max(1, Math.min(first?.length ?? 1, 20))))
    const code = first ? printParseErrorCode(first.error) : 'ValueExpected'
    file.fail(`Unexpected ${found} in JSON, expected ${expectations[code] ?? 'valid JSON'}`, {
      place: location(file).toPoint(offset),
      ruleId: 'invalid-json',
      source: 'briefs'
    })
  }
  return tree
}

export async function readJsonFile(filePath: string): Promise<{file: VFile; tree: JsonNode}> {
  const file = await readTextFile(filePath)
  return {file, tree: parseJson(file)}
}

/** Where a JSON node starts, for messages. */
export function nodePlace(file: VFile, node: JsonNode) {
  const place = location(file)
  const start = place.toPoint(node.offset)
  const end = place.toPoint(node.offset + node.length)
  return start && end ? {start, end} : start
}

/** 2-space JSON with a trailing newline: what every file we write looks like. */
export function stringifyJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

/** The plain value of a JSON node. */
export function jsonValue(node: JsonNode): unknown {
  return getNodeValue(node)
}
