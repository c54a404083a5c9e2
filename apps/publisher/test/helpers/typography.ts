import fs from 'node:fs/promises'
import path from 'node:path'
import {corpusLayout, loadArticle, writeSegmentMap} from '@briefs/corpus'

/**
 * An article dense with French marks after spaces (« … », ; : ! ?), so that
 * at a phone's width many lines could break at one of them: written to
 * `corpus` with its segment map, untranslated.
 */
export async function writeArticle(corpus: string): Promise<string> {
  const id = '2022-12-typographie'
  const phrases = [
    'Oui ? Non ! « Ah » : bien ; mal.',
    'Pourquoi ? « Parce que » : voilà !',
    '« Mobilisation » ; « partielle » ; « totale » ?',
    'Il a dit : « Nous partons ! » Et alors ?',
    'Deux « mots » : « partielle » et « totale » ; puis ?'
  ]
  const paragraphs = Array.from({length: 8}, (_, index) => phrases.map((phrase, shift) => phrases[(index + shift) % phrases.length]!).join(' '))
  const layout = corpusLayout(corpus)
  await fs.writeFile(
    path.join(corpus, 'articles', `${id}.md`),
    `---\nid: ${id}\ndate: 2022-12\nlang: fr\ntitle: '« Mobilisation / partielle » : pourquoi ? Comment !'\n---\n\n${paragraphs.join('\n\n')}\n`
  )
  await writeSegmentMap(layout.segmentMapFile(id), (await loadArticle(layout, id)).segmentMap)
  return id
}
