/**
 * Article dates are `YYYY-MM` or `YYYY-MM-DD` (checked when the article is
 * read). They are written out per language with Intl, in UTC, so that the
 * output depends on the date and the language only, never on the machine's
 * time zone.
 */
const formats = new Map<string, Intl.DateTimeFormat>()

function format(lng: string, withDay: boolean): Intl.DateTimeFormat {
  const key = `${lng}:${withDay}`
  let found = formats.get(key)
  if (!found) {
    found = new Intl.DateTimeFormat(lng, {year: 'numeric', month: 'long', ...(withDay ? {day: 'numeric'} : {}), timeZone: 'UTC'})
    formats.set(key, found)
  }
  return found
}

function parts(date: string): {year: number; month: number; day: number | undefined} {
  const [year, month, day] = date.split('-').map(Number)
  return {year: year!, month: month!, day}
}

/** `2022-10` → `octobre 2022`, `October 2022`, `октябрь 2022 г.`; `2022-10-04` → `4 octobre 2022`… */
export function formatArticleDate(date: string, lng: string): string {
  // A corpus has a few hundred dates, each written on thousands of pages.
  const key = `${lng}:${date}`
  let written = writtenDates.get(key)
  if (written === undefined) {
    const {year, month, day} = parts(date)
    written = format(lng, day !== undefined).format(new Date(Date.UTC(year, month - 1, day ?? 1)))
    writtenDates.set(key, written)
  }
  return written
}

const writtenDates = new Map<string, string>()

/** The RFC 3339 timestamp of an article date, for Atom: its first day when it names only a month. */
export function atomTimestamp(date: string): string {
  const {year, month, day} = parts(date)
  return new Date(Date.UTC(year, month - 1, day ?? 1)).toISOString().replace('.000Z', 'Z')
}
