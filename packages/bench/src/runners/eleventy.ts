// Eleventy 3.1.7 building the same French articles to HTML (markdown-it, monolingual).
import {finish} from './report.js'

const [articles, out] = process.argv.slice(2)
// Eleventy ships no type declarations: import it by a specifier TypeScript does not resolve.
const specifier = '@11ty/eleventy'
const {default: Eleventy} = (await import(specifier)) as {
  default: new (input: string, output: string, options: Record<string, unknown>) => {write(): Promise<unknown>}
}
const eleventy = new Eleventy(articles!, out!, {quietMode: true, config: (config: {setTemplateFormats(formats: string[]): void}) => config.setTemplateFormats(['md'])})
await eleventy.write()
finish()
