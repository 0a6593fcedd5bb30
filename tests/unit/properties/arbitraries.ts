/**
 * Generators of the text a page can hold, shared by the property-based tests: words of both languages, the
 * punctuation the splitter decides on, and the odd characters hostile or merely unusual pages carry.
 */
import fc from 'fast-check';

/**
 * One seed for every property, so that a failure in CI is the same failure on a laptop; fast-check prints the
 * seed and the shrunk counterexample, and `path` in the failure message replays it.
 */
export const SEED = 20_261_203;

const CHINESE_WORDS = ['今天', '我们', '公园', '天气', '经济', '政府', '发展', '会议', '他说', '中国', '国际', '合作', '學生', '老師', '這個', '问题', '的', '了', '是', '在', '先生', '美国', '三点五', '第1章'];
const ENGLISH_WORDS = ['the', 'weather', 'park', 'We', 'It', 'government', 'said', 'Mr', 'Dr', 'St', 'U.S', 'e.g', 'a.m', 'No', 'J', 'K', 'China', 'talks', 'on', 'Monday', 'is', 'fine', 'version', '3.5', '1,000'];
const PUNCTUATION = ['。', '！', '？', '!', '?', '.', '…', '……', '...', '，', ',', '、', '：', ':', ';', '“', '”', '"', "'", '‘', '’', '「', '」', '『', '』', '（', '）', '(', ')', '《', '》', '〉', '】', '[', ']', '—', '--', '-'];
const SPACES = [' ', ' ', '  ', '\n', '\t', '\r\n', '\u00A0', '\u3000'];
/** Characters that have broken text handling elsewhere: zero-width, controls, separators, lone surrogates, emoji, right-to-left runs and direction controls. */
const ODD = [
  '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u2028', '\u2029',
  '\uD800', '\uDC00', '😀', '👍🏽', '🇨🇳', '👨‍👩‍👧‍👦', 'مرحبا', 'שלום', '\u202E', '\u202C', '\u2067', '\u2069', '\u200F', 'é', 'ß', 'ｆｕｌｌ', 'Ω',
  'こんにちは', '한국어',
];

const pick = (words: readonly string[]) => fc.constantFrom(...words);

/** A piece of text: mostly words, spaces and punctuation, with odd characters and arbitrary code units among them. */
export const textPiece = fc.oneof(
  { arbitrary: pick(CHINESE_WORDS), weight: 6 },
  { arbitrary: pick(ENGLISH_WORDS), weight: 6 },
  { arbitrary: pick(SPACES), weight: 5 },
  { arbitrary: pick(PUNCTUATION), weight: 5 },
  { arbitrary: pick(ODD), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }), weight: 1 },
);

/** Text of up to `maxPieces` pieces. */
export const text = (maxPieces: number) => fc.array(textPiece, { maxLength: maxPieces }).map((pieces) => pieces.join(''));

const chineseSentence = fc
  .array(fc.oneof({ arbitrary: pick(CHINESE_WORDS), weight: 8 }, { arbitrary: pick(['，', '、', '“', '”', ' ']), weight: 1 }, { arbitrary: pick(ODD), weight: 1 }), { minLength: 1, maxLength: 12 })
  .chain((words) => pick(['。', '！', '？', '……', '。”', '']).map((stop) => words.join('') + stop));

const englishSentence = fc
  .array(fc.oneof({ arbitrary: pick(ENGLISH_WORDS), weight: 8 }, { arbitrary: pick(ODD), weight: 1 }), { minLength: 1, maxLength: 12 })
  .chain((words) => pick(['.', '!', '?', '...', '."', '']).map((stop) => words.join(' ') + stop));

/** A sentence of the language, more or less well formed. */
export const sentence = (lang: 'zh' | 'en') => (lang === 'zh' ? chineseSentence : englishSentence);

/** A paragraph of up to `max` sentences of the language. */
export const paragraph = (lang: 'zh' | 'en', max: number) =>
  fc.array(sentence(lang), { minLength: 1, maxLength: max }).map((sentences) => sentences.join(lang === 'zh' ? '' : ' '));
