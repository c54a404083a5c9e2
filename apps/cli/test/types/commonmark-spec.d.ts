declare module 'commonmark-spec' {
  /** One example of the CommonMark spec: tabs shown as `→`. */
  interface Test {
    markdown: string
    html: string
    section: string
    number: number
  }
  const spec: {text: string; tests: Test[]}
  export default spec
}
