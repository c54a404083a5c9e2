/** The brief's own stylesheet: no external requests, Latin and Cyrillic alike. */
export const briefStyles = `
:root { color-scheme: light dark; --ink: #1d1d1f; --muted: #5f6368; --paper: #ffffff; --rule: #d9d9de; --accent: #0b57d0; --mark: #fff3b0; --warn: #b3261e; }
@media (prefers-color-scheme: dark) { :root { --ink: #ececf1; --muted: #a9abb3; --paper: #16171a; --rule: #34363c; --accent: #8ab4f8; --mark: #5c4b00; --warn: #f2b8b5; } }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 17px/1.55 "Source Serif 4", "PT Serif", Georgia, "Noto Serif", "DejaVu Serif", serif; }
.page { max-width: 72rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
header.brief-header { border-bottom: 1px solid var(--rule); padding-bottom: 1rem; margin-bottom: 1.5rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .4rem; }
.title-translation { font-size: 1.3rem; color: var(--muted); margin: 0 0 1rem; }
.meta { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--muted); }
.meta div { display: flex; gap: .4rem; }
.meta dt { font-weight: 600; }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.columns, .row { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); column-gap: 2.5rem; }
.columns { font: 600 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); border-bottom: 1px solid var(--rule); padding-bottom: .4rem; margin-bottom: .8rem; }
.row { padding: .35rem 0; border-bottom: 1px solid transparent; }
.row > div > :first-child { margin-top: 0; }
.row > div > :last-child { margin-bottom: 0; }
.row p, .row h2, .row h3, .row h4 { margin: 0 0 .6rem; overflow-wrap: break-word; hyphens: auto; }
.row h2, .row h3, .row h4 { font-size: 1.15rem; }
[data-segment]:target { background: var(--mark); }
.missing { color: var(--warn); font-style: italic; }
.flag { font: 600 .75em/1 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--warn); white-space: nowrap; }
[data-state="draft"], [data-state="stale"] { text-decoration: underline dotted var(--warn); text-underline-offset: .2em; }
a { color: var(--accent); }
nav.crumbs { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; margin-bottom: 1rem; }
table.index { border-collapse: collapse; width: 100%; font-size: 16px; }
table.index th, table.index td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--rule); padding: .5rem .6rem .5rem 0; }
@media (max-width: 40rem) { .columns { display: none; } .row { grid-template-columns: minmax(0, 1fr); } .row > .target { border-left: 3px solid var(--rule); padding-left: .75rem; margin-top: .4rem; } }
@media print { body { font-size: 10.5pt; } .page { max-width: none; padding: 0; } nav.crumbs { display: none; } .row { break-inside: avoid; } }
`.trim()
