import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {align, formatUnit, parameters, type AlignSentence, type AlignUnit} from '../src/index.js'
import {soundForm} from '../src/transliterate.js'

/** Every sentence of both sides in exactly one unit, units in order, at most four sentences a side. */
function expectPartition(units: readonly AlignUnit[], sourceCount: number, targetCount: number) {
  const sources = units.flatMap((unit) => unit.source)
  const targets = units.flatMap((unit) => unit.target)
  expect(sources).toEqual(Array.from({length: sourceCount}, (_, index) => index))
  expect(targets).toEqual(Array.from({length: targetCount}, (_, index) => index))
  for (const unit of units) {
    expect(unit.source.length + unit.target.length).toBeGreaterThan(0)
    expect(unit.source.length).toBeLessThanOrEqual(4)
    expect(unit.target.length).toBeLessThanOrEqual(4)
    expect(unit.confidence).toBeGreaterThanOrEqual(0)
    expect(unit.confidence).toBeLessThanOrEqual(1)
  }
}

const words = ['le', 'ministre', 'Poutine', 'Путин', 'Tokaïev', 'a', 'dit', '10.000', '10,000', '1,5', 'million', 'Géorgie', 'the', 'said', '?', '«', '»', '.', 'x'.repeat(30), '']
const sentence = fc.array(fc.constantFrom(...words), {maxLength: 12}).map((parts) => parts.join(' '))
const sentences = fc.array(fc.record({text: sentence, paragraph: fc.integer({min: 0, max: 3})}), {maxLength: 25}).map((list) =>
  // Paragraph indexes in order, as documents have them.
  list.map((item, index) => ({...item, paragraph: Math.min(index, list.slice(0, index + 1).reduce((sum, next) => sum + next.paragraph, 0))}))
)

describe('align properties', () => {
  it('puts every sentence of both sides in exactly one unit, in order, whatever the text', () => {
    fc.assert(
      fc.property(sentences, sentences, fc.constantFrom(undefined, 'en', 'ru', 'de', 'xx'), (source, target, targetLanguage) => {
        expectPartition(align(source, target, {targetLanguage}).units, source.length, target.length)
        expectPartition(align(source, target, {method: 'length'}).units, source.length, target.length)
      }),
      {numRuns: 300}
    )
  })

  it('is deterministic', () => {
    fc.assert(
      fc.property(sentences, sentences, (source, target) => {
        expect(align(source, target, {targetLanguage: 'en'})).toEqual(align(source, target, {targetLanguage: 'en'}))
      }),
      {numRuns: 100}
    )
  })

  it('aligns a text with itself one to one', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Le président a parlé mardi à Moscou.', 'Il y avait 10.000 personnes.', 'Pourquoi ?', 'La Géorgie et le Kazakhstan, deux pays voisins.'), {minLength: 1, maxLength: 20}), (texts) => {
        const list = texts.map((text) => ({text}))
        expect(align(list, list, {targetLanguage: 'fr'}).units.map(formatUnit)).toEqual(list.map((_, index) => `[${index}]:[${index}]`))
      }),
      {numRuns: 50}
    )
  })
})

