/**
 * The brief's only script, inline and small: the page reads the same
 * without it (CSS shows `:hover`, `:focus` and `:target` on the sentence
 * itself); with it, the counterparts in the other columns light up too.
 *
 * - hovering or focusing a sentence marks every span that shares one of
 *   its segments `is-linked` (a translation unit over two French sentences
 *   lists both in `data-segment`: it lights up with both, and both with it);
 * - the sentence named by the address (`#s-…`, `#en-s-…`) and its
 *   counterparts are marked `is-target`, on load and on every change;
 * - clicking a sentence, or Enter on it, makes it the target without
 *   scrolling, so the address bar holds a link to it.
 *
 * It reads segment IDs from `data-segment` (set by the build from validated
 * IDs) and looks elements up by ID, never by building markup. Its SHA-256
 * goes into the page's Content-Security-Policy, so no other script can run.
 */
export const sentenceLinkingScript = `
(() => {
  const root = document.documentElement
  root.classList.add('js')
  const segmentOf = (node) => (node instanceof Element ? node.closest('[data-segment]')?.getAttribute('data-segment') : null) ?? null
  const spans = (segments) => (segments ? [...new Set(segments.split(' ').flatMap((segment) => [...document.querySelectorAll('[data-segment~="' + CSS.escape(segment) + '"]')]))] : [])
  const marked = {'is-linked': [], 'is-target': []}
  const mark = (name, segment) => {
    for (const span of marked[name]) span.classList.remove(name)
    marked[name] = spans(segment)
    for (const span of marked[name]) span.classList.add(name)
  }
  const targetSegment = () => {
    try {
      return segmentOf(document.getElementById(decodeURIComponent(location.hash.slice(1))))
    } catch {
      return null
    }
  }
  let hovered = null
  let focused = null
  const link = () => mark('is-linked', hovered ?? focused)
  const pin = () => mark('is-target', targetSegment())
  pin()
  addEventListener('hashchange', pin)
  document.addEventListener('mouseover', (event) => { hovered = segmentOf(event.target); link() })
  document.addEventListener('mouseout', (event) => { if (!event.relatedTarget) { hovered = null; link() } })
  document.addEventListener('focusin', (event) => { focused = segmentOf(event.target); link() })
  document.addEventListener('focusout', (event) => { focused = segmentOf(event.relatedTarget); link() })
  const choose = (event) => {
    const span = event.target instanceof Element ? event.target.closest('[data-segment][id]') : null
    if (!span || event.target.closest('a') || String(getSelection())) return
    history.replaceState(null, '', '#' + span.id)
    pin()
  }
  document.addEventListener('click', choose)
  document.addEventListener('keydown', (event) => { if (event.key === 'Enter') choose(event) })
})()
`.trim()
