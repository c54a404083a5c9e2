import fs from 'node:fs'

/** A file's size and modification time, or `null` when it does not exist. */
export type FileStat = [size: number, mtimeMs: number] | null

/** The stats of `files`, without the event loop: thousands of stats would queue on libuv's small pool. */
export function fileStats(files: readonly string[]): FileStat[] {
  return files.map((file) => {
    const stat = fs.statSync(file, {throwIfNoEntry: false})
    return stat ? [stat.size, stat.mtimeMs] : null
  })
}

export function sameStats(a: readonly FileStat[], b: readonly FileStat[]): boolean {
  return a.length === b.length && a.every((stat, index) => {
    const other = b[index]
    return stat === null || other === null || other === undefined ? stat === other : stat[0] === other[0] && stat[1] === other[1]
  })
}
