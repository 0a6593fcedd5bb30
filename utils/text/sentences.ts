/**
 * Sentence splitting for Chinese and English by rule. `Intl.Segmenter` is not used: its output differs between
 * Chromium and Firefox, and it ends a sentence after "Mr." — alignment must not depend on the reader's browser.
 */

export interface SentenceSpan {
  text: string;
  /** Offsets into the split text: text === source.slice(start, end).trim() */
  start: number;
  end: number;
}

const CLOSERS = '"\'”’」』）)》〉】]';
const ZH_TERMINATORS = '。！？!?';
const EN_TERMINATORS = '.!?';

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
  while (i < text.length && CLOSERS.includes(text[i]!)) i += 1;
  return i;
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
  for (;;) {
    ZH_CANDIDATE.lastIndex = i;
    const candidate = ZH_CANDIDATE.exec(text);
    if (!candidate) break;
    i = candidate.index;
    const char = text[i]!;
    let end = -1;
    if (ZH_TERMINATORS.includes(char)) {
      let j = i + 1;
      while (j < text.length && ZH_TERMINATORS.includes(text[j]!)) j += 1;
      end = skipClosers(text, j);
    } else {
      // An ellipsis ends a sentence only where a quotation closes or the text ends; mid-sentence it is a pause.
      let j = i;
      while (j < text.length && (text[j] === '…' || text[j] === '.')) j += 1;
      const k = skipClosers(text, j);
      if (k > j || k >= text.length || /\s/.test(text[k]!)) end = k;
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

const isWordCode = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2e;

/** The letters and periods right before `index`. */
function wordBefore(text: string, index: number): string {
  let i = index;
  while (i > 0 && isWordCode(text.charCodeAt(i - 1))) i -= 1;
  return text.slice(i, index);
}

/** Whether the period at `index` ends a sentence, judging by the word before it and the text after it. */
function periodEndsSentence(text: string, index: number, next: number): boolean {
  const word = wordBefore(text, index);
  const after = text.slice(next).trimStart();
  if (after === '') return true;
  const bare = word.replace(/\./g, '').toLowerCase();
  // Initials and dotted abbreviations: "J. K.", "U.S.", "e.g.", "a.m." — unless a new sentence clearly starts.
  if (/^[A-Za-z]$/.test(word)) return false;
  if (word.includes('.')) {
    if (/^(?:a\.m|p\.m|u\.s|u\.k|u\.n|e\.u)$/i.test(word) && /^[A-Z][a-z]/.test(after) && !/^(?:Army|Navy|Senate|Congress|Government|President|Secretary|State|Department|Embassy|Security|General)\b/.test(after)) {
      return true;
    }
    return false;
  }
  if (ABBREVIATIONS.has(bare)) return false;
  // A decimal point or a version number is followed directly by a digit, never by a space.
  if (/^\d/.test(text.slice(next))) return false;
  return /^[A-Z0-9"'“‘([]/.test(after) || /^[\u3400-\u9fff]/.test(after);
}

function splitEnglish(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (let i = 0; ; i += 1) {
    EN_CANDIDATE.lastIndex = i;
    const candidate = EN_CANDIDATE.exec(text);
    if (!candidate) break;
    i = candidate.index;
    const char = text[i]!;
    let j = i + 1;
    while (j < text.length && EN_TERMINATORS.includes(text[j]!)) j += 1;
    const end = skipClosers(text, j);
    if (end < text.length && !/\s/.test(text[end]!)) continue;
    if (char === '.' && j === i + 1 && !periodEndsSentence(text, i, end)) continue;
    if (char !== '.' && end < text.length && /^\s*[a-z]/.test(text.slice(end))) continue;
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
