import {parseArgs, type ParseArgsConfig} from 'node:util'
import {UsageError} from './errors.js'

/** node:util's parseArgs, with its errors turned into usage errors. */
export function parse<const T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({args: argv, options: {...options, help: {type: 'boolean', short: 'h'}}, allowPositionals: true, strict: true})
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`)
  }
}
