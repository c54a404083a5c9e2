import type {Nodes, Parents, Root} from 'mdast'
import {classifyCharacter} from 'micromark-util-classify-character'
import {defaultHandlers, type ConstructName, type Info, type Options as ToMarkdownExtension, type SafeConfig, type State, type Unsafe} from 'mdast-util-to-markdown'
import type {} from 'remark-stringify'
import type {Processor} from 'unified'

/*
 * mdast-util-to-markdown escapes every piece of text with `safe()`: for each
 * call it tries each of its ~90 unsafe patterns (remark-gfm adds more),
 * checking the construct stack and running a regular expression, when
 * usually four or five could match. This is the same function with the same
 * result, byte for byte, that skips what cannot match:
 *
 * - the patterns in scope of a construct stack are worked out once per
 *   stack (they depend on nothing else), grouped by the character they
 *   escape;
 * - a pattern's expression always matches its character, so a pattern
 *   whose character the text does not hold is skipped, and so is a pattern
 *   that needs a line ending next to it (`atBreak`, or `before`/`after` a
 *   line ending) in a text without one; a text holding none of the
 *   characters left is answered at once.
 *
 * Which patterns match in which order does not change the result: each
 * position keeps the conjunction of the `before` and `after` flags of the
 * patterns matching there, and positions are sorted. What follows the
 * matching is remark's code as it is (`lib/util/safe.js`, MIT).
 */

type Pattern = Unsafe & {_compiled?: RegExp}

/** The patterns in scope for one construct stack, by the character they escape; and whether a text can match any. */
interface ScopedPatterns {
  groups: Array<[character: string, patterns: Pattern[]]>
  /** Holds a character of a pattern in scope. */
  any: RegExp
  /** Holds a character of a pattern in scope that needs no line ending. */
  anyOnOneLine: RegExp
}

/**
 * Patterns whose expression needs a line ending (see `compilePattern`):
 * `atBreak` puts `[\r\n][\t ]*` before the character, and `before` or
 * `after` may be a line ending; next to a node (`beforeNode`, `afterNode`)
 * the expression anchors there instead.
 */
const lineEndings = new Set(['[\\r\\n]', '\\r', '\\n'])
function needsLineEnding(pattern: Pattern): boolean {
  const before = !pattern.beforeNode && (pattern.atBreak === true || (typeof pattern.before === 'string' && lineEndings.has(pattern.before)))
  const after = !pattern.afterNode && typeof pattern.after === 'string' && lineEndings.has(pattern.after)
  return before || after
}

/** A character class of `characters`, each written as `\uXXXX`: nothing in it is read as syntax. */
function characterClass(characters: Iterable<string>): RegExp {
  let source = ''
  for (const character of characters) for (const unit of character) source += `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`
  return source === '' ? /(?!)/ : new RegExp(`[${source}]`)
}

/** Per list of unsafe patterns (one per processor), per construct stack: what is in scope. */
const scopes = new WeakMap<Pattern, Map<string, Map<string, ScopedPatterns>>>()
const patternIds = new WeakMap<Pattern, number>()
let nextPatternId = 0

const own = {}.hasOwnProperty

/** The cache of in-scope patterns of `state.unsafe`: patterns are the processor's objects, the same on every call. */
function scopeCache(unsafe: readonly Pattern[]): Map<string, ScopedPatterns> {
  let key = ''
  for (const pattern of unsafe) {
    let id = patternIds.get(pattern)
    if (id === undefined) {
      id = nextPatternId++
      patternIds.set(pattern, id)
    }
    key += `${id},`
  }
  const first = unsafe[0]!
  let byList = scopes.get(first)
  if (!byList) {
    byList = new Map()
    scopes.set(first, byList)
  }
  let byStack = byList.get(key)
  if (!byStack) {
    byStack = new Map()
    byList.set(key, byStack)
  }
  return byStack
}

function inScope(stack: readonly ConstructName[], unsafe: readonly Pattern[]): ScopedPatterns {
  const byCharacter = new Map<string, Pattern[]>()
  const onOneLine = new Set<string>()
  for (const pattern of unsafe) {
    if (!listInScope(stack, pattern.inConstruct, true) || listInScope(stack, pattern.notInConstruct, false)) continue
    const list = byCharacter.get(pattern.character)
    if (list) list.push(pattern)
    else byCharacter.set(pattern.character, [pattern])
    if (!needsLineEnding(pattern)) onOneLine.add(pattern.character)
  }
  return {groups: [...byCharacter], any: characterClass(byCharacter.keys()), anyOnOneLine: characterClass(onOneLine)}
}

function listInScope(stack: readonly ConstructName[], list: Unsafe['inConstruct'], none: boolean): boolean {
  if (typeof list === 'string') list = [list]
  if (!list || list.length === 0) return none
  for (const name of list) if (stack.includes(name)) return true
  return false
}

