import type {Context} from '../../context.js'
import {HelpRequested, UsageError} from '../../errors.js'
import {exportUsage, xliffExport} from './export.js'
import {importUsage, xliffImport} from './import.js'

export {exportUsage, importUsage}

export const usage = `${exportUsage}\n\n${importUsage}`

/** `briefs xliff export|import`: the translations to and from a CAT tool. */
export async function xliff(argv: string[], context: Context): Promise<number> {
  const [action, ...rest] = argv
  if (action === '--help' || action === '-h') throw new HelpRequested(usage)
  if (action === 'export') return xliffExport(rest, context)
  if (action === 'import') return xliffImport(rest, context)
  throw new UsageError(`Unexpected \`xliff ${action ?? ''}\`, expected \`xliff export\` or \`xliff import\`\n\n${usage}`)
}
