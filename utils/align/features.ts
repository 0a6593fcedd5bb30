/**
 * Sentence features for alignment. Each Chinese sentence becomes a list of units (dictionary words, numbers,
 * Latin tokens, name readings), each unit carrying the English stem ids it may translate to; each English
 * sentence becomes a set of stem ids. Ids are shared between the two sides through one vocabulary per document.
 */
import { englishNameTokens, englishStems, stemEnglish } from './english';
import type { Dictionary } from './dictionary';
import { chineseNumbers, englishNumbers } from './numbers';
import { segmentWords } from './chinese';
import { scriptOfCode } from '../text/script';

export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly wordTranslations = new Map<string, readonly number[] | null>();
  private readonly englishNames = new Set<string>();
  /** Every beginning of an English name the document has (q, qi, …, qingyang): where a reading can still lead. */
  private readonly englishNameStarts = new Set<string>();
  id(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) this.ids.set(token, (id = this.ids.size));
    return id;
  }
  /** The id of a name the English has (`@trinket`, from Trinket). */
  englishNameId(name: string): number {
    if (!this.englishNames.has(name)) {
      this.englishNames.add(name);
      for (let end = 1; end <= name.length; end += 1) this.englishNameStarts.add(name.slice(0, end));
    }
    return this.id(`@${name}`);
  }
  /**
   * Ids of the pinyin readings (`@qingyang`) that the English has as names. A reading no English name has could
   * never match, and most runs of characters are no names, so they are left out rather than carried through every
   * comparison.
   */
  nameReadingIds(readings: readonly string[]): number[] | null {
    let ids: number[] | null = null;
    for (const reading of readings) if (reading.length >= 4 && this.englishNames.has(reading)) (ids ??= []).push(this.id(`@${reading}`));
    return ids;
  }
  /** Whether one of these readings begins an English name of the document, so that a longer run may read as one. */
  beginsEnglishName(readings: readonly string[]): boolean {
    return readings.some((reading) => this.englishNameStarts.has(reading));
  }
  /** Ids of a dictionary word's stems, looked up once per document: a text repeats its words. */
  translationsOf(word: string, dictionary: Dictionary): readonly number[] | null {
    let ids = this.wordTranslations.get(word);
    if (ids === undefined) {
      const stems = dictionary.stemsOf(word);
      ids = stems && stems.length > 0 ? stems.map((s) => this.id(s)) : null;
      this.wordTranslations.set(word, ids);
    }
    return ids;
  }
  get size(): number {
    return this.ids.size;
  }
}

export interface ZhUnit {
  /** English token ids this unit may be rendered as (shared between units of the same word: never changed). */
  translations: readonly number[];
  /** Optional units (name readings) count only when they match, so guesses never dilute a sentence. */
  optional: boolean;
  /** Key of the unit for document frequency (the Chinese word itself). */
  key: string;
}

export interface ZhSentence {
  units: ZhUnit[];
  /** Length measure: characters that carry content (Han, letters, digits). */
  length: number;
  /**
   * Strings a document lexicon may learn a translation for: the words, and runs of two or three characters the
   * dictionary leaves alone, where names fall apart (韦/小/宝).
   */
  learnable: string[];
  /** The sentence and each semicolon or colon inside it: see `clauseCount`. */
  clauses: number;
  /** See `endsOpen`. */
  endsOpen: boolean;
}

export interface EnSentence {
  /** Token ids: stems, numbers (`#80`), name tokens (`@qingyang`), each once. */
  tokens: number[];
  /** Name tokens are optional evidence like the Chinese name readings. */
  optional: Set<number>;
  length: number;
  clauses: number;
}

