// The unit format of Vecalign and Bertalign: one unit per line,
// `[source lines]:[target lines]`, 0-based, `[]` for an empty side.

/** A unit as lists of 0-based line numbers. */
export interface UnitLines {
  source: readonly number[]
  target: readonly number[]
}

/** `[0]:[0, 1]` */
export function formatUnit(unit: UnitLines): string {
  return `[${unit.source.join(', ')}]:[${unit.target.join(', ')}]`
}

/** One line per unit, with a final newline. */
export function formatUnits(units: readonly UnitLines[]): string {
  return units.map((unit) => `${formatUnit(unit)}\n`).join('')
}

/**
 * Units read back from that format, blank lines ignored. Throws on a line
 * that is not `[numbers]:[numbers]`, naming its 1-based line number.
 */
export function parseUnits(text: string): Array<{source: number[]; target: number[]}> {
  const units: Array<{source: number[]; target: number[]}> = []
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return
    const match = /^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*$/.exec(line)
    if (!match) throw new SyntaxError(`Unexpected \`${line.slice(0, 40)}\` on line ${index + 1}, expected a unit such as \`[0]:[0, 1]\``)
    units.push({source: numbers(match[1]!), target: numbers(match[2]!)})
  })
  return units
}

function numbers(list: string): number[] {
  return list
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map(Number)
}
