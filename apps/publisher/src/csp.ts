import {createHash} from 'node:crypto'

/** A CSP source for an inline `<script>` or `<style>`: the SHA-256 of its exact text. */
export function cspHash(content: string): string {
  return `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`
}

/**
 * The page's Content-Security-Policy, delivered in a `<meta>` (the site is
 * static files, possibly opened from `file://`): nothing may load or run
 * but the page's own inline style and script, named by their hashes. No
 * image, font, frame, connection, form target or `<base>`.
 */
export function contentSecurityPolicy(inline: {style: string; script?: string | undefined}): string {
  return [
    "default-src 'none'",
    `style-src ${cspHash(inline.style)}`,
    `script-src ${inline.script === undefined ? "'none'" : cspHash(inline.script)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'"
  ].join('; ')
}
