/**
 * Photo credits, the line that ends a news photo's caption: "新华社记者 李学仁 摄", "(Xinhua/Li Xueren)",
 * "Photo: AP". The page reader tells captions by them; the aligner pairs a caption's credit with the other
 * version's credit rather than with its description.
 */

// Han has no case, and a Han pattern matched ignoring case takes Chromium about twice as long to compile, a cost
// every page read pays: only the Latin pattern ignores case.
const CREDIT_HAN = /(?:記者|记者|攝影|摄影)\s*\S{1,12}\s*[攝摄]\s*$/;
const CREDIT_LATIN = /\((?:Xinhua|AP|Reuters|AFP|Photo|CFP|IC)\s*\/[^)]*\)\s*$|^(?:Photo|Image)\s*:/i;

/** Whether a text ends with a photo credit (or, in English, opens with one): a caption. */
export function hasPhotoCredit(text: string): boolean {
  return CREDIT_HAN.test(text) || CREDIT_LATIN.test(text);
}

// A sentence that holds little besides its credit: an agency and a name or two around it.
const MAX_CREDIT_HAN_CHARS = 24;
const MAX_CREDIT_LATIN_CHARS = 60;

/** Whether a sentence of a caption is its credit line and nothing more. */
export function isPhotoCredit(sentence: string, side: 'zh' | 'en'): boolean {
  const text = sentence.trim();
  if (side === 'zh') return text.length <= MAX_CREDIT_HAN_CHARS && CREDIT_HAN.test(text);
  return text.length <= MAX_CREDIT_LATIN_CHARS && CREDIT_LATIN.test(text) && !/[.!?]\s/.test(text);
}
