import type { ChineseScript } from '../page/types';

// CJK Unified Ideographs, Extension A, and Compatibility Ideographs: what Chinese text is written in.
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const HAN_GLOBAL = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
// Hiragana and katakana: their presence marks Japanese, which shares Han characters with Chinese.
const KANA_GLOBAL = /[\u3040-\u30ff\u31f0-\u31ff]/g;
const LATIN_LETTER_GLOBAL = /[A-Za-z]/g;

export function isHanChar(char: string): boolean {
  return HAN.test(char);
}

export interface ScriptCounts {
  han: number;
  kana: number;
  latin: number;
}

export function countScripts(text: string): ScriptCounts {
  return {
    han: text.match(HAN_GLOBAL)?.length ?? 0,
    kana: text.match(KANA_GLOBAL)?.length ?? 0,
    latin: text.match(LATIN_LETTER_GLOBAL)?.length ?? 0,
  };
}

/** Characters that exist in only one of the two scripts, common enough in news and fiction to decide a page. */
const TRADITIONAL_ONLY = new Set(
  '這個們來說對時會過還後國發學經見長問開關現頭當與實點東動麼樣應體義爲為區黨書電話機讓從車軍進員記覺處種兩則難聽隊場將變陽達門邊內總條麗歡歲興萬無壓隨權戰們習統議聯際團領導衛職隸鄉務樂傳報師歷強範層擊鬥獨劃觀環資設調護導證視'.split(''),
);
const SIMPLIFIED_ONLY = new Set(
  '这个们来说对时会过还后国发学经见长问开关现头当与实点东动么样应体义为区党书电话机让从车军进员记觉处种两则难听队场将变阳达门边内总条丽欢岁兴万无压随权战们习统议联际团领导卫职隶乡务乐传报师历强范层击斗独划观环资设调护导证视'.split(''),
);

/** Which Chinese script a text is written in, by counting characters that only one script uses. */
export function detectChineseScript(text: string): ChineseScript {
  let traditional = 0;
  let simplified = 0;
  for (const char of text) {
    if (TRADITIONAL_ONLY.has(char)) traditional += 1;
    else if (SIMPLIFIED_ONLY.has(char)) simplified += 1;
  }
  return traditional > simplified ? 'Hant' : 'Hans';
}
