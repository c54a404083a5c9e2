import type {Link, Nodes, Parents, PhrasingContent, TableCell} from 'mdast'
import type {ConstructName, State} from 'mdast-util-to-markdown'
import {classifyCharacter} from 'micromark-util-classify-character'

/*
 * A GFM table cell written straight to a string: the bytes remark-gfm's
 * `tableCell` handler writes (`mdast-util-gfm-table`: `handleTableCell` →
 * `state.containerPhrasing` with `|` on both sides), without
 * mdast-util-to-markdown's handler dispatch, trackers and second runs.
 *
 * It mirrors `lib/util/container-phrasing.js` of mdast-util-to-markdown
 * (2.2.x) for the nodes a brief's cells hold, and escapes text with
 * `state.safe` (our `fastSafe` of `markdown-escape.ts`, or remark's own
 * `safe`: they give the same bytes) under the same construct stack.
 * Whatever it does not reproduce exactly it refuses (`Unsupported`), and
 * the caller serializes that cell with remark-gfm's own handler instead:
 *
 * - attention (emphasis, strong, delete) that would not use its preferred
 *   sequence (`guess` picks another), or whose neighbours need a character
 *   reference (`render` → `encode`, `&#x..;`), or whose sequences do not
 *   pair as intended (`check` finds a mistake and `fix` tries others);
 * - links written as autolinks (`<…>`), with a title, or a destination
 *   that needs `<…>` (`handle/link.js`);
 * - inline code holding a backtick (longer fences) or a line ending
 *   (rewritten after line endings, `handle/inline-code.js`);
 * - HTML right after a line ending (`phrasing` turns the line ending into
 *   a space), and every other node type (`break`, `image`, references…).
 */

/** Thrown, never caught outside this module: the cell goes to remark-gfm. */
const unsupported = Symbol('unsupported')

/** Serialized phrasing before attention sequences are chosen (`Item` of container-phrasing.js). */
type Item = string | Attention

/** Attention with its children serialized (`AttentionResult`); `sequences` in order of preference. */
interface Attention {
  sequences: string[]
  children: Item[]
}

/** Rendered phrasing (`Token`): a sequence carries its attention. */
interface Token {
  value: string
  attention?: Attention | undefined
}

/** A node with phrasing children the writer walks: the cell, attention, a link's label, a sentence. */
interface PhrasingParent {
  children: PhrasingContent[]
}

/**
 * `cell` as remark-gfm's `tableCell` handler writes it in `state` (inside
 * `table > tableRow`), or `undefined` when the cell needs remark-gfm's
 * own handler (see above). `state` is left as it was.
 */
export function writeTableCell(cell: TableCell, state: State): string | undefined {
  const depth = state.stack.length
  try {
    state.stack.push('tableCell', 'phrasing')
    return new CellWriter(state).container(cell, '|', '|')
  } catch (error) {
    if (error === unsupported) return undefined
    throw error
  } finally {
    state.stack.length = depth
  }
}

class CellWriter {
  readonly emphasis: string[]
  readonly strong: string[]

  constructor(readonly state: State) {
    // `attention` of handle/emphasis.js and handle/strong.js (through check-emphasis.js and check-strong.js).
    const emphasis = state.options.emphasis || '*'
    const strong = state.options.strong || '*'
    if ((emphasis !== '*' && emphasis !== '_') || (strong !== '*' && strong !== '_')) throw unsupported
    this.emphasis = emphasis === '*' ? ['*', '_'] : ['_', '*']
    this.strong = strong === '*' ? ['**', '__'] : ['__', '**']
  }

  /** `containerPhrasing`: the children as items, then their sequences chosen and checked (`serialize`). */
  container(parent: PhrasingParent, before: string, after: string): string {
    const items = this.phrasing(parent, before, after)
    // `guess`: a sequence other than the preferred one starts `fix`'s search.
    if (!keepsPreferred(items, before, after)) throw unsupported
    const tokens: Token[] = []
    render(items, before, after, tokens)
    // `fix` → `check`: sequences that do not form their attention make remark try others.
    if (!formsAll(tokens, before, after)) throw unsupported
    let result = ''
    for (const token of tokens) result += token.value
    return result
  }

