// Stable segment IDs across edits of a real article. Each test segments the article
// without a map (map0, what the first `briefs sync` commits), edits a copy of the
// Markdown, segments the copy against map0 and looks at which IDs survived.
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {assignStableIds, diffSegmentMaps, type SegmentMap, type SegmentMapBlock} from '../src/index.js'
import {blockIdsByText, idsByText, paragraphs, segment, sentenceIds} from './helpers.js'

// A copy of corpus/articles/2022-09-la-georgie-et-le-kazakhstan-deux-pays.md.
const article = readFileSync(new URL('fixtures/article-la-georgie-et-le-kazakhstan/input.md', import.meta.url), 'utf8')
const [frontMatter, ...body] = paragraphs(article) as [string, ...string[]]

/** The article with `blocks` as its body. */
function withBody(blocks: readonly string[]): string {
  return `${[frontMatter, ...blocks].join('\n\n')}\n`
}

/** The body with paragraph `index` passed through `edit`. */
function editParagraph(index: number, edit: (paragraph: string) => string): string[] {
  return body.map((paragraph, at) => {
    if (at !== index) return paragraph
    const edited = edit(paragraph)
    expect(edited, 'the edit must change the paragraph').not.toBe(paragraph)
    return edited
  })
}

function replace(from: string, to: string): (text: string) => string {
  return (text) => {
    expect(text).toContain(from)
    return text.replace(from, to)
  }
}

const idPattern = /^[sp]-[0-9a-f]{6,}$/

const map0 = segment(article).map
const ids0 = idsByText(map0)
const blockIds0 = blockIdsByText(map0)
const allIds0 = new Set([...sentenceIds(map0), ...map0.blocks.map((block) => block.id)])

// Paragraphs of the article used below (indices into `body`).
const countsParagraph = 5 // "De son côté, … 98.000 citoyens Russes … Il n'a toutefois …"
const borderParagraph = 3 // "A la frontière … Verkhni Lars. Le ministère local …"
const allyParagraph = 9 // "Allié à la Russie …"
const fearParagraph = 10 // "L'offensive de Moscou … La Russie a envahi …"

const edited98000 = 'De son côté, le ministère de l\'Intérieur du Kazakhstan, une ex-république soviétique d\'Asie centrale, a indiqué que 99.500 ressortissants Russes étaient arrivés dans le pays depuis le 21 septembre.'
const original98000 = 'De son côté, le ministère de l\'Intérieur du Kazakhstan, une ex-république soviétique d\'Asie centrale, a indiqué que 98.000 citoyens Russes étaient arrivés dans le pays depuis le 21 septembre.'
const editCounts = replace('98.000 citoyens Russes', '99.500 ressortissants Russes')

const insertedParagraph = 'Selon les gardes-frontières, la file d\'attente atteignait vingt kilomètres mardi soir. Certains réservistes ont abandonné leur voiture pour passer à pied.'

function insertedBlock(map: SegmentMap): SegmentMapBlock {
  const block = map.blocks.find((candidate) => candidate.sentences[0]!.text.startsWith('Selon les gardes-frontières'))
  expect(block).toBeDefined()
  return block!
}

/** Expect every sentence of map0 whose text is in `texts` to have kept its ID in `map`. */
function expectKept(map: SegmentMap, texts: Iterable<string>): void {
  const ids = idsByText(map)
  for (const text of texts) expect(ids.get(text), text).toBe(ids0.get(text))
}

