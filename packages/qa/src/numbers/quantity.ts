/** What a quantity says, whatever its writing. */
export type QuantityValue =
  | {kind: 'number'; value: number; optional?: true}
  | {kind: 'date'; month: number; day: number}
  | {kind: 'time'; minutes: number; meridiem: boolean}
  | {kind: 'approximate'; min: number; max: number}

/** A number found in a text, as a value that can be compared across languages. */
export type Quantity = QuantityPlace & QuantityValue

export interface QuantityPlace {
  /** The text as written (`10.000`; `cinq à six mille` gives `cinq` and `six mille`). */
  raw: string
  start: number
  end: number
}