  /** `phrasing` of container-phrasing.js: each child serialized between the characters around it. */
  phrasing(parent: PhrasingParent, before: string, after: string): Item[] {
    const children = parent.children
    const results: Item[] = []
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!
      // An HTML node after a line ending: remark turns that line ending into a space.
      if (child.type === 'html' && (before === '\n' || before === '\r')) throw unsupported
      const sequences = this.attentionSequences(child)
      if (sequences) {
        // `attentionItem`: children between the preferred sequence on both sides; empty attention is dropped.
        const exit = this.state.enter(attentionConstruct[child.type as keyof typeof attentionConstruct] as ConstructName)
        const inside = this.phrasing(child as PhrasingParent, sequences[0]!, sequences[0]!)
        exit()
        if (inside.length === 0) continue
        results.push({sequences, children: inside})
        before = lastCharacter(sequences[0]!)
        continue
      }
      // Only text (and a sentence, which passes it on) reads `after`: the first character of what the next sibling writes.
      // When that character is not known for sure (see `peek`), every candidate must give the same bytes.
      let value: string
      if (child.type === 'text' || child.type === 'sentence') {
        const [first, ...others] = index + 1 < children.length ? this.peek(children[index + 1]!, parent, index) : [after]
        value = this.handle(child, parent, index, before, first!)
        for (const other of others) if (this.handle(child, parent, index, before, other) !== value) throw unsupported
      } else {
        value = this.handle(child, parent, index, before, '')
      }
      if (!value) continue
      results.push(value)
      before = lastCharacter(value)
    }
    return results
  }

  /** The sequences of an attention node (`attention` of its handler), `undefined` for other nodes. */
  attentionSequences(node: PhrasingContent): string[] | undefined {
    switch (node.type) {
      case 'emphasis':
        return this.emphasis
      case 'strong':
        return this.strong
      case 'delete':
        // mdast-util-gfm-strikethrough: `{markers: ['~'], sizes: [2, 1]}`.
        if (!this.state.handlers.delete) throw unsupported
        return ['~~', '~']
      default:
        return undefined
    }
  }

  /** The handlers of remark-stringify with remark-gfm (and @briefs/segment's `sentence`), for the nodes taken here. */
  handle(node: PhrasingContent, parent: PhrasingParent, index: number, before: string, after: string): string {
    switch (node.type) {
      case 'text':
        // handle/text.js: the siblings are passed on, though no pattern of remark or remark-gfm looks at them.
        return this.state.safe(node.value, {before, after, beforeNode: parent.children[index - 1] as Nodes | undefined, afterNode: parent.children[index + 1] as Nodes | undefined})
      case 'sentence':
        // @briefs/segment's `sentenceToMarkdown`: its children in place, `state.containerPhrasing(node, info)`.
        if (!this.state.handlers.sentence) throw unsupported
        return this.container(node, before, after)
      case 'html':
        return node.value || ''
      case 'inlineCode':
        return inlineCodeInCell(node.value || '')
      case 'link':
        return this.link(node, before)
      default:
        throw unsupported
    }
  }

  /**
   * The first character the next sibling writes: `phrasing` calls its
   * handler's `peek`, or the handler itself with nothing before or after.
   * `index` is the current child's: the text handler reads its siblings
   * from `state.indexStack`, which still points at the current child.
   *
   * A sentence is its children's serialization, whose attention sequences
   * remark may change (`fix`) and whose first character it may encode (a
   * one-character text before attention): then the candidates are given,
   * not a guess.
   */
  peek(node: PhrasingContent, parent: PhrasingParent, index: number): string[] {
    switch (node.type) {
      case 'emphasis':
        return [this.emphasis[0]!.charAt(0)]
      case 'strong':
        return [this.strong[0]!.charAt(0)]
      case 'delete':
        return ['~']
      case 'html':
        return ['<']
      case 'inlineCode':
        return ['`']
      case 'link':
        // `<` for an autolink, which is refused when its turn comes.
        if (isAutolink(node, this.state)) throw unsupported
        return ['[']
      case 'text':
        return [firstCharacter(this.state.safe(node.value, {before: '', after: '', beforeNode: parent.children[index - 1] as Nodes | undefined, afterNode: node}))]
      case 'sentence': {
        if (!this.state.handlers.sentence) throw unsupported
        // Most sentences start with text: whether `safe` escapes its first character depends on the patterns matching
        // there and at the next position, which look one character ahead at most (`after` of lib/unsafe.js and
        // remark-gfm: `\\d+` and line endings look behind). Three characters decide it, not the whole sentence.
        const head = node.children[0]
        if (head?.type === 'text' && head.value.length >= 3) return [firstCharacter(this.state.safe(head.value.slice(0, 3), {before: '', after: ''}))]
        const [first, second] = this.phrasing(node, '', '')
        if (first === undefined) return ['']
        if (typeof first !== 'string') return [...new Set(first.sequences.map((sequence) => sequence.charAt(0)))]
        const character = firstCharacter(first)
        return character === first && second !== undefined && typeof second !== 'string' ? [character, '&'] : [character]
      }
      default:
        throw unsupported
    }
  }

  /** handle/link.js for a resource link without title whose destination needs no `<…>`: `[label](destination)`. */
  link(node: Link, before: string): string {
    if (isAutolink(node, this.state)) throw unsupported
    // A title is quoted, and one is added (`""`) at the start of a line lest the link read as a definition.
    if (node.title || before.endsWith('\n') || before.endsWith('\r')) throw unsupported
    // Control characters, space or DEL: an enclosed destination.
    if (/[\0- \u007F]/.test(node.url)) throw unsupported
    const exitLink = this.state.enter('link')
    const exitLabel = this.state.enter('label')
    let value = `[${this.container(node, '[', '](')}](`
    exitLabel()
    const exitDestination = this.state.enter('destinationRaw')
    value += this.state.safe(node.url, {before: value, after: ')'})
    exitDestination()
    exitLink()
    return `${value})`
  }
}

