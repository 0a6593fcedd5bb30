/**
 * Which script and language a text is in, free of the DOM: the page reader, the sentence splitter, the aligner and
 * the dictionary build all decide it here, from one table of character ranges.
 */
import type { ChineseScript, Side } from '../page/types';

type CodeRange = readonly [first: number, last: number];

// CJK Unified Ideographs, Extension A, and Compatibility Ideographs: what Chinese text is written in.
const HAN_RANGES: readonly CodeRange[] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];
// Hiragana, katakana and their phonetic extensions: they mark Japanese, which shares Han characters with Chinese.
const KANA_RANGES: readonly CodeRange[] = [
  [0x3040, 0x30ff],
  [0x31f0, 0x31ff],
];
// Basic Latin letters: what English is written in.
const LATIN_RANGES: readonly CodeRange[] = [
  [0x41, 0x5a],
  [0x61, 0x7a],
];

const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;

const rangesClass = (ranges: readonly CodeRange[]) => ranges.map(([first, last]) => `${hex(first)}-${hex(last)}`).join('');

/** The Han ranges as the inside of a regular-expression character class, for patterns built elsewhere. */
export const HAN_CLASS = rangesClass(HAN_RANGES);

// Every UTF-16 code unit's script, filled once from the ranges above: loops over characters read one element for
// each, where searching the ranges costs far more in code the engine has not optimised yet, as all of it is on a
// page's first read (in Chromium, 10 to 30 ms for 14,000 characters, against under 1 ms).
const LATIN_CODE = 1;
const HAN_CODE = 2;
const SCRIPT_OF_CODE = new Uint8Array(0x10000);
for (const [ranges, script] of [
  [LATIN_RANGES, LATIN_CODE],
  [HAN_RANGES, HAN_CODE],
] as const) {
  for (const [first, last] of ranges) SCRIPT_OF_CODE.fill(script, first, last + 1);
}

/** Whether a UTF-16 code unit is a Han character. */
export const isHanCode = (code: number) => SCRIPT_OF_CODE[code] === HAN_CODE;

/** The script of one UTF-16 code unit: 'zh' for Han, 'en' for a Latin letter, null for anything else. */
export function scriptOfCode(code: number): Side | null {
  const script = SCRIPT_OF_CODE[code];
  return script === LATIN_CODE ? 'en' : script === HAN_CODE ? 'zh' : null;
}

export interface ScriptCounts {
  han: number;
  kana: number;
  latin: number;
}

// Runs of each script, removed to count them: one native call per script, where a loop over the code units, in
// code the engine has not optimised yet (a page's first read), takes Chromium several times as long.
const HAN_RUNS = new RegExp(`[${HAN_CLASS}]+`, 'g');
const KANA_RUNS = new RegExp(`[${rangesClass(KANA_RANGES)}]+`, 'g');
const LATIN_RUNS = new RegExp(`[${rangesClass(LATIN_RANGES)}]+`, 'g');

/** How many characters of `text` a global pattern of single characters, or of runs of them, matches. */
const countOf = (runs: RegExp, text: string) => text.length - text.replace(runs, '').length;

export function countScripts(text: string): ScriptCounts {
  return { han: countOf(HAN_RUNS, text), kana: countOf(KANA_RUNS, text), latin: countOf(LATIN_RUNS, text) };
}

// Global patterns, for counting with `exec` from `lastIndex`: a regular expression scans natively, where a loop
// over the characters pays for every one.
export const HAN = new RegExp(`[${HAN_CLASS}]`, 'g');
const LATIN = new RegExp(`[${rangesClass(LATIN_RANGES)}]`, 'g');
const KANA = new RegExp(`[${rangesClass(KANA_RANGES)}]`);

/**
 * Whether `pattern` (global) matches at least `count` times in the texts joined, without joining them; stops as soon
 * as it does: the first few of thousands usually settle it.
 */
function textsHaveAtLeast(texts: readonly string[], pattern: RegExp, count: number): boolean {
  let found = 0;
  for (const text of texts) {
    pattern.lastIndex = 0;
    while (found < count && pattern.exec(text)) found += 1;
    if (found >= count) return true;
  }
  return false;
}

// Below these amounts a side is interface strings or a stray quotation, not an article version.
const MIN_HAN_CHARS = 30;
const MIN_LATIN_LETTERS = 80;
// Characters scanned between two chances to pause: a long page's text is megabytes, which no one scan may take in one
// task.
const CHARS_PER_STEP = 250_000;

