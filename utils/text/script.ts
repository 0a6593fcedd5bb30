import type { ChineseScript } from '../page/types';

// CJK Unified Ideographs, Extension A, and Compatibility Ideographs: what Chinese text is written in.
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
// Hiragana and katakana (isKanaCode below) mark Japanese, which shares Han characters with Chinese.

export function isHanChar(char: string): boolean {
  return HAN.test(char);
}

export interface ScriptCounts {
  han: number;
  kana: number;
  latin: number;
}

const isHanCode = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
const isKanaCode = (c: number) => (c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff);
const isLatinCode = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** The script of one UTF-16 code unit: 'zh' for Han, 'en' for a Latin letter, null for anything else. */
export function scriptOfCode(code: number): 'zh' | 'en' | null {
  return isHanCode(code) ? 'zh' : isLatinCode(code) ? 'en' : null;
}

// A loop over code units: pages can hold megabytes of text, and this runs on every page the reader opens.
export function countScripts(text: string): ScriptCounts {
  let han = 0;
  let kana = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x41) continue;
    if (isLatinCode(c)) latin += 1;
    else if (isHanCode(c)) han += 1;
    else if (isKanaCode(c)) kana += 1;
  }
  return { han, kana, latin };
}

/** Characters that exist in only one of the two scripts, common enough in news and fiction to decide a page. */
const TRADITIONAL_ONLY = /[這個們來說對時會過還後國發學經見長問開關現頭當與實點東動麼樣應體義爲為區黨書電話機讓從車軍進員記覺處種兩則難聽隊場將變陽達門邊內總條麗歡歲興萬無壓隨權戰們習統議聯際團領導衛職隸鄉務樂傳報師歷強範層擊鬥獨劃觀環資設調護導證視]/g;
const SIMPLIFIED_ONLY = /[这个们来说对时会过还后国发学经见长问开关现头当与实点东动么样应体义为区党书电话机让从车军进员记觉处种两则难听队场将变阳达门边内总条丽欢岁兴万无压随权战们习统议联际团领导卫职隶乡务乐传报师历强范层击斗独划观环资设调护导证视]/g;

// A regular expression counts in one native scan what a loop over the characters does with a lookup for each.
function countMatches(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.test(text)) count += 1;
  return count;
}

/** Which Chinese script a text is written in, by counting characters that only one script uses. */
export function detectChineseScript(text: string): ChineseScript {
  return countMatches(TRADITIONAL_ONLY, text) > countMatches(SIMPLIFIED_ONLY, text) ? 'Hant' : 'Hans';
}