/** The construct each attention handler enters (`strikethrough` is declared by mdast-util-gfm-strikethrough's types). */
const attentionConstruct: Record<'emphasis' | 'strong' | 'delete', string> = {emphasis: 'emphasis', strong: 'strong', delete: 'strikethrough'}

/**
 * util/format-link-as-autolink.js, with the link's content read as its one
 * text child (`mdast-util-to-string` of a single text node is its value).
 */
function isAutolink(node: Link, state: State): boolean {
  const only = node.children.length === 1 ? node.children[0] : undefined
  return Boolean(
    !state.options.resourceLink &&
      node.url &&
      !node.title &&
      only?.type === 'text' &&
      (only.value === node.url || `mailto:${only.value}` === node.url) &&
      /^[a-z][+\-.a-z]+:/i.test(node.url) &&
      !/[\0- <>\u007F]/.test(node.url)
  )
}

/**
 * handle/inline-code.js with mdast-util-gfm-table's `inlineCodeWithTable`,
 * for code without backtick (a one-backtick fence) and without line ending
 * (nothing to rewrite after one).
 */
function inlineCodeInCell(code: string): string {
  if (/[`\r\n]/.test(code)) throw unsupported
  // Padded when it starts and ends with a space but is not only spaces.
  const value = `\`${/[^ ]/.test(code) && code.startsWith(' ') && code.endsWith(' ') ? ` ${code} ` : code}\``
  // GFM drops a backslash before a pipe in a cell, also in code: one is added before a pipe preceded by an even number.
  let result = ''
  let start = 0
  let index = value.indexOf('|')
  while (index !== -1) {
    let before = index
    while (before > start && value.charCodeAt(before - 1) === 92 /* `\` */) before--
    result += value.slice(start, index)
    if ((index - before) % 2 === 0) result += '\\'
    start = index
    index = value.indexOf('|', index + 1)
  }
  return result + value.slice(start)
}

/** Sequences `*` and `_` pair as CommonMark emphasis (`_` strictly: not inside words); others as GFM strikethrough. */
const builtins = new Map([
  ['*', false],
  ['_', true]
])

/**
 * Whether `guess` keeps every attention's preferred sequence: it prefers
 * another marker when the sequence would touch the same marker of a
 * sibling or of its parent, except for an only child with a longer builtin
 * sequence.
 */
function keepsPreferred(items: Item[], before: string, after: string): boolean {
  let previous = before
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!
    if (typeof item === 'string') {
      previous = ''
      continue
    }
    const next = index === items.length - 1 ? after : ''
    const preferred = item.sequences[0]!
    const chosen = item.sequences.find((value) => {
      const marker = value.charAt(0)
      return (marker !== previous.charAt(0) && marker !== next.charAt(0)) || (items.length === 1 && builtins.has(marker) && value.length > before.length)
    })
    if (chosen !== undefined && chosen !== preferred) return false
    if (!keepsPreferred(item.children, preferred, preferred)) return false
    previous = preferred
  }
  return true
}

/**
 * `render` with the preferred sequences, into `tokens`; refuses attention
 * whose neighbours `encodeInfo` would encode as character references.
 */
function render(items: Item[], before: string, after: string, tokens: Token[]): void {
  let previous = lastCharacter(before)
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!
    if (typeof item === 'string') {
      tokens.push({value: item})
      previous = lastCharacter(item)
      continue
    }
    const sequence = item.sequences[0]!
    const marker = sequence.charAt(0)
    const next = items[index + 1]
    const outsideAfter = firstCharacter(next === undefined ? after : typeof next === 'string' ? next : next.sequences[0]!)
    const inside: Token[] = []
    render(item.children, sequence, sequence, inside)
    const head = inside[0]!.value
    const tail = lastCharacter(inside[inside.length - 1]!.value)
    const open = encodeInfo(previous.charCodeAt(previous.length - 1), head.charCodeAt(0), marker)
    const close = encodeInfo(outsideAfter.charCodeAt(0), tail.charCodeAt(tail.length - 1), marker)
    // remark does not encode before a line ending.
    if (open.inside || close.inside || close.outside || (open.outside && previous !== '\n' && previous !== '\r')) throw unsupported
    tokens.push({value: sequence, attention: item}, ...inside, {value: sequence, attention: item})
    previous = sequence.charAt(sequence.length - 1)
  }
}