/** Calls `visit` on the parts in order until it says to stop, yielding after every CHARS_PER_STEP characters. */
function* scanParts(parts: readonly string[], visit: (part: string) => boolean): Generator<void, void> {
  let chars = 0;
  for (const part of parts) {
    if (visit(part)) return;
    chars += part.length;
    if (chars >= CHARS_PER_STEP) {
      chars = 0;
      yield;
    }
  }
}

/**
 * Enough Han and enough Latin letters for two versions of an article, and not Japanese, in a text given in parts
 * (whose order does not matter): the verdict is the same as over the parts joined, and the scan can pause between
 * parts. Regular expressions stop early, so a page with no Chinese costs one scan.
 */
export function* looksBilingualInSteps(parts: readonly string[]): Generator<void, boolean> {
  const atLeast = function* (pattern: RegExp, count: number): Generator<void, boolean> {
    let found = 0;
    yield* scanParts(parts, (part) => {
      pattern.lastIndex = 0;
      while (found < count && pattern.exec(part)) found += 1;
      return found >= count;
    });
    return found >= count;
  };
  if (!(yield* atLeast(HAN, MIN_HAN_CHARS)) || !(yield* atLeast(LATIN, MIN_LATIN_LETTERS))) return false;
  let kana = false;
  yield* scanParts(parts, (part) => (kana = KANA.test(part)));
  if (!kana) return true;
  // Kana beside Han means Japanese, which borrows Chinese characters.
  const counts = { han: 0, kana: 0 };
  yield* scanParts(parts, (part) => {
    const { han, kana } = countScripts(part);
    counts.han += han;
    counts.kana += kana;
    return false;
  });
  return counts.kana <= counts.han * 0.05 + 5;
}

/** Whether the blocks of each side hold enough text to be a version of an article. */
export function sidesAreArticles(zhTexts: readonly string[], enTexts: readonly string[]): boolean {
  return textsHaveAtLeast(zhTexts, HAN, MIN_HAN_CHARS) && textsHaveAtLeast(enTexts, LATIN, MIN_LATIN_LETTERS);
}

/**
 * The language of a text when it is in one script only, which regular expressions settle without a loop over
 * every character; 'mixed' when it holds both, null when neither.
 */
export function textScript(text: string): Side | 'mixed' | null {
  HAN.lastIndex = 0;
  LATIN.lastIndex = 0;
  if (!HAN.test(text)) return LATIN.test(text) ? 'en' : null;
  return LATIN.test(text) ? 'mixed' : 'zh';
}

/** Characters that exist in only one of the two scripts, common enough in news and fiction to decide a page. */
const TRADITIONAL_ONLY = /[這個們來說對時會過還後國發學經見長問開關現頭當與實點東動麼樣應體義爲為區黨書電話機讓從車軍進員記覺處種兩則難聽隊場將變陽達門邊內總條麗歡歲興萬無壓隨權戰們習統議聯際團領導衛職隸鄉務樂傳報師歷強範層擊鬥獨劃觀環資設調護導證視]/g;
const SIMPLIFIED_ONLY = /[这个们来说对时会过还后国发学经见长问开关现头当与实点东动么样应体义为区党书电话机让从车军进员记觉处种两则难听队场将变阳达门边内总条丽欢岁兴万无压随权战们习统议联际团领导卫职隶乡务乐传报师历强范层击斗独划观环资设调护导证视]/g;

/** Traditional and Simplified characters in a text: the evidence of which Chinese script it is written in. */
export function chineseScriptEvidence(text: string): { traditional: number; simplified: number } {
  return { traditional: countOf(TRADITIONAL_ONLY, text), simplified: countOf(SIMPLIFIED_ONLY, text) };
}

/** The Chinese script a `lang` attribute names, if it names one (zh-Hant, zh-TW, zh-HK, zh-Hans, zh-CN, …). */
export function chineseScriptOfLang(lang: string): ChineseScript | null {
  const tag = lang.toLowerCase();
  if (!/^(?:zh|cmn|yue)(?:-|$)/.test(tag)) return null;
  if (/-hant|-(?:tw|hk|mo)\b/.test(tag) || tag.startsWith('yue')) return 'Hant';
  if (/-hans|-(?:cn|sg|my)\b/.test(tag)) return 'Hans';
  return null;
}

