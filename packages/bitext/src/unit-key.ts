/**
 * A translation unit is written in the i18next resource under one key: the
 * segment ID for one French sentence, or the IDs of consecutive sentences
 * of one paragraph joined by `+` (`"s-315253+s-d9457a"`). A valid i18next
 * key (the resources use no key separator), visible and editable in the
 * JSON, with nothing on the side that could drift.
 */
export const unitKeySeparator = '+'

/** The key of a unit over these segments. */
export function unitKey(segmentIds: readonly string[]): string {
  return segmentIds.join(unitKeySeparator)
}

/** The segment IDs a key names, or `undefined` when it is malformed (an empty part, an ID twice). */
export function parseUnitKey(key: string): string[] | undefined {
  const ids = key.split(unitKeySeparator)
  if (ids.some((id) => id.trim() === '') || new Set(ids).size !== ids.length) return undefined
  return ids
}