/**
 * util/encode-info.js: whether the characters inside and outside an
 * attention sequence must be encoded for it to open or close.
 */
function encodeInfo(outside: number, inside: number, marker: string): {inside: boolean; outside: boolean} {
  const outsideKind = classifyCharacter(outside)
  const insideKind = classifyCharacter(inside)
  if (outsideKind === undefined) {
    if (insideKind === undefined) return marker === '_' ? {inside: true, outside: true} : {inside: false, outside: false}
    return insideKind === 1 ? {inside: true, outside: true} : {inside: false, outside: true}
  }
  if (outsideKind === 1) return insideKind === 1 ? {inside: true, outside: true} : {inside: false, outside: false}
  return {inside: insideKind === 1, outside: false}
}

/** A run of sequences with the same marker next to each other (`Run` of container-phrasing.js). */
interface Run {
  tokens: Token[]
  markers: Token[]
  start: number
  end: number
  open: boolean
  close: boolean
  split: boolean
}

/**
 * Whether every sequence forms its attention, as micromark pairs them
 * (`check` and `pair` of container-phrasing.js, which also record what
 * went wrong for `fix`: only whether something did matters here).
 */
function formsAll(tokens: Token[], before: string, after: string): boolean {
  const runs: Run[] = []
  const wrong = new Set<Token>()
  let index = 0
  while (index < tokens.length) {
    if (!tokens[index]!.attention) {
      index++
      continue
    }
    const marker = tokens[index]!.value.charAt(0)
    const strict = builtins.get(marker)
    let end = index + 1
    while (end < tokens.length && tokens[end]!.attention && tokens[end]!.value.charAt(0) === marker) end++
    const head = index ? tokens[index - 1]!.value : before
    const previous = classifyCharacter(head.charCodeAt(head.length - 1))
    const next = classifyCharacter((end < tokens.length ? tokens[end]!.value : after).charCodeAt(0))
    const open = !next || (next === 2 && Boolean(previous))
    const close = !previous || (previous === 2 && Boolean(next))
    const run: Run = {
      tokens: tokens.slice(index, end),
      markers: [],
      start: 0,
      end: 0,
      open: strict ? open && (Boolean(previous) || !close) : open,
      close: strict ? close && (Boolean(next) || !open) : close,
      split: strict !== undefined
    }
    for (const token of run.tokens) {
      wrong.add(token)
      for (let size = token.value.length; size > 0; size--) run.markers.push(token)
    }
    run.end = run.markers.length
    runs.push(run)
    index = end
  }

  const openersByMarker = new Map<string, Run[]>()
  for (const closer of runs) {
    const marker = closer.tokens[0]!.value.charAt(0)
    let openers = openersByMarker.get(marker)
    if (!openers) {
      openers = []
      openersByMarker.set(marker, openers)
    }
    let open = closer.close ? openers.length : 0
    while (open-- && closer.start < closer.end) {
      const opener = openers[open]!
      const openerSize = opener.end - opener.start
      const closerSize = closer.end - closer.start
      if (closer.split ? (opener.close || closer.open) && closerSize % 3 && !((openerSize + closerSize) % 3) : openerSize !== opener.markers.length || openerSize !== closerSize) continue
      const size = closer.split ? (openerSize > 1 && closerSize > 1 ? 2 : 1) : closerSize
      const opening = opener.markers.slice(opener.end - size, opener.end)
      const closing = closer.markers.slice(closer.start, closer.start + size)
      const openToken = opening[0]!
      const closeToken = closing[0]!
      // Whole sequences of one attention: its opening and closing sequence.
      if (openToken === opening[size - 1] && openToken.value.length === size && closeToken === closing[size - 1] && closeToken.value.length === size && openToken.attention === closeToken.attention) {
        wrong.delete(openToken)
        wrong.delete(closeToken)
      }
      opener.end -= size
      closer.start += size
      if (opener.start === opener.end) openers.splice(open, 1)
      open = openers.length
    }
    if (closer.open && closer.start < closer.end) openers.push(closer)
  }
  return wrong.size === 0
}

/** util/character.js: the first and last character, a surrogate pair counting as one. */
function firstCharacter(value: string): string {
  const code = value.codePointAt(0)
  return code === undefined ? '' : String.fromCodePoint(code)
}

function lastCharacter(value: string): string {
  const code = value.codePointAt(value.length - 2)
  return code !== undefined && code > 0xffff ? value.slice(-2) : value.slice(-1)
}
