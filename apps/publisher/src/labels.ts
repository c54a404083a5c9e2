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
    briefsIndex: 'Двуязычные сводки',
    briefTitle: (title) => `${title} (французский | русский)`,
    backToIndex: 'Все сводки'
  }
}
