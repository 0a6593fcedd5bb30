/**
 * Numbers are the strongest evidence two sentences translate each other: "5月8日" and "May 8", "八十" and "80",
 * "20多" and "over 20" all carry the same values. Both sides are reduced to sets of numeric values.
 */

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** Value of a run of Chinese numerals such as 八十, 二十五, 三千五百, 一九四五 (read digit by digit). */
export function parseChineseNumeral(text: string): number | null {
  if (!text) return null;
  const chars = [...text];
  if (chars.every((c) => c in CHINESE_DIGITS) && chars.length > 1) {
    return Number(chars.map((c) => CHINESE_DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const char of chars) {
    if (char in CHINESE_DIGITS) {
      digit = CHINESE_DIGITS[char]!;
    } else if (char in CHINESE_UNITS) {
      const unit = CHINESE_UNITS[char]!;
      if (unit >= 1e4) {
        total += (section + digit) * unit;
        section = 0;
      } else {
        section += (digit || 1) * unit;
      }
      digit = 0;
    } else {
      return null;
    }
  }
  return total + section + digit;
}

const ARABIC = /\d+(?:[.,]\d+)*/g;
const CHINESE_NUMERAL_RUN = /[零〇一二两兩三四五六七八九十百千万萬亿億]+/g;
// Single numeral characters inside ordinary words (一起, 统一, 万一) are not quantities; only runs that read as
// numbers, or single numerals before a measure word or unit, count.
const COUNTED_BY = /^[个個年月日号號岁歲次名位份种種项項条條天周週倍点點时時分秒人家座米度%％]/;

function addValue(values: Set<number>, value: number): void {
  if (Number.isFinite(value)) values.add(value);
}

export function chineseNumbers(text: string): Set<number> {
  const values = new Set<number>();
  const normalized = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  for (const match of normalized.matchAll(ARABIC)) addValue(values, Number(match[0].replace(/,/g, '')));
  for (const match of normalized.matchAll(CHINESE_NUMERAL_RUN)) {
    const run = match[0];
    const next = normalized.slice(match.index + run.length, match.index + run.length + 1);
    if (run.length === 1 && !COUNTED_BY.test(next)) continue;
    const value = parseChineseNumeral(run);
    if (value !== null && value > 1) addValue(values, value);
  }
  return values;
}

const ENGLISH_NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  thousand: 1000, million: 1e6, billion: 1e9, second: 2, third: 3, fourth: 4, fifth: 5, tenth: 10,
  twentieth: 20, eightieth: 80, hundredth: 100, dozen: 12, twice: 2, both: 2,
};
// A Map, not an object: any word of a page is looked up in it, and "constructor 12" must find no month.
const MONTHS = new Map<string, number>(Object.entries({
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12,
}));
const DIGIT = /\d/;

const NUMBER_WORD = new RegExp(`\\b(?:${Object.keys(ENGLISH_NUMBER_WORDS).join('|')})\\b`, 'g');

export function englishNumbers(text: string): Set<number> {
  const values = new Set<number>();
  // Most sentences of prose have no digit: the passes that need one are skipped (the order of the values stays).
  const hasDigit = DIGIT.test(text);
  if (hasDigit) for (const match of text.matchAll(ARABIC)) addValue(values, Number(match[0].replace(/,/g, '')));
  const lower = text.toLowerCase();
  for (const match of lower.matchAll(NUMBER_WORD)) values.add(ENGLISH_NUMBER_WORDS[match[0]]!);
  // "May 8" is 5月8日: the month's number is evidence too, but "may" alone is a verb.
  if (hasDigit) {
    for (const match of lower.matchAll(/\b([a-z]+)\s+\d{1,2}\b/g)) {
      const month = MONTHS.get(match[1]!);
      if (month) values.add(month);
    }
  }
  for (const match of text.matchAll(/\b(January|February|March|April|June|July|August|September|October|November|December)\b/g)) {
    values.add(MONTHS.get(match[1]!.toLowerCase())!);
  }
  return values;
}
