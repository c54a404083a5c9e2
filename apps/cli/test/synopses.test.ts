import {describe, expect, it} from 'vitest'
import {usage as alignUsage} from '../src/commands/align/index.js'
import {usage as buildUsage} from '../src/commands/build/index.js'
import {usage as checkUsage} from '../src/commands/check/index.js'
import {usage as importUsage} from '../src/commands/import/index.js'
import {usage as ingestUsage} from '../src/commands/ingest/index.js'
import {usage as initUsage} from '../src/commands/init/index.js'
import {usage as pretranslateUsage} from '../src/commands/pretranslate/index.js'
import {usage as reviewReportUsage} from '../src/commands/review-report/index.js'
import {usage as reviewUsage} from '../src/commands/review/index.js'
import {usage as segmentsUsage} from '../src/commands/segments/index.js'
import {usage as statusUsage} from '../src/commands/status/index.js'
import {usage as syncUsage} from '../src/commands/sync/index.js'
import {usage as tmUsage} from '../src/commands/tm/index.js'
import {exportUsage as xliffExportUsage, importUsage as xliffImportUsage} from '../src/commands/xliff/index.js'
import {synopses} from '../src/run.js'

describe('briefs --help', () => {
  it('lists the first line of every command’s own usage (commands are imported only when they run)', () => {
    const usages = [initUsage, ingestUsage, segmentsUsage, syncUsage, buildUsage, checkUsage, statusUsage, reviewUsage, reviewReportUsage, alignUsage, importUsage, xliffExportUsage, xliffImportUsage, tmUsage, pretranslateUsage]
    expect(synopses).toEqual(usages.map((text) => text.split('\n')[0]))
  })
})
