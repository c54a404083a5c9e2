// Words whose trailing period is an abbreviation mark, matched case-sensitively on the
// word before the period (so "Me" the title is listed, "me" the pronoun is not), grouped
// into rule sets per language. French is the default everywhere.

/** What decides whether a period after a word ends a sentence, for one language. */
export interface SentenceRules {
  /** Titles, reference and street abbreviations: the period never ends a sentence. */
  abbreviations: readonly string[]
  /**
   * Abbreviations followed by a number (`21 sept. 2022`, `No. 5`): the period does not end a
   * sentence before a digit; before an uppercase word it does ("Ils étaient sept. Le…").
   */
  numberAbbreviations: readonly string[]
  /**
   * Abbreviations that often end a sentence (`p.m.`, `U.S.`, `и т. д.`): the period ends one
   * only before a word of `sentenceStarters`. Checked before initials, so `U.S` can be here.
   */
  ambiguousAbbreviations: readonly string[]
  /** Words that usually open a sentence, for `ambiguousAbbreviations` (case-sensitive). */
  sentenceStarters: readonly string[]
  /** Words before which a period after digits does not end a sentence: German ordinals (`am 21. September`). */
  ordinalBefore: readonly string[]
  /** Whether `“` closes an open `„` (German and Russian `„…“`) instead of opening a quotation. */
  lowQuoteClosedByLeftQuote: boolean
  /** Whether a dash before a lowercase word goes on with the sentence: the Russian attribution `«…?» — спросил он.` */
  dashBeforeLowercaseContinues: boolean
}

/** French news: the default rule set. */
export const frenchRules: SentenceRules = {
  abbreviations: [
    // Titles before a name ("M. Tokaïev", "Mme. Martin" when written with a period).
    'M', 'MM', 'Mme', 'Mmes', 'Mlle', 'Mlles', 'Dr', 'Drs', 'Pr', 'Me', 'Mgr', 'St', 'Ste', 'Sts', 'Stes',
    // Latin and reference abbreviations.
    'p', 'pp', 'ex', 'c.-à-d', 'c-à-d', 'cf', 'env', 'art', 'vol', 'chap', 'fig',
    // Streets; "av" also covers "av. J.-C.", "apr" covers "apr. J.-C.".
    'av', 'apr', 'bd'
  ],
  numberAbbreviations: ['janv', 'févr', 'fév', 'avr', 'juil', 'sept', 'oct', 'nov', 'déc'],
  ambiguousAbbreviations: [],
  sentenceStarters: [],
  ordinalBefore: [],
  lowQuoteClosedByLeftQuote: false,
  dashBeforeLowercaseContinues: false
}

/** English news: titles, `e.g.`, `No. 5`, `Jan. 5`; `p.m.`, `U.S.`, `Inc.` end a sentence before "The", "He"… */
export const englishRules: SentenceRules = {
  abbreviations: [
    'Mr', 'Mrs', 'Ms', 'Messrs', 'Dr', 'Prof', 'St', 'Mt', 'Ft', 'Gen', 'Lt', 'Col', 'Capt', 'Cmdr', 'Sgt', 'Cpl', 'Maj',
    'Adm', 'Gov', 'Sen', 'Rep', 'Rev', 'Hon', 'Pres', 'Supt', 'Det', 'Insp', 'Gens', 'Sens', 'Reps',
    'e.g', 'i.e', 'vs', 'cf', 'approx', 'viz', 'Fig', 'fig'
  ],
  numberAbbreviations: [
    'No', 'Nos', 'no', 'p', 'pp', 'para', 'Vol', 'vol', 'ch', 'Ch', 'Art', 'art', 'Sec', 'sec',
    'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec'
  ],
  ambiguousAbbreviations: ['a.m', 'p.m', 'U.S', 'U.K', 'U.N', 'E.U', 'Inc', 'Ltd', 'Co', 'Corp', 'Jr', 'Sr', 'Bros', 'al'],
  sentenceStarters: [
    'The', 'A', 'An', 'In', 'On', 'At', 'It', 'He', 'She', 'They', 'We', 'I', 'You', 'His', 'Her', 'Its', 'Their', 'Our',
    'This', 'That', 'These', 'Those', 'There', 'But', 'And', 'Or', 'So', 'Yet', 'If', 'When', 'While', 'After', 'Before',
    'As', 'Although', 'Since', 'For', 'From', 'By', 'With', 'According', 'Some', 'Many', 'Most', 'All', 'Both', 'Meanwhile',
    'However', 'Still', 'Then', 'Now', 'Last', 'Earlier', 'Later'
  ],
  ordinalBefore: [],
  lowQuoteClosedByLeftQuote: false,
  dashBeforeLowercaseContinues: false
}

