import i18next, {type i18n} from 'i18next'
import type {TargetLanguage} from './languages.js'
import type {Resource} from './resources.js'

/**
 * The i18next runtime holding the translations: one namespace per article,
 * keyed by segment ID. Keys are looked up raw (`getResource`): translations
 * are text, never i18next templates, so `{{...}}` or `$t(...)` written by a
 * translator is shown as written.
 */
export class Translations {
  readonly i18n: i18n

  constructor() {
    this.i18n = i18next.createInstance()
    this.i18n.init({
      initAsync: false,
      resources: {},
      // Segment IDs are flat keys; i18next's separators would split them.
      keySeparator: false,
      nsSeparator: false,
      fallbackLng: false,
      returnNull: false,
      returnEmptyString: true
    })
  }

  /** Load a resource as the namespace of its article, replacing a previous one. */
  load(resource: Resource): void {
    // `Object.fromEntries` keeps a key such as `__proto__` a plain key.
    const bundle = Object.fromEntries([...resource.entries].map(([key, entry]) => [key, entry.value]))
    this.i18n.addResourceBundle(resource.lng, resource.namespace, bundle, false, true)
  }

  /** The translation of a segment, or `undefined` when there is none. */
  get(lng: TargetLanguage, namespace: string, segmentId: string): string | undefined {
    const value: unknown = this.i18n.getResource(lng, namespace, segmentId)
    return typeof value === 'string' ? value : undefined
  }

  /** Drop an article's namespaces once it is rendered, so memory stays flat over a large corpus. */
  unload(lng: TargetLanguage, namespace: string): void {
    this.i18n.removeResourceBundle(lng, namespace)
  }
}
