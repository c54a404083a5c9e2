import {parseJson, readResource, resourceEntries, Translations, type Article, type CorpusLayout, type Resource, type TargetLanguage} from '@briefs/corpus'
import type {VFile} from 'vfile'
import {buildBitext, type Bitext} from './bitext.js'
import {parseLedger, readLedgerFile, type UnknownKey} from './ledger.js'
import {originEntries, readOrigins, type Origins} from './origins.js'
import {frenchSegments} from './segments.js'
import {parseUnitKey} from './unit-key.js'

export interface LoadOptions {
  /** The i18next runtime to read translations through (one is made when absent). */
  translations?: Translations | undefined
  /**
   * Whether to read the review ledger and the drafts' origins (default
   * `true`). Without them no approval is known: every translated unit is a
   * draft. For consumers that need no states, such as the checks.
   */
  reviews?: boolean | undefined
}

let sharedTranslations: Translations | undefined

/**
 * Read an article's resource and review ledger in one language and build
 * its bitext. Translations are read through the i18next runtime, as an app
 * would: the resource is loaded as the article's namespace, read, unloaded.
 * Invalid JSON in the resource or the ledger throws a vfile message.
 */
export async function loadBitext(layout: CorpusLayout, article: Article, lng: TargetLanguage, options: LoadOptions = {}): Promise<Bitext> {
  const reviews = options.reviews !== false
  const [resource, ledgerFile, origins] = await Promise.all([
    readResource(layout, lng, article.id),
    reviews ? readLedgerFile(layout.reviewFile(lng, article.id)) : undefined,
    reviews ? readOrigins(layout.originsFile(lng, article.id)) : undefined
  ])
  return bitextOf(article, lng, resource, ledgerFile, origins, options)
}

/** The files `loadBitext` reads, as read (`undefined`: there is none). */
export interface BitextFiles {
  resource: VFile | undefined
  ledger?: VFile | undefined
  origins?: VFile | undefined
}

/** `loadBitext` from files already read (the resource, the ledger and the origins file, as `loadBitext` reads them). */
export function bitextFromFiles(article: Article, lng: TargetLanguage, files: BitextFiles, options: LoadOptions = {}): Bitext {
  const reviews = options.reviews !== false
  const resource = files.resource ? {lng, namespace: article.id, file: files.resource, entries: resourceEntries(files.resource, parseJson(files.resource))} : undefined
  const origins = !reviews ? undefined : files.origins ? {file: files.origins, entries: originEntries(files.origins, parseJson(files.origins))} : {file: undefined, entries: new Map()}
  return bitextOf(article, lng, resource, reviews ? files.ledger : undefined, origins, options)
}

function bitextOf(article: Article, lng: TargetLanguage, resource: Resource | undefined, ledgerFile: VFile | undefined, origins: Origins | undefined, options: LoadOptions): Bitext {
  const translations = options.translations ?? (sharedTranslations ??= new Translations())
  if (resource) translations.load(resource)
  try {
    return buildBitext({
      article,
      lng,
      resource,
      translationOf: resource ? (key) => translations.get(lng, article.id, key) : undefined,
      ledger: (unitKeys) => parseLedger(ledgerFile, unknownApproval(article, unitKeys)),
      origins
    })
  } finally {
    if (resource) translations.unload(lng, article.id)
  }
}

/** Why an approval is not counted: its key is no unit of the resource. */
export function unknownApproval(article: Article, unitKeys: ReadonlySet<string>): UnknownKey {
  const segmentIds = new Set(frenchSegments(article).map((segment) => segment.id))
  return (key) => {
    if (unitKeys.has(key)) return undefined
    const ids = parseUnitKey(key)
    if (ids && ids.every((id) => segmentIds.has(id))) {
      return `Unexpected approval of \`${key}\`, not a translation unit of the resource (its segments are translated in other units now), expected approvals of its translation units (not counted)`
    }
    return `Unexpected approval of \`${key}\`, a segment the article does not have, expected approvals of its segments (not counted)`
  }
}
