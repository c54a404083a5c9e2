import type {TargetLanguage} from '@briefs/corpus'

/** Interface text of a brief, in the reader's (target) language. */
export interface Labels {
  languageName: string
  french: string
  date: string
  source: string
  article: string
  translated: (done: number, total: number) => string
  missing: string
  missingTitle: string
  /** Flag on a translation never approved. */
  draft: string
  /** Flag on a translation approved for an earlier French or translation. */
  stale: string
  reviewed: (done: number, total: number) => string
  briefsIndex: string
  briefTitle: (title: string) => string
  backToIndex: string
}

export const labels: Record<TargetLanguage, Labels> = {
  en: {
    languageName: 'English',
    french: 'French',
    date: 'Date',
    source: 'Source',
    article: 'Article',
    translated: (done, total) => `${done} of ${total} sentences translated`,
    missing: 'missing translation',
    missingTitle: 'Title not translated',
    draft: 'not reviewed',
    stale: 'outdated: changed since review',
    reviewed: (done, total) => `${done} of ${total} sentences reviewed`,
    briefsIndex: 'Bilingual briefs',
    briefTitle: (title) => `${title} (French | English)`,
    backToIndex: 'All briefs'
  },
  ru: {
    languageName: 'Русский',
    french: 'Французский',
    date: 'Дата',
    source: 'Источник',
    article: 'Статья',
    translated: (done, total) => `Переведено предложений: ${done} из ${total}`,
    missing: 'нет перевода',
    missingTitle: 'Заголовок не переведён',
    draft: 'не проверено',
    stale: 'устарело: изменено после проверки',
    reviewed: (done, total) => `Проверено предложений: ${done} из ${total}`,
    briefsIndex: 'Двуязычные сводки',
    briefTitle: (title) => `${title} (французский | русский)`,
    backToIndex: 'Все сводки'
  }
}