const LATIN_IN_CHINESE = /[A-Za-z][A-Za-z'-]*/g;
/**
 * Marks a translation keeps: a question stays a question, an exclamation an exclamation, and dialogue stays in
 * quotation marks (in English an apostrophe is a quote where it opens a word or follows a sentence's punctuation,
 * not in "don't" or "the boys' names"). Optional evidence.
 */
const MARKS: Array<{ key: string; zh: RegExp; en: RegExp }> = [
  { key: '?', zh: /[?？]/, en: /\?/ },
  { key: '!', zh: /[!！]/, en: /!/ },
  { key: '"', zh: /[“”「」『』"]/, en: /(?:^|\s)['"‘]\S|[.,!?;:—-]['"’]|[“”]/ },
];

/**
 * Clauses a translation may render as sentences: where one side has a semicolon or a colon, the other often
 * starts a new sentence (使旱地露出来。事就这样成了。 ↔ "… and let the dry land appear: and it was so.").
 */
function clauseCount(text: string): number {
  return 1 + (text.match(/[；;：:]/g)?.length ?? 0);
}

const OPEN_ENDING = /[，,、：:；;]\s*$/;

/**
 * Whether a Chinese sentence ends at a comma, a colon or a semicolon. Sentences end at full stops; one that ends at
 * such a mark was ended by the text's structure (a verse, a line, a paragraph, a list item), and so is the bead that
 * holds it: in the dev sets each of the 692 Chinese sentences that end so ends its gold bead. English ones do less
 * often (968 of 986), and as a rule on both sides it cost more beads than it set right.
 */
function endsOpen(text: string): boolean {
  return OPEN_ENDING.test(text);
}

/**
 * Whether a quotation is still open after each sentence, reading the sentences in order and closing every quotation
 * at a paragraph's end. A translation splits dialogue where the original does, so a bead that ends inside a
 * quotation on one side and outside on the other has most often cut an utterance ("'Well?" / "Had enough?" /
 * "Give in?'" is one 服了么？). English quotes are told from apostrophes by where they stand: an opening mark begins
 * a word, a closing mark follows a sentence's punctuation ("don't" and "the boys' names" change nothing).
 */
export function quotationOpenAfter(texts: string[], paragraphs: number[], language: 'zh' | 'en'): boolean[] {
  let open = false;
  return texts.map((text, k) => {
    if (k > 0 && paragraphs[k] !== paragraphs[k - 1]) open = false;
    for (const match of text.matchAll(language === 'zh' ? ZH_QUOTATION_MARK : EN_QUOTATION_MARK)) open = match.groups?.open !== undefined;
    return open;
  });
}
/** Marks of quotation: the group `open` when the mark opens one; otherwise it closes. */
const ZH_QUOTATION_MARK = /(?<open>[“「『])|[”」』]/g;
const EN_QUOTATION_MARK = /(?<open>(?:^|(?<=[\s([—–]))['"](?=\S)|[‘“])|(?<=[\p{L}\p{N}.,!?;:—–-])['"](?!\p{L})|”|’(?!\p{L})/gu;

const CONTENT_CHAR = /^[\p{L}\p{N}]$/u;

/** The compatibility ideographs, from here on, include code points not assigned, which are no letters: the classes decide. */
const COMPATIBILITY_IDEOGRAPHS = 0xf900;

/**
 * Letters and digits, counted by code point. Latin letters, digits and Han characters, most of any text, are told by
 * their code; the rest by the Unicode classes.
 */
function contentLength(text: string): number {
  let length = 0;
  for (let k = 0; k < text.length; k += 1) {
    const code = text.charCodeAt(k);
    if ((code < COMPATIBILITY_IDEOGRAPHS && scriptOfCode(code) !== null) || (code >= 0x30 && code <= 0x39)) {
      length += 1;
    } else if (code >= 0x80) {
      const char = String.fromCodePoint(text.codePointAt(k)!);
      if (CONTENT_CHAR.test(char)) length += 1;
      k += char.length - 1;
    }
  }
  return length;
}

/**
 * The readings of a run of characters with one more character: each reading goes on with the character's first three
 * syllables, and the first nine readings are kept. None when the character has no reading.
 */
function readingsWith(readings: readonly string[], char: string, dictionary: Dictionary): string[] {
  const syllables = dictionary.readingsOf(char);
  if (!syllables || syllables.length === 0) return [];
  const next: string[] = [];
  for (const reading of readings) for (const s of syllables.slice(0, 3)) next.push(reading + s);
  return next.slice(0, 9);
}

function learnableStrings(words: string[]): string[] {
  const strings = new Set(words);
  for (let k = 0; k + 1 < words.length; k += 1) {
    if (words[k]!.length !== 1 || words[k + 1]!.length !== 1) continue;
    strings.add(words[k]! + words[k + 1]!);
    if (words[k + 2]?.length === 1) strings.add(words[k]! + words[k + 1]! + words[k + 2]!);
  }
  return [...strings];
}

export function zhFeatures(text: string, dictionary: Dictionary, vocabulary: Vocabulary): ZhSentence {
  const units: ZhUnit[] = [];
  const words = segmentWords(text, dictionary);
  for (const word of words) {
    const translations = vocabulary.translationsOf(word, dictionary);
    if (translations) units.push({ translations, optional: false, key: word });
  }
  for (const value of chineseNumbers(text)) {
    units.push({ translations: [vocabulary.id(`#${value}`)], optional: false, key: `#${value}` });
  }
  for (const match of text.matchAll(LATIN_IN_CHINESE)) {
    const stem = stemEnglish(match[0].toLowerCase());
    units.push({ translations: [vocabulary.id(stem), vocabulary.id(`@${match[0].toLowerCase()}`)], optional: false, key: stem });
  }
  // Transliterated names: the dictionary does not know most names, so they fall apart into single characters
  // (陈/清/扬). Runs of one to three such characters are read in pinyin (chen, qingyang) and matched against
  // capitalised English words. Optional, since most such runs are not names.
  const singles: string[][] = [];
  let current: string[] = [];
  for (const word of words) {
    if (word.length === 1) current.push(word);
    else if (current.length > 0) {
      singles.push(current);
      current = [];
    }
  }
  if (current.length > 0) singles.push(current);
  for (const run of singles) {
    for (let i = 0; i < run.length; i += 1) {
      let readings: readonly string[] = [''];
      for (let len = 1; len <= 3 && i + len <= run.length; len += 1) {
        readings = readingsWith(readings, run[i + len - 1]!, dictionary);
        const translations = vocabulary.nameReadingIds(readings);
        if (translations) units.push({ translations, optional: true, key: run.slice(i, i + len).join('') });
        // Longer runs read as these readings and more: none can be a name once none of these begins one.
        if (!vocabulary.beginsEnglishName(readings)) break;
      }
    }
  }
  for (const mark of MARKS) {
    if (mark.zh.test(text)) units.push({ translations: [vocabulary.id(mark.key)], optional: true, key: mark.key });
  }
  return { units, length: contentLength(text), learnable: learnableStrings(words), clauses: clauseCount(text), endsOpen: endsOpen(text) };
}

export function enFeatures(text: string, vocabulary: Vocabulary): EnSentence {
  const tokens = new Set<number>();
  const optional = new Set<number>();
  for (const stem of englishStems(text)) tokens.add(vocabulary.id(stem));
  for (const value of englishNumbers(text)) tokens.add(vocabulary.id(`#${value}`));
  for (const name of englishNameTokens(text)) {
    const id = vocabulary.englishNameId(name);
    tokens.add(id);
    optional.add(id);
  }
  for (const match of text.matchAll(/\b[A-Z]{2,}\b/g)) {
    const id = vocabulary.englishNameId(match[0].toLowerCase());
    tokens.add(id);
    optional.add(id);
  }
  for (const mark of MARKS) {
    if (!mark.en.test(text)) continue;
    const id = vocabulary.id(mark.key);
    tokens.add(id);
    optional.add(id);
  }
  return { tokens: [...tokens], optional, length: contentLength(text), clauses: clauseCount(text) };
}
