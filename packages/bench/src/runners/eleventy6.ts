// Eleventy 3.1.7 writing the same six pages per article as the briefs build (fr-en, fr-ru, fr-en-ru, each HTML
// and Markdown), the HTML in the briefs' chrome (stylesheet, script, CSP) as its layout, from the same corpus
// files: the French sentences of the segment maps and the translations of the resources, each rendered by
// markdown-it, in rows. node eleventy6.js <corpus> <input> <out>
import fs from 'node:fs'
import path from 'node:path'
import {sourceLanguage} from '@briefs/corpus'
import {finish} from './report.js'

const [corpus, input, out] = process.argv.slice(2)
const specifier = '@11ty/eleventy'
const {default: Eleventy} = (await import(specifier)) as {
  default: new (input: string, output: string, options: Record<string, unknown>) => {write(): Promise<unknown>}
}
const {default: MarkdownIt} = await import('markdown-it')
const {contentSecurityPolicy, pageStyles, sentenceLinkingScript} = await import('@briefs/publisher')

interface Sentence {
  id: string
  text: string
}
interface Article {
  id: string
  title: string
  date: string
  titles: Record<string, string | undefined>
  blocks: Array<{id: string; sentences: Sentence[]}>
  resources: Record<string, Record<string, string>>
}

const languages = (JSON.parse(fs.readFileSync(path.join(corpus!, 'briefs.config.json'), 'utf8')) as {languages: string[]}).languages
const names: Record<string, string> = {fr: 'French', en: 'English', ru: 'Russian'}

/** Every article as Eleventy's global data: front matter, segment map, resources. */
function loadArticles(): Article[] {
  return fs
    .readdirSync(path.join(corpus!, 'articles'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const id = name.slice(0, -3)
      const markdown = fs.readFileSync(path.join(corpus!, 'articles', name), 'utf8')
      const field = (key: string) => new RegExp(`^${key}: (.*)$`, 'm').exec(markdown)?.[1] ?? ''
      const map = JSON.parse(fs.readFileSync(path.join(corpus!, 'segments', `${id}.json`), 'utf8')) as {blocks: Article['blocks']}
      const resources = Object.fromEntries(languages.map((lng) => [lng, JSON.parse(fs.readFileSync(path.join(corpus!, 'locales', lng, `${id}.json`), 'utf8')) as Record<string, string>]))
      return {id, title: field('title'), date: field('date'), titles: Object.fromEntries(languages.map((lng) => [lng, resources[lng]!.title])), blocks: map.blocks, resources}
    })
}

const md = new MarkdownIt()
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const views = [...languages.map((lng) => [lng]), ...(languages.length > 1 ? [languages] : [])]
const viewName = (view: string[]) => [sourceLanguage, ...view].join('-')

function span(lng: string, sentence: Sentence, view: string[], value: string | undefined): string {
  const prefix = lng === sourceLanguage ? '' : `${lng}-`
  const others = [sourceLanguage, ...view].filter((other) => other !== lng).map((other) => `${other === sourceLanguage ? '' : `${other}-`}${sentence.id}`)
  return value === undefined
    ? `<span data-segment="${sentence.id}" data-state="missing" class="missing" id="${prefix}${sentence.id}"><strong>⚠ missing translation</strong></span>`
    : `<span data-segment="${sentence.id}" id="${prefix}${sentence.id}" tabindex="0" aria-describedby="${others.join(' ')}">${md.renderInline(value)}</span>`
}