/** The Chinese script the first Chinese language in a browser's list asks for (zh-TW → Hant), if it names one. */
export function preferredChineseScript(languages: readonly string[]): ChineseScript | null {
  const chinese = languages.find((lang) => /^(?:zh|cmn|yue)(?:-|$)/i.test(lang));
  return chinese ? chineseScriptOfLang(chinese) : null;
}

export interface LanguageRun {
  side: Side;
  start: number;
  end: number;
}

// A Latin passage inside Chinese text is a passage of its own only when it is this long, or stands at the start or
// end of the text; shorter ones are names, acronyms and terms quoted in the Chinese sentence. Likewise a few Han
// characters inside English text stay English. A heading that holds both languages ("Volunteering 如何参加") is a
// pair of headings even when one of them is a single word.
const MIN_LATIN_PASSAGE_WORDS = 4;
const MIN_LATIN_EDGE_WORDS = 2;
const MIN_LATIN_EDGE_WORDS_IN_HEADING = 1;
const MIN_HAN_PASSAGE_CHARS = 3;

const OPENERS = new Set('“‘"\'(（《〈「『【[');
const CLOSERS = new Set('”’"\')）》〉」』】]');

/**
 * Whether a run stands between an opening and a closing quote, parenthesis or title mark with no sentence end
 * inside: a quoted example, a gloss or a title (《The Old Man and the Sea》), part of the sentence around it.
 */
function isEnclosed(text: string, run: LanguageRun): boolean {
  let before = run.start - 1;
  while (before >= 0 && text[before] === ' ') before -= 1;
  if (before < 0 || !OPENERS.has(text[before]!)) return false;
  // The run holds the punctuation that follows its last letter: the closer must come right after that letter.
  let last = run.end - 1;
  while (last > run.start && scriptOfCode(text.charCodeAt(last)) !== run.side) last -= 1;
  let after = last + 1;
  while (after < text.length && text[after] === ' ') after += 1;
  return after < text.length && CLOSERS.has(text[after]!);
}

/**
 * Splits a text that holds both scripts into runs of one language, one for each passage: a sentence or clause of
 * its own, not a name, a term or a quoted example inside the other language's sentence. Punctuation, digits and
 * spaces belong to the run they follow.
 */
export function languageRuns(text: string, { heading = false }: { heading?: boolean } = {}): LanguageRun[] {
  const minEdgeWords = heading ? MIN_LATIN_EDGE_WORDS_IN_HEADING : MIN_LATIN_EDGE_WORDS;
  const raw: Array<LanguageRun & { weight: number }> = [];
  for (let index = 0; index < text.length; index += 1) {
    const side = scriptOfCode(text.charCodeAt(index));
    const last = raw[raw.length - 1];
    if (side === null || (last && last.side === side)) {
      if (last) {
        last.end = index + 1;
        if (side) last.weight += 1;
      }
    } else {
      raw.push({ side, start: index, end: index + 1, weight: 1 });
    }
  }
  // Fold short runs and quoted ones into their neighbours, then join neighbours of the same language.
  const isPassage = (run: LanguageRun & { weight: number }, position: number) => {
    if (isEnclosed(text, run)) return false;
    if (run.side === 'zh') return run.weight >= MIN_HAN_PASSAGE_CHARS;
    const words = text.slice(run.start, run.end).match(/[A-Za-z]+/g)?.length ?? 0;
    const atEdge = position === 0 || position === raw.length - 1;
    return words >= MIN_LATIN_PASSAGE_WORDS || (atEdge && words >= minEdgeWords);
  };
  const dominant = raw.reduce(
    (best, run) => (run.weight * (run.side === 'zh' ? 3 : 1) > best.weight * (best.side === 'zh' ? 3 : 1) ? run : best),
    raw[0] ?? { side: 'en' as Side, weight: 0, start: 0, end: 0 },
  );
  const runs: LanguageRun[] = [];
  for (const [position, run] of raw.entries()) {
    const side = isPassage(run, position) ? run.side : (runs[runs.length - 1]?.side ?? dominant.side);
    const last = runs[runs.length - 1];
    if (last && last.side === side) last.end = run.end;
    else runs.push({ side, start: run.start, end: run.end });
  }
  if (runs.length > 0) runs[0]!.start = 0;
  return runs;
}
