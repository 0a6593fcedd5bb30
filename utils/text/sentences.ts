/**
 * Sentence splitting for Chinese and English by rule. `Intl.Segmenter` is not used: its output differs between
 * Chromium and Firefox, and it ends a sentence after "Mr." — alignment must not depend on the reader's browser.
 */

import { HAN_CLASS } from './script';

export interface SentenceSpan {
  text: string;
  /** Offsets into the split text: text === source.slice(start, end).trim() */
  start: number;
  end: number;
}

// Character sets as sets of UTF-16 codes: checking a code allocates nothing, where `text[i]` makes a string.
const codes = (chars: string) => new Set(Array.from(chars, (c) => c.charCodeAt(0)));
const CLOSERS = codes('"\'”’」』）)》〉】]');
const ZH_TERMINATORS = codes('。！？!?');
const EN_TERMINATORS = codes('.!?');
const PERIOD = 0x2e;
const ELLIPSIS = 0x2026;

// Words after which a period does not end an English sentence.
const ABBREVIATIONS = new Set(
  `mr mrs ms mx dr prof st sr jr gen col lt sgt capt cmdr adm gov sen rep rev hon pres supt det insp messrs mme mlle
  no nos vol vols pp p fig figs art ch sec ed eds est approx dept univ assn bros inc ltd co corp plc llc
  vs etc al cf ibid jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
  mt ft ave blvd rd hwy ph`
    .split(/\s+/)
    .filter(Boolean),
);

// String trimming removes exactly what `\s` matches, without a regular expression per character.
function pushSpan(spans: SentenceSpan[], source: string, start: number, end: number): void {
  const leading = source.slice(start, end).trimStart();
  const text = leading.trimEnd();
  if (!text) return;
  const s = end - leading.length;
  spans.push({ text, start: s, end: s + text.length });
}

function skipClosers(text: string, index: number): number {
  let i = index;
  while (i < text.length && CLOSERS.has(text.charCodeAt(i))) i += 1;
  return i;
}

// Sticky and global expressions are matched from `lastIndex`, which needs no slice of the text.
const SPACE = /\s/y;
const NON_SPACE = /\S/g;
const LOWER_CASE_NEXT = /\s*[a-z]/y;
const SENTENCE_OPENER = new RegExp(`[A-Z0-9"'“‘([${HAN_CLASS}]`, 'y');

function matchesAt(pattern: RegExp, text: string, index: number): boolean {
  pattern.lastIndex = index;
  return pattern.test(text);
}

// Where a sentence may end: the scanners below jump from one such place to the next rather than visiting every
// character, which costs much on long pages since the content script runs once per page, before the engine has
// optimised its loops.
const ZH_CANDIDATE = /[。！？!?…]|\.\.\./g;
const EN_CANDIDATE = /[.!?]/g;

function splitChinese(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  let i = 0;
  while (matchesAt(ZH_CANDIDATE, text, i)) {
    // A candidate is one character, or the three periods of an ellipsis.
    const matchEnd = ZH_CANDIDATE.lastIndex;
    i = matchEnd - (text.charCodeAt(matchEnd - 1) === PERIOD ? 3 : 1);
    let end = -1;
    if (ZH_TERMINATORS.has(text.charCodeAt(i))) {
      let j = i + 1;
      while (j < text.length && ZH_TERMINATORS.has(text.charCodeAt(j))) j += 1;
      end = skipClosers(text, j);
    } else {
      // An ellipsis ends a sentence only where a quotation closes or the text ends; mid-sentence it is a pause.
      let j = i;
      while (j < text.length && (text.charCodeAt(j) === ELLIPSIS || text.charCodeAt(j) === PERIOD)) j += 1;
      const k = skipClosers(text, j);
      if (k > j || k >= text.length || matchesAt(SPACE, text, k)) end = k;
      else i = j - 1;
    }
    if (end > 0) {
      pushSpan(spans, text, start, end);
      start = end;
      i = end;
    } else {
      i += 1;
    }
  }
  pushSpan(spans, text, start, text.length);
  return spans;
}

const isWordCode = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === PERIOD;

/** The letters and periods right before `index`. */
function wordBefore(text: string, index: number): string {
  let i = index;
  while (i > 0 && isWordCode(text.charCodeAt(i - 1))) i -= 1;
  return text.slice(i, index);
}

/**
 * Whether the period at `index` ends a sentence, judging by the word before it and the text after it. Asked only
 * where whitespace or the end of the text follows the period and its closing quotes (`next`): never of a decimal
 * point or a version number, which a digit follows directly.
 */
function periodEndsSentence(text: string, index: number, next: number): boolean {
  if (!matchesAt(NON_SPACE, text, next)) return true;
  const afterStart = NON_SPACE.lastIndex - 1;
  const word = wordBefore(text, index);
  // Initials and dotted abbreviations: "J. K.", "U.S.", "e.g.", "a.m." — unless a new sentence clearly starts.
  if (word.length === 1 && word !== '.') return false;
  if (word.includes('.')) {
    const after = text.slice(afterStart);
    return /^(?:a\.m|p\.m|u\.s|u\.k|u\.n|e\.u)$/i.test(word) && /^[A-Z][a-z]/.test(after) && !/^(?:Army|Navy|Senate|Congress|Government|President|Secretary|State|Department|Embassy|Security|General)\b/.test(after);
  }
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  return matchesAt(SENTENCE_OPENER, text, afterStart);
}

function splitEnglish(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (let i = 0; matchesAt(EN_CANDIDATE, text, i); i += 1) {
    i = EN_CANDIDATE.lastIndex - 1;
    const period = text.charCodeAt(i) === PERIOD;
    let j = i + 1;
    while (j < text.length && EN_TERMINATORS.has(text.charCodeAt(j))) j += 1;
    const end = skipClosers(text, j);
    if (end < text.length && !matchesAt(SPACE, text, end)) continue;
    if (period && j === i + 1 && !periodEndsSentence(text, i, end)) continue;
    if (!period && end < text.length && matchesAt(LOWER_CASE_NEXT, text, end)) continue;
    pushSpan(spans, text, start, end);
    start = end;
    i = end - 1;
  }
  pushSpan(spans, text, start, text.length);
  return spans;
}

export function splitSentences(text: string, lang: 'zh' | 'en'): SentenceSpan[] {
  return lang === 'zh' ? splitChinese(text) : splitEnglish(text);
}
