import type {LanguageCode} from '@briefs/languages'
import type {Quantity} from './quantity.js'

// Making an Intl formatter costs far more than using one: one per language, kept.
const numberFormats = new Map<string, Intl.NumberFormat>()
const dateFormats = new Map<string, Intl.DateTimeFormat>()

function cached<T>(cache: Map<string, T>, lng: string, make: () => T): T {
  let format = cache.get(lng)
  if (!format) {
    format = make()
    cache.set(lng, format)
  }
  return format
}

/** A quantity as the language writes it, for messages: `10,000`, `10 000`, `September 21`, `21 сентября`, `15:30`. */
export function formatQuantity(quantity: Quantity, lng: LanguageCode): string {
  switch (quantity.kind) {
    case 'number':
      return plainSpaces(cached(numberFormats, lng, () => new Intl.NumberFormat(lng, {maximumFractionDigits: 6})).format(quantity.value))
    case 'date':
      return cached(dateFormats, lng, () => new Intl.DateTimeFormat(lng, {day: 'numeric', month: 'long', timeZone: 'UTC'})).format(new Date(Date.UTC(2022, quantity.month - 1, quantity.day)))
    case 'time':
      return `${Math.floor(quantity.minutes / 60)}:${String(quantity.minutes % 60).padStart(2, '0')}`
    case 'approximate':
      return quantity.raw
  }
}

// Terminals and logs show a no-break space as a space anyway; a plain one keeps messages greppable.
function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ')
}
