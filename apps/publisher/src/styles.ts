/**
 * Below `width`, a brief of `selector` (three columns or more) shows the
 * French across the row and the translations two by two under it; phones
 * (below 40rem) have one column for all.
 */
function stackedTranslations(width: string, selector: string): string {
  return `@media screen and (min-width: 40.0625rem) and (max-width: ${width}) {
  ${selector} .columns { display: none; }
  ${selector} .row { grid-template-columns: repeat(2, minmax(0, 1fr)); grid-auto-flow: row; row-gap: .35rem; padding: .8rem 0; border-bottom: 1px solid var(--rule); }
  ${selector} .row > .source { grid-column: 1 / -1; }
  ${selector} .row > div::before { display: block; }
  ${selector} .row > .source + div::after { display: none; }
  ${selector} .row > .source { margin-bottom: .2rem; }
}`
}

/**
 * The one stylesheet of every page, inline (its SHA-256 is in the page's
 * CSP): no web font, no request. Fonts are system fonts that cover Latin
 * and Cyrillic alike, so French, English and Russian set in the same face.
 *
 * - wide screens: the French and each translation side by side, one grid
 *   row per paragraph, so a paragraph and its translation start together;
 * - below 40rem: one column, each French paragraph followed by its
 *   translations, labelled with their language;
 * - three columns or more (`columns-<n>`, one per language) need 64rem (four
 *   need 84rem); narrower, the French spans the row and the translations
 *   sit two by two under it;
 * - print: A4, black on white, the columns kept side by side;
 * - dark mode through `prefers-color-scheme`.
 */