describe('align', () => {
  it('gives every sentence a unit of its own when the other side is empty', () => {
    const source = [{text: 'Une phrase.'}, {text: 'Une autre.'}]
    expect(align(source, []).units).toEqual([
      {source: [0], target: [], confidence: 1},
      {source: [1], target: [], confidence: 1}
    ])
    expect(align([], source).units.map(formatUnit)).toEqual(['[]:[0]', '[]:[1]'])
    expect(align([], []).units).toEqual([])
  })

  it('finds a merge, a split, an addition and an omission from numbers and names in a language it does not know', () => {
    const french: AlignSentence[] = [
      {text: 'Vladimir Poutine a signé le décret le 21 septembre.'},
      {text: 'Il concerne 300.000 réservistes.'},
      {text: 'Sergueï Choïgou a annoncé mardi que 200.000 hommes avaient été enrôlés, selon Reuters, et que 98.000 étaient partis au Kazakhstan.'},
      {text: 'Tbilissi a compté 10.000 arrivées par jour.'},
      {text: 'Le Kremlin n’a pas réagi.'},
      {text: 'Les autorités géorgiennes n’ont pas voulu commenter ces chiffres devant la presse.'}
    ]
    const russian: AlignSentence[] = [
      {text: 'Владимир Путин подписал указ 21 сентября, он касается 300 000 резервистов.'},
      {text: 'Сергей Шойгу во вторник объявил, что призваны 200 000 человек, сообщает Рейтер.'},
      {text: 'По его словам, 98 000 уехали в Казахстан.'},
      {text: 'Примечание переводчика: цифры официальные, в Женеве их проверить нельзя.'},
      {text: 'Тбилиси насчитал 10 000 прибытий в день.'},
      {text: 'Кремль не отреагировал.'}
    ]
    // An addition next to an omission would read as one mistranslated unit: without words to compare, nothing tells them apart.
    expect(align(french, russian, {targetLanguage: 'xx'}).units.map(formatUnit)).toEqual(['[0, 1]:[0]', '[2]:[1, 2]', '[]:[3]', '[3]:[4]', '[4]:[5]', '[5]:[]'])
  })

  /** Units of `source` and `target` (one sentence a line), German target; `changes` to the parameters while aligning, as an ablation. */
  function unitsWith(source: string[], target: string[], changes: Partial<typeof parameters> = {}): string[] {
    const saved = {...parameters}
    Object.assign(parameters, changes)
    try {
      return align(source.map((text) => ({text})), target.map((text) => ({text})), {targetLanguage: 'de'}).units.map(formatUnit)
    } finally {
      Object.assign(parameters, saved)
    }
  }

  it('leaves OCR debris alone rather than in its neighbour’s unit', () => {
    const french = ['Le sommet mesure 8603 m selon la carte de Marcel Kurz.', '.....', '- _-', 'La descente fut longue et pénible.']
    const german = ['Der Gipfel misst 8603 m nach der Karte von Marcel Kurz.', 'Der Abstieg war lang und mühsam.']
    expect(unitsWith(french, german)).toEqual(['[0]:[0]', '[1]:[]', '[2]:[]', '[3]:[1]'])
    // At the prior of a sentence left out, the debris costs less merged.
    expect(unitsWith(french, german, {debrisAlone: 0.01})).toEqual(['[0]:[0]', '[1, 2, 3]:[1]'])
  })

  it('keeps the clauses a splitter cut at a semicolon together', () => {
    const french = ['Le temps était beau.', 'Les porteurs sont partis le 3 mai.', 'Le retour fut rapide.']
    const german = ['Das Wetter war schön.', 'Die Träger brachen am 3. Mai auf ;', 'es war ein langer Weg durch das ganze obere Tal.', 'Der Rückweg ging schnell.']
    const right = ['[0]:[0]', '[1]:[1, 2]', '[2]:[3]']
    expect(unitsWith(french, german)).toEqual(right)
    // Each of the two clause rules is needed here: the clause added alone, or the next sentence moved.
    expect(unitsWith(french, german, {clauseAlone: 1})).not.toEqual(right)
    expect(unitsWith(french, german, {clauseJoin: 0})).not.toEqual(right)
  })

  it('reads names across scripts and spellings', () => {
    expect(soundForm('Poutine', 'fr').slice(0, 4)).toBe(soundForm('Путин', 'ru').slice(0, 4))
    expect(soundForm('Tbilissi', 'fr')).toBe(soundForm('Тбилиси', 'ru'))
    expect(soundForm('Choïgou', 'fr')).toBe(soundForm('Шойгу', 'ru'))
    expect(soundForm('Tokaïev', 'fr').slice(0, 4)).toBe(soundForm('Токаев', 'ru').slice(0, 4))
    expect(soundForm('Kassym-Jomart'.split('-')[1]!, 'fr')).toBe(soundForm('Жомарт', 'ru'))
  })

  // Lengths alone put the short translation against the short French sentence; one kind of evidence each moves it.
  const french = [
    {text: 'Il pleuvait beaucoup ce matin-là.'},
    {text: 'Hier, la ville souhaitait encore vivement une paix durable avec tous.'},
    {text: 'Il faisait froid.'}
  ]
  const english = [{text: 'It rained hard that morning.'}, {text: 'Yesterday the town wished for peace.'}]
  const rightUnits = ['[0]:[0]', '[1]:[1]', '[2]:[]']

  it('needs evidence beyond lengths for the example below', () => {
    expect(align(french, english, {targetLanguage: 'en'}).units.map(formatUnit)).not.toEqual(rightUnits)
  })

  it('learns translations from given sentence pairs', () => {
    const words = [['hier', 'yesterday'], ['ville', 'town'], ['souhaitait', 'wished'], ['paix', 'peace']]
    const lexiconPairs = words.flatMap(([source, target]) => [1, 2].map((n) => ({source: `${source} ${n}`, target: `${target} ${n}`})))
    expect(align(french, english, {targetLanguage: 'en', lexiconPairs}).units.map(formatUnit)).toEqual(rightUnits)
  })

  it('uses a dictionary in either direction, by stems', () => {
    const dictionary = {source: 'en', target: 'fr', pairs: [['yesterday', 'hier'], ['town', 'ville'], ['wish', 'souhaiter'], ['peace', 'paix']] as Array<[string, string]>}
    expect(align(french, english, {targetLanguage: 'en', dictionary}).units.map(formatUnit)).toEqual(rightUnits)
  })

  it('uses the glossary for names no spelling rule relates, in any case', () => {
    const frenchNews = [{text: 'Il pleuvait beaucoup ce matin-là.'}, {text: 'La Géorgie a fermé sa frontière avec la Russie.'}, {text: 'Il faisait froid.'}]
    const russian = [{text: 'Утром шел сильный дождь.'}, {text: 'Грузия закрыла границу.'}]
    const glossary = [{source: 'Géorgie', target: 'Грузия'}]
    expect(align(frenchNews, russian, {targetLanguage: 'ru'}).units.map(formatUnit)).toEqual(['[0]:[0]', '[1]:[]', '[2]:[1]'])
    expect(align(frenchNews, russian, {targetLanguage: 'ru', glossary}).units.map(formatUnit)).toEqual(['[0]:[0]', '[1]:[1]', '[2]:[]'])
    const declined = [russian[0]!, {text: 'В Грузии закрыли границу.'}]
    expect(align(frenchNews, declined, {targetLanguage: 'ru', glossary}).units.map(formatUnit)).toEqual(['[0]:[0]', '[1]:[1]', '[2]:[]'])
  })
})