describe('the article', () => {
  it('has the paragraphs the tests edit', () => {
    expect(body).toHaveLength(11)
    expect(body[countsParagraph]).toContain('98.000 citoyens Russes')
    expect(body[borderParagraph]).toContain('Verkhni Lars. Le ministère local')
    expect(body[allyParagraph]).toMatch(/^Allié à la Russie/)
    expect(body[fearParagraph]).toMatch(/^L'offensive de Moscou/)
    expect(ids0.size).toBe(18)
  })
})

describe('IDs', () => {
  it('are valid i18next keys, match the pattern and are unique', () => {
    const all = [...sentenceIds(map0), ...map0.blocks.map((block) => block.id)]
    for (const id of all) {
      expect(id).toMatch(idPattern)
      // i18next's default key and namespace separators.
      expect(id).not.toMatch(/[.:]/)
    }
    expect(new Set(all).size).toBe(all.length)
  })

  it('are the same on every run (determinism)', () => {
    expect(segment(article).map).toEqual(map0)
    expect(segment(article).segments).toEqual(segment(article).segments)
  })

  it('are unchanged when the article is unchanged (the map is a fixed point)', () => {
    expect(segment(article, map0).map).toEqual(map0)
    // The committed map goes through JSON.
    expect(segment(article, JSON.parse(JSON.stringify(map0)) as SegmentMap).map).toEqual(map0)
  })

  it('of a new sentence derive from its text', () => {
    const text = 'Il n\'a toutefois pas fourni d\'éléments de comparaison avec la semaine précédente.'
    expect(ids0.get(text)).toBe(`s-${sha256(text).slice(0, 6)}`)
  })

  it('stay distinct for identical sentences, deterministically', () => {
    const repeated = 'Le ministère l\'a confirmé.'
    const markdown = `${repeated}\n\nLa frontière est saturée. ${repeated}\n\n${repeated}\n`
    const {map} = segment(markdown)
    const copies = map.blocks.flatMap((block) => block.sentences).filter((sentence) => sentence.text === repeated)
    expect(copies.map((sentence) => sentence.id)).toEqual([
      `s-${sha256(repeated).slice(0, 6)}`,
      `s-${sha256(repeated).slice(0, 8)}`,
      `s-${sha256(repeated).slice(0, 10)}`
    ])
    expect(segment(markdown).map).toEqual(map)
    expect(segment(markdown, map).map).toEqual(map)
  })

  it('stay unique and valid for a text repeated more than the hash can lengthen', () => {
    const blocks = Array.from({length: 40}, () => ({sentences: ['Non.']}))
    const map = assignStableIds(blocks)
    const all = [...sentenceIds(map), ...map.blocks.map((block) => block.id)]
    expect(new Set(all).size).toBe(80)
    for (const id of all) {
      expect(id).toMatch(/^[sp]-[0-9a-f]{6,}(-\d+)?$/)
      expect(id).not.toMatch(/[.:]/)
    }
    expect(assignStableIds(blocks)).toEqual(map)
  })
})

describe('editing the article against map0', () => {
  it('(a) an edited sentence keeps its ID; nothing else changes', () => {
    const {map} = segment(withBody(editParagraph(countsParagraph, editCounts)), map0)
    const ids = idsByText(map)
    expect(ids.has(original98000)).toBe(false)
    expect(ids.get(edited98000)).toBe(ids0.get(original98000))
    expectKept(map, [...ids0.keys()].filter((text) => text !== original98000))
    expect(map.blocks.map((block) => block.id)).toEqual(map0.blocks.map((block) => block.id))
    expect(diffSegmentMaps(map0, map)).toEqual({
      edited: [{id: ids0.get(original98000), before: original98000, after: edited98000}],
      added: [],
      removed: [],
      moved: []
    })
  })

  it('(b) an inserted paragraph gets new IDs; nothing else changes', () => {
    const blocks = [...body.slice(0, 5), insertedParagraph, ...body.slice(5)]
    const {map} = segment(withBody(blocks), map0)
    expectKept(map, ids0.keys())
    const inserted = insertedBlock(map)
    expect(inserted.sentences.map((sentence) => sentence.text)).toEqual([
      'Selon les gardes-frontières, la file d\'attente atteignait vingt kilomètres mardi soir.',
      'Certains réservistes ont abandonné leur voiture pour passer à pied.'
    ])
    for (const id of [inserted.id, ...inserted.sentences.map((sentence) => sentence.id)]) {
      expect(id).toMatch(idPattern)
      expect(allIds0.has(id)).toBe(false)
    }
    expect(map.blocks.filter((block) => block !== inserted)).toEqual(map0.blocks)
  })

  it('(c) a moved paragraph keeps every ID', () => {
    const blocks = [body[0]!, body[allyParagraph]!, ...body.slice(1, allyParagraph), ...body.slice(allyParagraph + 1)]
    const {map} = segment(withBody(blocks), map0)
    expectKept(map, ids0.keys())
    expect(blockIdsByText(map)).toEqual(blockIds0)
    expect(map.blocks[1]).toEqual(map0.blocks[allyParagraph])
    expect(diffSegmentMaps(map0, map)).toEqual({edited: [], added: [], removed: [], moved: []})
  })

  it('(d) a deleted paragraph takes its IDs away; the others stay', () => {
    const blocks = body.filter((_, index) => index !== borderParagraph)
    const {map} = segment(withBody(blocks), map0)
    // The front matter is no block: body[i] is map0.blocks[i].
    const deleted = map0.blocks[borderParagraph]!
    expect(deleted.sentences[0]!.text).toMatch(/^A la frontière/)
    expect(map.blocks).toEqual(map0.blocks.filter((block) => block !== deleted))
    const ids = new Set([...sentenceIds(map), ...map.blocks.map((block) => block.id)])
    for (const id of [deleted.id, ...deleted.sentences.map((sentence) => sentence.id)]) expect(ids.has(id)).toBe(false)
  })

  it('(e) an edit, an insertion and a move at once', () => {
    const edited = editParagraph(countsParagraph, editCounts)
    const moved = [edited[0]!, edited[allyParagraph]!, ...edited.slice(1, allyParagraph), ...edited.slice(allyParagraph + 1)]
    const blocks = [...moved.slice(0, 4), insertedParagraph, ...moved.slice(4)]
    const {map} = segment(withBody(blocks), map0)
    const ids = idsByText(map)
    expect(ids.get(edited98000)).toBe(ids0.get(original98000))
    expectKept(map, [...ids0.keys()].filter((text) => text !== original98000))
    for (const text of ['Selon les gardes-frontières, la file d\'attente atteignait vingt kilomètres mardi soir.', 'Certains réservistes ont abandonné leur voiture pour passer à pied.']) {
      expect(allIds0.has(ids.get(text)!)).toBe(false)
    }
    // Every block of map0 is still there under its ID.
    expect(new Set(map.blocks.map((block) => block.id))).toEqual(new Set([...map0.blocks.map((block) => block.id), insertedBlock(map).id]))
    const diff = diffSegmentMaps(map0, map)
    expect(diff.edited.map((entry) => entry.id)).toEqual([ids0.get(original98000)])
    expect(diff.added).toHaveLength(2)
    expect(diff.removed).toEqual([])
    expect(diff.moved).toEqual([])
  })

  it('(f) a split sentence: the half most like the original keeps its ID, the other half is new', () => {
    const original = 'L\'offensive de Moscou contre l\'Ukraine a réveillé chez certains Kazakhs la crainte de devenir également la cible des ambitions russes, notamment du fait de sa longue frontière avec la Russie et de sa large minorité ethnique russe.'
    const blocks = editParagraph(fearParagraph, replace('la cible des ambitions russes, notamment du fait de sa longue frontière avec la Russie et de sa large', 'la cible des ambitions russes. Cette crainte tient notamment à sa longue frontière avec la Russie et à sa large'))
    const {map} = segment(withBody(blocks), map0)
    const ids = idsByText(map)
    const first = 'L\'offensive de Moscou contre l\'Ukraine a réveillé chez certains Kazakhs la crainte de devenir également la cible des ambitions russes.'
    const second = 'Cette crainte tient notamment à sa longue frontière avec la Russie et à sa large minorité ethnique russe.'
    expect(ids.get(first)).toBe(ids0.get(original))
    expect(allIds0.has(ids.get(second)!)).toBe(false)
    expectKept(map, [...ids0.keys()].filter((text) => text !== original))
    expect(diffSegmentMaps(map0, map)).toEqual({
      edited: [{id: ids0.get(original), before: original, after: first}],
      added: [ids.get(second)],
      removed: [],
      moved: []
    })
  })

  it('(f) merged sentences: the merge keeps the ID of the old sentence most like it, the other is gone', () => {
    const firstOld = 'A la frontière avec la Géorgie, les autorités de la région russe d\'Ossétie du Nord ont admis une "situation tendue" au poste de contrôle de Verkhni Lars.'
    const secondOld = 'Le ministère local de l\'Intérieur a annoncé l\'installation prochaine d\'un "commissariat militaire de mobilisation" dans la zone frontalière afin de recruter les réservistes qui tentent de partir.'
    const blocks = editParagraph(borderParagraph, replace('Verkhni Lars. Le ministère local', 'Verkhni Lars, et le ministère local'))
    const {map} = segment(withBody(blocks), map0)
    const merged = map.blocks.find((block) => block.id === blockIds0.get(`${firstOld} ${secondOld}`))!
    expect(merged.sentences).toHaveLength(1)
    // The second old sentence is the longer one, so the more similar to the merge.
    expect(merged.sentences[0]!.id).toBe(ids0.get(secondOld))
    expectKept(map, [...ids0.keys()].filter((text) => text !== firstOld && text !== secondOld))
    expect(diffSegmentMaps(map0, map).removed).toEqual([ids0.get(firstOld)])
  })

  it('a heavily rewritten sentence gets a new ID', () => {
    const before = 'Il n\'a toutefois pas fourni d\'éléments de comparaison avec la semaine précédente.'
    const after = 'Aucun chiffre antérieur n\'a été communiqué par Astana.'
    const {map} = segment(withBody(editParagraph(countsParagraph, replace(before, after))), map0)
    const ids = idsByText(map)
    expect(allIds0.has(ids.get(after)!)).toBe(false)
    expectKept(map, [...ids0.keys()].filter((text) => text !== before))
    expect(diffSegmentMaps(map0, map)).toEqual({edited: [], added: [ids.get(after)], removed: [ids0.get(before)], moved: []})
  })

  it('a deleted then restored sentence gets its original ID back', () => {
    const sentence = 'Il n\'a toutefois pas fourni d\'éléments de comparaison avec la semaine précédente.'
    const without = segment(withBody(editParagraph(countsParagraph, replace(` ${sentence}`, ''))), map0).map
    expect(idsByText(without).has(sentence)).toBe(false)
    // The map now lacks the sentence: restoring it is like writing it anew.
    expect(segment(article, without).map).toEqual(map0)

    const withoutParagraph = segment(withBody(body.filter((_, index) => index !== borderParagraph)), map0).map
    expect(segment(article, withoutParagraph).map).toEqual(map0)
  })
})

describe('assignStableIds', () => {
  const before = {sentences: ['La frontière est saturée.', 'Le ministère a confirmé une forte hausse des arrivées mardi.', 'Les autorités promettent des renforts.']}
  const previous = assignStableIds([before])
  const [saturated, confirmed, reinforcements] = previous.blocks[0]!.sentences.map((sentence) => sentence.id)
  // Character-trigram similarity about 0.5: below the 0.6 threshold, above it with the in-place bonus.
  const moderate = 'Selon le ministère, les arrivées ont fortement augmenté mardi.'

  it('keeps the ID of a moderately edited sentence that stays between the same neighbours', () => {
    const map = assignStableIds([{sentences: [before.sentences[0]!, moderate, before.sentences[2]!]}], previous)
    expect(map.blocks[0]!.sentences.map((sentence) => sentence.id)).toEqual([saturated, confirmed, reinforcements])
  })

  it('gives a new ID to the same edit made elsewhere', () => {
    const map = assignStableIds([{sentences: [moderate, before.sentences[0]!, before.sentences[2]!]}], previous)
    const [edited, ...others] = map.blocks[0]!.sentences.map((sentence) => sentence.id)
    expect(others).toEqual([saturated, reinforcements])
    expect(edited).not.toBe(confirmed)
  })

  it('never gives a new sentence an ID of the previous map, even a deleted sentence\'s', () => {
    const text = 'Le Kremlin dément.'
    // A deleted sentence whose ID happens to be the new text's short hash.
    const collision = `s-${sha256(text).slice(0, 6)}`
    const map = assignStableIds([{sentences: [text]}], {blocks: [{id: 'p-000000', sentences: [{id: collision, text: 'Tout autre chose, sans rapport.'}]}]})
    expect(map.blocks[0]!.sentences[0]!.id).toBe(`s-${sha256(text).slice(0, 8)}`)
  })

  it('keeps block IDs by majority: a split paragraph\'s first half keeps it, a merged one keeps the first', () => {
    const map1 = assignStableIds([{sentences: ['Un.', 'Deux.']}, {sentences: ['Trois.', 'Quatre.']}])
    const [first, second] = map1.blocks.map((block) => block.id)
    const split = assignStableIds([{sentences: ['Un.']}, {sentences: ['Deux.']}, {sentences: ['Trois.', 'Quatre.']}], map1)
    expect(split.blocks[0]!.id).toBe(first)
    expect(split.blocks[1]!.id).not.toBe(first)
    expect(split.blocks[2]!.id).toBe(second)
    const merged = assignStableIds([{sentences: ['Un.', 'Deux.', 'Trois.', 'Quatre.']}], map1)
    expect(merged.blocks.map((block) => block.id)).toEqual([first])
  })

  it('keeps the IDs of a repeated sentence\'s copies when one copy is edited', () => {
    const repeated = 'Le ministère a confirmé ces chiffres mardi.'
    const map1 = assignStableIds([{sentences: ['Un.', repeated]}, {sentences: ['Deux.', repeated]}])
    const [firstCopy, secondCopy] = [map1.blocks[0]!.sentences[1]!.id, map1.blocks[1]!.sentences[1]!.id]
    const editFirst = assignStableIds([{sentences: ['Un.', 'Le ministère a confirmé ces chiffres lundi.']}, {sentences: ['Deux.', repeated]}], map1)
    expect([editFirst.blocks[0]!.sentences[1]!.id, editFirst.blocks[1]!.sentences[1]!.id]).toEqual([firstCopy, secondCopy])
    const editSecond = assignStableIds([{sentences: ['Un.', repeated]}, {sentences: ['Deux.', 'Le ministère a confirmé ces chiffres lundi.']}], map1)
    expect([editSecond.blocks[0]!.sentences[1]!.id, editSecond.blocks[1]!.sentences[1]!.id]).toEqual([firstCopy, secondCopy])
    // Deleting the first copy's paragraph leaves the second copy its own ID.
    const deleteFirst = assignStableIds([{sentences: ['Deux.', repeated]}], map1)
    expect(deleteFirst.blocks[0]!.sentences[1]!.id).toBe(secondCopy)
    expect(diffSegmentMaps(map1, deleteFirst).moved).toEqual([])
  })
})

// Real sentences of both corpus articles (copied in the fixtures) and a few short
// made-up ones; every one ends with terminal punctuation, so any can follow any in a
// paragraph.
const pool = [
  ...segment(article).segments,
  ...segment(readFileSync(new URL('fixtures/article-plus-de-200-000-russes-enroles/input.md', import.meta.url), 'utf8')).segments
]
  .map((sentence) => sentence.text)
  .filter((text) => /[.?!…][»”"]?$/.test(text))
  .concat(['Le Kremlin dément.', 'Le Dr Ivanov confirme.', 'Il a rouvert à 18h.', 'Mme Petrova, qui dirige une association, a reçu des dizaines de familles.'])

const replacements = ['naguère', 'plusieurs', 'russe', 'aussitôt', 'quelques', 'environ']

/** An article: blocks of pool indices (repeats allowed), and one small edit. */
const articleWithEdit = fc
  .array(fc.array(fc.nat(pool.length - 1), {minLength: 1, maxLength: 4}), {minLength: 1, maxLength: 8})
  .chain((blocks) => {
    const count = blocks.flat().length
    return fc.record({
      blocks: fc.constant(blocks),
      target: fc.nat(count - 1),
      word: fc.nat(1000),
      replacement: fc.constantFrom(...replacements)
    })
  })

/**
 * Replace one word of `text` (not the first or last, only letters or digits) with a
 * lowercase word: the sentence stays one sentence.
 */
function smallEdit(text: string, word: number, replacement: string): string | undefined {
  const words = text.split(' ')
  const candidates = words.map((_, index) => index).filter((index) => index > 0 && index < words.length - 1 && /^[\p{L}\d]+$/u.test(words[index]!) && words[index] !== replacement)
  if (candidates.length === 0) return undefined
  const index = candidates[word % candidates.length]!
  words[index] = replacement
  return words.join(' ')
}

function markdownOf(blocks: string[][]): string {
  return `${blocks.map((block) => block.join(' ')).join('\n\n')}\n`
}

describe('property', () => {
  it('the pool has sentences to build articles from', () => {
    expect(pool.length).toBeGreaterThan(30)
    expect(new Set(pool).size).toBe(pool.length)
  })

  it('a small edit of one sentence never changes any other sentence\'s or block\'s ID', () => {
    fc.assert(
      fc.property(articleWithEdit, ({blocks, target, word, replacement}) => {
        const texts = blocks.map((block) => block.map((index) => pool[index]!))
        const before = segment(markdownOf(texts))
        expect(before.segments.map((sentence) => sentence.text)).toEqual(texts.flat())

        const flat = texts.flat()
        const edited = smallEdit(flat[target]!, word, replacement)
        fc.pre(edited !== undefined && !flat.includes(edited))
        let position = 0
        const editedTexts = texts.map((block) => block.map((text) => (position++ === target ? edited! : text)))

        const after = segment(markdownOf(editedTexts), before.map)
        expect(after.segments.map((sentence) => sentence.text)).toEqual(editedTexts.flat())
        after.segments.forEach((sentence, index) => {
          if (index !== target) expect(sentence.id).toBe(before.segments[index]!.id)
        })
        expect(after.map.blocks.map((block) => block.id)).toEqual(before.map.blocks.map((block) => block.id))
        // One word in a sentence of six or more keeps the edited sentence's ID too.
        if (flat[target]!.split(' ').length >= 6) expect(after.segments[target]!.id).toBe(before.segments[target]!.id)
      }),
      {numRuns: 300}
    )
  }, 60_000)

  it('reordering or deleting paragraphs never changes a remaining ID', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat(pool.length - 1), {minLength: 1, maxLength: 16}),
        fc.infiniteStream(fc.boolean()),
        (indices, keep) => {
          const texts = indices.map((index) => [pool[index]!])
          const before = segment(markdownOf(texts))
          const ids = idsByText(before.map)
          const kept = [...texts].reverse().filter(() => keep.next().value)
          const after = segment(markdownOf(kept), before.map)
          for (const [text, id] of idsByText(after.map)) expect(id).toBe(ids.get(text))
        }
      ),
      {numRuns: 100}
    )
  }, 60_000)
})

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