export const pageStyles = `
:root {
  color-scheme: light dark;
  --paper: #fdfcf9; --ink: #1b1c1f; --muted: #55585f; --rule: #dcd9d2; --rule-strong: #b9b5ab; --panel: #f4f2ec;
  --brand: #a3191b; --link: #0a4ea3; --mark: #fff0a0; --target: #ffd45c; --warn: #a8231b; --flag: #7f4d00; --code: #efece4;
  --serif: "Source Serif 4", "Source Serif Pro", "PT Serif", "Noto Serif", Georgia, Cambria, "DejaVu Serif", serif;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PT Sans", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
  --mono: ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace;
  --page: 72rem; --gutter: clamp(1rem, 4vw, 2.5rem); --gap: 2.75rem;
}
@media (prefers-color-scheme: dark) {
  :root { --paper: #131417; --ink: #e9e7e2; --muted: #a9acb3; --rule: #2f3137; --rule-strong: #4a4d55; --panel: #1b1d21;
    --brand: #ff8f86; --link: #9cc2ff; --mark: #4d4210; --target: #6e5a00; --warn: #ffb1a8; --flag: #ffca7a; --code: #23252a; }
}
*, *::before, *::after { box-sizing: border-box; }
.wide { --page: 84rem; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
/* A linked sentence scrolls into view below the sticky column labels, not under them. */
[data-segment], .row { scroll-margin-top: 3.5rem; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 1.0625rem/1.62 var(--serif); font-kerning: normal; font-variant-ligatures: common-ligatures; }
a { color: var(--link); text-underline-offset: .18em; text-decoration-thickness: from-font; }
a:focus-visible, [tabindex]:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; border-radius: 2px; }
code { font: .88em/1.4 var(--mono); background: var(--code); border-radius: 3px; padding: .05em .25em; overflow-wrap: anywhere; }
.skip-link { position: absolute; left: var(--gutter); top: -4rem; z-index: 2; padding: .5rem .9rem; background: var(--ink); color: var(--paper); font: 600 .9rem/1.2 var(--sans); border-radius: 0 0 4px 4px; }
.skip-link:focus { top: 0; }
.masthead { border-bottom: 3px double var(--rule-strong); font-family: var(--sans); }
.masthead-inner { max-width: var(--page); margin: 0 auto; padding: .85rem var(--gutter) .7rem; display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: .4rem 2rem; }
.brand { font: 800 .95rem/1.2 var(--sans); letter-spacing: .1em; text-transform: uppercase; color: var(--brand); text-decoration: none; }
.versions { display: flex; flex-wrap: wrap; gap: .2rem 1.1rem; list-style: none; margin: 0; padding: 0; font-size: .86rem; line-height: 1.5; }
.versions a { color: var(--muted); text-decoration: none; border-bottom: 2px solid transparent; padding-bottom: .1rem; }
.versions a:hover { color: var(--ink); border-bottom-color: var(--rule-strong); }
.versions a[aria-current="page"] { color: var(--ink); font-weight: 650; border-bottom-color: var(--brand); }
.page { max-width: var(--page); margin: 0 auto; padding: 2.25rem var(--gutter) 3rem; }
.kicker { margin: 0 0 .7rem; font: 700 .78rem/1.3 var(--sans); letter-spacing: .09em; text-transform: uppercase; color: var(--brand); }
h1 { margin: 0 0 .55rem; font-size: clamp(1.65rem, 1.2rem + 1.7vw, 2.55rem); line-height: 1.14; letter-spacing: -.012em; text-wrap: balance; overflow-wrap: anywhere; }
.title-translation { margin: 0 0 .3rem; font-size: clamp(1.12rem, 1rem + .55vw, 1.42rem); line-height: 1.32; color: var(--muted); text-wrap: balance; overflow-wrap: anywhere; }
.title-translation.missing { font-style: italic; color: var(--warn); }
.meta { display: flex; flex-wrap: wrap; gap: .35rem 2rem; margin: 1.3rem 0 0; padding-top: .85rem; border-top: 1px solid var(--rule); font: .84rem/1.5 var(--sans); color: var(--muted); }
.meta div { display: flex; flex-wrap: wrap; gap: 0 .45rem; min-width: 0; }
.meta dt { font-weight: 650; color: var(--ink); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.meta dd.status::after { content: ","; }
.meta code { font-size: .95em; }
.intro { max-width: 42rem; color: var(--muted); margin: 0; }
.columns, .row { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); column-gap: var(--gap); }
.brief:not(.columns-2) .columns, .brief:not(.columns-2) .row { grid-template-columns: none; grid-auto-flow: column; grid-auto-columns: minmax(0, 1fr); --gap: 2.25rem; }
.columns { position: sticky; top: 0; z-index: 1; margin: 2rem 0 .4rem; padding: .55rem 0 .45rem; background: var(--paper); border-bottom: 1px solid var(--rule-strong); font: 700 .74rem/1.3 var(--sans); letter-spacing: .1em; text-transform: uppercase; color: var(--muted); }
.row { padding: .55rem 0; }
.row > div { min-width: 0; }
.row > div + div { position: relative; }
.row > div + div::after { content: ""; position: absolute; top: .2rem; bottom: .2rem; left: calc(var(--gap) / -2); border-left: 1px solid var(--rule); }
.row > div::before { content: attr(data-label); display: none; margin-bottom: .15rem; font: 700 .66rem/1.3 var(--sans); letter-spacing: .1em; text-transform: uppercase; color: var(--muted); }
.row p, .row h2, .row h3, .row h4, .row h5, .row h6 { margin: 0 0 .55rem; overflow-wrap: anywhere; hyphens: auto; text-wrap: pretty; }
.row > div > :last-child, .row blockquote > :last-child, .row li > :last-child, .row .footnote > :last-child { margin-bottom: 0; }
.row h2 { margin-top: .9rem; font-size: 1.22rem; line-height: 1.3; }
.row h3, .row h4, .row h5, .row h6 { margin-top: .8rem; font-size: 1.08rem; line-height: 1.3; }
.row h5, .row h6 { font-size: 1rem; font-style: italic; }
/* The article's structure, in every column: quotes, lists (a list item's later paragraphs without a marker), tables, code, breaks, footnotes. */
.row blockquote { margin: 0 0 .55rem; padding-left: .85rem; border-left: 3px solid var(--rule-strong); }
.row ul, .row ol { margin: 0 0 .55rem; padding-left: 1.5rem; }
.row li.continued { list-style: none; }
.row table { width: 100%; table-layout: fixed; border-collapse: collapse; margin: 0 0 .55rem; font-size: .95em; }
.row th, .row td { border: 1px solid var(--rule); padding: .25rem .45rem; vertical-align: top; overflow-wrap: anywhere; }
.row th { font-weight: 650; }
.row th:not([align]) { text-align: start; }
.row pre { margin: 0 0 .55rem; padding: .5rem .65rem; background: var(--code); border-radius: 3px; white-space: pre-wrap; overflow-wrap: anywhere; }
.row pre code { padding: 0; background: none; }
.row hr { margin: .6rem 0; border: 0; border-top: 1px solid var(--rule-strong); }
.footnote { font-size: .92em; color: var(--muted); }
.footnote-label { font: 650 .75em/1 var(--sans); }
.row .target { color: var(--ink); }
[data-segment] { border-radius: 2px; box-decoration-break: clone; -webkit-box-decoration-break: clone; transition: background-color .12s ease-out; }
@media (prefers-reduced-motion: reduce) { [data-segment] { transition: none; } }
[data-segment][tabindex]:hover, [data-segment]:focus, .is-linked { background: var(--mark); }
[data-segment]:focus:not(:focus-visible) { outline: none; }
html:not(.js) [data-segment]:target, .is-target { background: var(--target); box-shadow: 0 0 0 2px var(--target); }
.missing { color: var(--warn); font-style: italic; }
.missing strong { font-weight: 600; }
.flag { font: 650 .72em/1 var(--sans); font-style: normal; color: var(--flag); white-space: nowrap; }
[data-state="draft"], [data-state="stale"] { text-decoration: underline dotted var(--flag); text-underline-offset: .22em; }
.page-footer { margin-top: 2.5rem; padding-top: 1rem; border-top: 1px solid var(--rule); font: .84rem/1.55 var(--sans); color: var(--muted); }
.page-footer p { margin: 0 0 .45rem; max-width: 48rem; }
table.index { width: 100%; border-collapse: collapse; margin-top: 1.75rem; font-size: 1rem; }
table.index th { text-align: left; font: 700 .74rem/1.3 var(--sans); letter-spacing: .1em; text-transform: uppercase; color: var(--muted); border-bottom: 1px solid var(--rule-strong); padding: .5rem 1.25rem .45rem 0; }
table.index td { vertical-align: top; border-bottom: 1px solid var(--rule); padding: .9rem 1.25rem .9rem 0; overflow-wrap: anywhere; }
table.index td:last-child { width: 17rem; }
table.index td.date { white-space: nowrap; font: .86rem/1.6 var(--sans); color: var(--muted); }
table.index .article-title { display: block; font-weight: 650; font-size: 1.08rem; line-height: 1.35; }
table.index .article-translation { display: block; margin-top: .2rem; color: var(--muted); line-height: 1.4; }
.brief-links { list-style: none; margin: 0; padding: 0; font: .88rem/1.45 var(--sans); }
.brief-links li + li { margin-top: .35rem; }
.brief-links a { font-weight: 600; }
.brief-links .count { display: block; color: var(--muted); font-size: .8rem; }
${stackedTranslations('84rem', '.brief:not(.columns-2):not(.columns-3)')}
${stackedTranslations('64rem', '.brief.columns-3')}
@media screen and (max-width: 40rem) {
  body { font-size: 1.03rem; line-height: 1.58; }
  .page { padding-top: 1.5rem; }
  .columns, .brief:not(.columns-2) .columns { display: none; }
  .brief .row, .brief:not(.columns-2) .row { grid-template-columns: minmax(0, 1fr); grid-auto-flow: row; row-gap: .6rem; padding: .9rem 0 1rem; border-bottom: 1px solid var(--rule); }
  .row > div::before { display: block; }
  .row > div + div::after { display: none; }
  .row > .target { padding: .5rem .75rem .6rem; background: var(--panel); border-left: 3px solid var(--rule-strong); border-radius: 0 4px 4px 0; }
  .brief:not(.columns-2) .row > .source { margin-bottom: 0; }
  table.index, table.index tbody, table.index tr, table.index td { display: block; }
  table.index thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  table.index tr { padding: .9rem 0; border-bottom: 1px solid var(--rule); }
  table.index td, table.index td:last-child { width: auto; border: 0; padding: 0 0 .45rem; }
}
@page { size: A4; margin: 16mm 14mm 16mm; }
@media print {
  :root { --paper: #fff; --ink: #000; --muted: #3d3d3d; --rule: #b5b5b5; --rule-strong: #7a7a7a; --brand: #000; --link: #000; --warn: #000; --flag: #000; --code: #f0f0f0; --gap: 1.6rem; }
  html { font-size: 9.6pt; }
  body { font-size: 1rem; line-height: 1.42; background: #fff; color: #000; }
  .skip-link, .masthead nav, .how-to, .page-footer nav { display: none; }
  .masthead { border-bottom-width: 1px; }
  .masthead-inner, .page { max-width: none; padding-left: 0; padding-right: 0; }
  .page { padding-top: 1rem; }
  h1 { font-size: 1.75rem; }
  .title-translation { font-size: 1.2rem; }
  .columns { position: static; margin-top: 1rem; }
  .columns, .brief:not(.columns-2) .columns { display: grid; }
  .row { break-inside: avoid; padding: .3rem 0; }
  .brief:not(.columns-2) .columns, .brief:not(.columns-2) .row { grid-template-columns: none; grid-auto-flow: column; grid-auto-columns: minmax(0, 1fr); --gap: 1.2rem; }
  .row > div::before { display: none; }
  [data-segment], .is-linked, .is-target { background: none; box-shadow: none; }
  a { text-decoration: none; }
  thead { display: table-header-group; }
  table.index tr { break-inside: avoid; }
}
`.trim()