/** Russian news: `т. е.`, `т. к.`, initials `В. В.`; `г.`, `и т. д.`, `млн.` end a sentence before "В", "Он", "Это"… */
export const russianRules: SentenceRules = {
  abbreviations: [
    'т', 'е', 'к', 'н', 'им', 'ул', 'пр', 'просп', 'пер', 'пл', 'проф', 'акад', 'ген', 'генерал-лейт', 'св', 'гл', 'см', 'ср',
    'напр', 'букв', 'тов', 'гр', 'обл', 'респ', 'р-н', 'корр', 'зам', 'пред', 'ред'
  ],
  numberAbbreviations: ['рис', 'стр', 'с', 'кв', 'корп', 'ч', 'ст', 'янв', 'февр', 'фев', 'апр', 'авг', 'сент', 'окт', 'нояб', 'дек'],
  ambiguousAbbreviations: ['г', 'гг', 'вв', 'в', 'д', 'п', 'др', 'млн', 'млрд', 'тыс', 'руб', 'долл', 'коп', 'км', 'чел'],
  sentenceStarters: [
    'В', 'Во', 'На', 'По', 'С', 'Со', 'К', 'О', 'Об', 'У', 'Из', 'За', 'До', 'От', 'При', 'Для', 'После', 'Перед', 'Но',
    'А', 'И', 'Однако', 'Также', 'Кроме', 'Он', 'Она', 'Оно', 'Они', 'Мы', 'Я', 'Вы', 'Его', 'Ее', 'Её', 'Их', 'Это',
    'Этот', 'Эта', 'Эти', 'Так', 'Там', 'Тогда', 'Как', 'Когда', 'Если', 'Хотя', 'Поэтому', 'Между', 'Сейчас', 'Теперь',
    'Ранее', 'Позже'
  ],
  ordinalBefore: [],
  lowQuoteClosedByLeftQuote: true,
  dashBeforeLowercaseContinues: true
}

/** German: titles, `z. B.`, `d. h.`, `Nr. 5`, ordinals before month names (`am 21. September`). */
export const germanRules: SentenceRules = {
  abbreviations: ['Dr', 'Prof', 'Hr', 'Fr', 'Frl', 'St', 'z.B', 'z', 'B', 'd.h', 'u.a', 'o.ä', 'bzw', 'ca', 'vgl', 'sog', 'inkl', 'evtl', 'ggf', 'Str'],
  numberAbbreviations: ['Nr', 'S', 'Bd', 'Abs', 'Art', 'Jan', 'Feb', 'Febr', 'Apr', 'Aug', 'Sept', 'Okt', 'Nov', 'Dez'],
  ambiguousAbbreviations: ['usw', 'etc', 'Mio', 'Mrd', 'Jh', 'Chr'],
  sentenceStarters: [
    'Der', 'Die', 'Das', 'Ein', 'Eine', 'Er', 'Sie', 'Es', 'Wir', 'Ich', 'Man', 'In', 'Im', 'Am', 'Auf', 'Mit', 'Nach',
    'Vor', 'Bei', 'Aber', 'Und', 'Doch', 'Dies', 'Diese', 'Dieser', 'Dort', 'Dann', 'Auch', 'Als', 'Wenn', 'So'
  ],
  ordinalBefore: [
    'Januar', 'Jänner', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember',
    'Jan', 'Feb', 'Febr', 'Apr', 'Aug', 'Sept', 'Okt', 'Nov', 'Dez', 'Jahrhundert', 'Jh'
  ],
  lowQuoteClosedByLeftQuote: true,
  dashBeforeLowercaseContinues: false
}

/** "V", "J", "J.-C", "J.-P", "В": uppercase letters joined by "." or ".-". */
const INITIALS = /^(?:\p{Lu}\.-?)*\p{Lu}$/u;

/** No French abbreviation is longer; longer words are not looked up. */
export const LONGEST_ABBREVIATION = 12;

interface CompiledRules {
  abbreviations: ReadonlySet<string>
  numberAbbreviations: ReadonlySet<string>
  ambiguousAbbreviations: ReadonlySet<string>
  sentenceStarters: ReadonlySet<string>
  ordinalBefore: ReadonlySet<string>
  lowQuoteClosedByLeftQuote: boolean
  dashBeforeLowercaseContinues: boolean
  longest: number
}

const compiled = new WeakMap<SentenceRules, CompiledRules>()

/** The rule set as sets, built once per rule object. */
export function compileRules(rules: SentenceRules): CompiledRules {
  let result = compiled.get(rules)
  if (!result) {
    const listed = [...rules.abbreviations, ...rules.numberAbbreviations, ...rules.ambiguousAbbreviations]
    result = {
      abbreviations: new Set(rules.abbreviations),
      numberAbbreviations: new Set(rules.numberAbbreviations),
      ambiguousAbbreviations: new Set(rules.ambiguousAbbreviations),
      sentenceStarters: new Set(rules.sentenceStarters),
      ordinalBefore: new Set(rules.ordinalBefore),
      lowQuoteClosedByLeftQuote: rules.lowQuoteClosedByLeftQuote,
      dashBeforeLowercaseContinues: rules.dashBeforeLowercaseContinues,
      longest: Math.max(LONGEST_ABBREVIATION, ...listed.map((word) => word.length))
    }
    compiled.set(rules, result)
  }
  return result
}

/**
 * Whether the period after `word` only marks an abbreviation or initial, so the
 * sentence goes on even though the next word could start a sentence.
 */
export function isAbbreviationPeriod(word: string, nextWord: string, nextIsDigit: boolean, rules: CompiledRules): boolean {
  if (rules.ambiguousAbbreviations.has(word)) return !rules.sentenceStarters.has(nextWord);
  if (rules.abbreviations.has(word) || INITIALS.test(word)) return true;
  return nextIsDigit && rules.numberAbbreviations.has(word);
}