/** `safe()` of mdast-util-to-markdown, same result; see above. */
export function fastSafe(state: State, input: string | null | undefined, config: SafeConfig, cache: Map<string, ScopedPatterns>): string {
  const value = (config.before || '') + (input || '') + (config.after || '')
  const positions: number[] = []
  const result: string[] = []
  const infos: Record<number, {before: boolean; after: boolean}> = {}
  const percentEncode = state.stack.includes('autolink')
  const offset = config.before ? config.before.length : 0
  const end = value.length - (config.after ? config.after.length : 0)

  const stackKey = state.stack.join('\u0000')
  let scoped = cache.get(stackKey)
  if (!scoped) {
    scoped = inScope(state.stack, state.unsafe as Pattern[])
    cache.set(stackKey, scoped)
  }
  const lineEnding = value.includes('\n') || value.includes('\r')
  // No character any pattern in scope escapes: nothing to do but backslashes, as below.
  if (!(lineEnding ? scoped.any : scoped.anyOnOneLine).test(value)) return percentEncode ? value.slice(offset, end) : escapeBackslashes(value.slice(offset, end), config.after ?? '')

  for (const [character, patterns] of scoped.groups) {
    if (!value.includes(character)) continue
    for (const pattern of patterns) {
      if (!nodeInScope(pattern.beforeNode, config.beforeNode) || !nodeInScope(pattern.afterNode, config.afterNode)) continue
      if (!lineEnding && needsLineEnding(pattern)) continue
      const expression = state.compilePattern(pattern)
      const from = pattern.beforeNode ? offset : 0
      const subject = value.slice(from, pattern.afterNode ? end : undefined)
      let match: RegExpExecArray | null
      while ((match = expression.exec(subject))) {
        const before = Boolean(pattern.before || pattern.atBreak)
        const after = Boolean(pattern.after)
        const position = from + match.index + (before ? match[1]!.length : 0)
        if (own.call(infos, position)) {
          if (infos[position]!.before && !before) infos[position]!.before = false
          if (infos[position]!.after && !after) infos[position]!.after = false
        } else {
          positions.push(position)
          infos[position] = {before, after}
        }
      }
    }
  }

  positions.sort(numerical)

  let start = offset
  let index = -1
  while (++index < positions.length) {
    const position = positions[index]!
    if (position < start || position >= end) continue
    if (
      value.charAt(position) === '_' &&
      position > 0 &&
      classifyCharacter(value.charCodeAt(position - 1)) === undefined &&
      !own.call(infos, position - 1) &&
      !(position - 1 === offset && /[*_]/.test(value.charAt(offset - 1)))
    ) {
      let sequenceEnd = position + 1
      while (sequenceEnd < end && value.charAt(sequenceEnd) === '_') sequenceEnd++
      const skip = sequenceEnd - position - 1
      if (
        positions[index + skip] === sequenceEnd - 1 &&
        sequenceEnd < value.length &&
        classifyCharacter(value.charCodeAt(sequenceEnd)) === undefined &&
        !own.call(infos, sequenceEnd) &&
        !(sequenceEnd === end - 1 && /[*_]/.test(value.charAt(end)))
      ) {
        index += skip
        continue
      }
    }
    if (
      (position + 1 < end && positions[index + 1] === position + 1 && infos[position]!.after && !infos[position + 1]!.before && !infos[position + 1]!.after) ||
      (position - 1 >= offset && positions[index - 1] === position - 1 && infos[position]!.before && !infos[position - 1]!.before && !infos[position - 1]!.after)
    ) {
      continue
    }
    if (start !== position) {
      const slice = value.slice(start, position)
      result.push(percentEncode ? slice : escapeBackslashes(slice, '\\'))
    }
    start = position + 1
    if (percentEncode) {
      result.push(`%${value.charCodeAt(position).toString(16).toUpperCase().padStart(2, '0')}`)
    } else if (/[!-/:-@[-`{-~]/.test(value.charAt(position)) && (!config.encode || !config.encode.includes(value.charAt(position)))) {
      result.push(`\\${value.charAt(position)}`)
    } else {
      result.push(`&#x${value.charCodeAt(position).toString(16).toUpperCase()};`)
    }
  }

  const rest = value.slice(start, end)
  result.push(percentEncode ? rest : escapeBackslashes(rest, config.after ?? ''))
  return result.join('')
}

function nodeInScope(types: Unsafe['beforeNode'], node: Nodes | undefined): boolean {
  if (!types) return true
  if (!node) return false
  return typeof types === 'string' ? types === node.type : types.includes(node.type)
}

function numerical(a: number, b: number): number {
  return a - b
}

function escapeBackslashes(value: string, after: string): string {
  // Nothing to escape without a backslash: the common case, answered at once.
  if (!value.includes('\\') && !after.includes('\\')) return value
  const expression = /\\(?=[!-/:-@[-`{-~])/g
  const positions: number[] = []
  const results: string[] = []
  const whole = value + after
  let index = -1
  let start = 0
  let match: RegExpExecArray | null
  while ((match = expression.exec(whole))) positions.push(match.index)
  while (++index < positions.length) {
    if (start !== positions[index]) results.push(value.slice(start, positions[index]))
    results.push('\\')
    start = positions[index]!
  }
  results.push(value.slice(start))
  return results.join('')
}

/**
 * mdast-util-to-markdown extension: the document is escaped by `fastSafe`
 * instead of `safe` (set on the serializer's state when it enters the root).
 */
export function fastEscape(): ToMarkdownExtension {
  return {
    handlers: {
      root(node: Root, parent: Parents | undefined, state: State, info: Info): string {
        const cache = scopeCache(state.unsafe as Pattern[])
        state.safe = (value, config) => fastSafe(state, value, config, cache)
        return defaultHandlers.root(node, parent, state, info)
      }
    }
  }
}

/** remark plugin: `fastEscape` for remark-stringify, after every plugin that adds unsafe patterns. */
export function remarkFastEscape(this: Processor): undefined {
  ;(this.data().toMarkdownExtensions ??= []).push(fastEscape())
}
