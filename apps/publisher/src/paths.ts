import {sourceLanguage, type TargetLanguage} from '@briefs/corpus/files'
import type {UiLanguage, UiText} from './ui.js'

/**
 * A way to read an article: the French beside one or more translations.
 * A bilingual view speaks to readers of its target language; the
 * multilingual one (every target language) speaks to French readers.
 */
export interface BriefView {
  /** The translation columns, in order. */
  languages: TargetLanguage[]
  /** The interface language, also the `hreflang` of the view. */
  ui: UiLanguage
}

/** `fr-en`, `fr-ru`, then `fr-en-ru` when there is more than one target language. */
export function briefViews(languages: readonly TargetLanguage[]): BriefView[] {
  const views: BriefView[] = languages.map((lng) => ({languages: [lng], ui: lng}))
  if (languages.length > 1) views.push({languages: [...languages], ui: sourceLanguage})
  return views
}

/** The view a reader of `ui` is sent to: theirs, or the first one when their language has none. */
export function readerView(views: readonly BriefView[], ui: UiLanguage): BriefView | undefined {
  return views.find((view) => view.ui === ui) ?? views[0]
}

/** The columns of a view: the French, then its translations. */
export function viewColumns(view: Pick<BriefView, 'languages'>): UiLanguage[] {
  return [sourceLanguage, ...view.languages]
}

/** `fr-en`, `fr-en-ru`: the file name of a view, without extension. */
export function viewName(view: Pick<BriefView, 'languages'>): string {
  return viewColumns(view).join('-')
}

/** A view named by its columns in the reader's language: `French | English`. */
export function viewLabel(view: Pick<BriefView, 'languages'>, ui: UiText): string {
  return viewColumns(view)
    .map((lng) => ui.languageName(lng))
    .join(' | ')
}

/** Where a brief lands, relative to the site root: `<id>/fr-en.html`. */
export function briefPath(id: string, view: TargetLanguage | Pick<BriefView, 'languages'>, extension: 'html' | 'md'): string {
  return `${id}/${viewName(typeof view === 'string' ? {languages: [view]} : view)}.${extension}`
}

/** The HTML index of a reader language, relative to the site root: French is `index.html`. */
export function indexPath(ui: UiLanguage): string {
  return ui === sourceLanguage ? 'index.html' : `index.${ui}.html`
}

/** The Atom feed of a reader language, relative to the site root. */
export function feedPath(ui: UiLanguage): string {
  return `feed.${ui}.xml`
}

/** Whether a file name is one a build writes inside an article folder (`fr-en.md`, `fr-en-ru.html`...). */
export function isBriefFileName(name: string): boolean {
  return /^fr(?:-[a-z]{2})+\.(?:html|md)$/.test(name)
}