function htmlBody(article: Article, view: string[]): string {
  const rows = article.blocks
    .map((block) => {
      const cells = [sourceLanguage, ...view].map((lng) => {
        const sentences = block.sentences.map((sentence) => span(lng, sentence, view, lng === sourceLanguage ? sentence.text : article.resources[lng]![sentence.id]))
        return `<div class="${lng === sourceLanguage ? 'source' : 'target'}" lang="${lng}" data-label="${names[lng]}"><p>${sentences.join(' ')}</p></div>`
      })
      return `<section class="row" id="${block.id}">${cells.join('')}</section>`
    })
    .join('')
  const titles = view.map((lng) => `<p class="title-translation" lang="${lng}">${escape(article.titles[lng] ?? '')}</p>`).join('')
  const status = view.map((lng) => `<div class="language-status"><dt>${names[lng]}</dt><dd class="status">${Object.keys(article.resources[lng]!).length} sentences translated</dd></div>`).join('')
  return `<main id="text" class="brief columns-${view.length + 1}"><header class="brief-header"><p class="kicker"><time datetime="${article.date}">${article.date}</time> · ${[sourceLanguage, ...view].map((lng) => names[lng]).join(' | ')}</p><h1 lang="fr">${escape(article.title)}</h1>${titles}<dl class="meta"><div><dt>Article</dt><dd><code>${article.id}</code></dd></div>${status}</dl></header><div class="columns" aria-hidden="true">${[sourceLanguage, ...view].map((lng) => `<div>${names[lng]}</div>`).join('')}</div>${rows}</main>`
}

function markdownBody(article: Article, view: string[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
  const header = `| ${[sourceLanguage, ...view].map((lng) => names[lng]).join(' | ')} |\n|${[sourceLanguage, ...view].map(() => ' - |').join('')}`
  const rows = article.blocks.map((block) => `| ${[sourceLanguage, ...view].map((lng) => cell(block.sentences.map((sentence) => (lng === sourceLanguage ? sentence.text : (article.resources[lng]![sentence.id] ?? '**⚠ missing translation**'))).join(' '))).join(' | ')} |`)
  return `# ${article.title}\n\n${view.map((lng) => `**${names[lng]}:** ${article.titles[lng] ?? ''}`).join('\n\n')}\n\n- **Date:** ${article.date}\n- **Article:** \`${article.id}\`\n\n${header}\n${rows.join('\n')}\n`
}

const csp = contentSecurityPolicy({style: pageStyles, script: sentenceLinkingScript})
const chrome = (data: {content: string; article: Article; view: string[]}) =>
  `<!doctype html><html lang="${data.view.length === 1 ? data.view[0] : 'fr'}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>${escape(data.article.title)}</title>${views.map((view) => `<link rel="alternate" hreflang="${view.length === 1 ? view[0] : 'fr'}" href="${viewName(view)}.html">`).join('')}<style>${pageStyles}</style></head><body${data.view.length > 1 ? ' class="wide"' : ''}><a class="skip-link" href="#text">Skip to the text</a><header class="masthead"><div class="masthead-inner"><a class="brand" href="../index.html">Briefs</a></div></header><div class="page">${data.content}<footer class="page-footer"><p class="how-to">Select a sentence to see its counterparts.</p></footer></div><script>${sentenceLinkingScript}</script></body></html>\n`

fs.mkdirSync(input!, {recursive: true})
const eleventy = new Eleventy(input!, out!, {
  quietMode: true,
  config: (config: {addGlobalData(name: string, value: unknown): void; addTemplate(path: string, content: unknown, data?: unknown): void}) => {
    config.addGlobalData('articles', loadArticles)
    config.addTemplate('_includes/brief.11ty.js', {render: chrome})
    for (const view of views) {
      for (const extension of ['html', 'md'] as const) {
        config.addTemplate(`${viewName(view)}-${extension}.11ty.js`, {
          data: () => ({
            pagination: {data: 'articles', size: 1, alias: 'article'},
            view,
            permalink: (data: {article: Article}) => `${data.article.id}/${viewName(view)}.${extension}`,
            ...(extension === 'html' ? {layout: 'brief.11ty.js'} : {})
          }),
          render: (data: {article: Article}) => (extension === 'html' ? htmlBody(data.article, view) : markdownBody(data.article, view))
        })
      }
    }
  }
})
await eleventy.write()
finish()
