// The baseline a user would write: remark-parse → remark-rehype → rehype-stringify over every French article.
import fs from 'node:fs/promises'
import path from 'node:path'
import {finish} from './report.js'

const [articles, out] = process.argv.slice(2)
const [{unified}, {default: remarkParse}, {default: remarkFrontmatter}, {default: remarkRehype}, {default: rehypeStringify}] = await Promise.all([
  import('unified'),
  import('remark-parse'),
  import('remark-frontmatter'),
  import('remark-rehype'),
  import('rehype-stringify')
])
const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkRehype).use(rehypeStringify).freeze()
await fs.mkdir(out!, {recursive: true})
for (const name of (await fs.readdir(articles!)).sort()) {
  const markdown = await fs.readFile(path.join(articles!, name), 'utf8')
  const html = String(await processor.process(markdown))
  await fs.writeFile(path.join(out!, name.replace(/\.md$/, '.html')), html)
}
finish()
