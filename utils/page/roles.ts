/** What a text block is to the article: its title, a caption, a meta line (byline, date, source), or body text. */
import type { BlockRole } from '../align/types';
import { hasPhotoCredit } from '../text/photo-credit';
import { HAN } from '../text/script';
import type { RawBlock } from './walk';

// A labelled line ("來源:", "（英文来源：… 译者：…）", "翻译：…", "By …"), or a name and "报道" (a byline). In two
// halves: Han has no case, and a Han pattern matched ignoring case takes Chromium about twice as long to compile,
// a cost every page read pays. Only the Latin half ignores case.
const META_LABEL_HAN = /^[（(【[]?(?:(?:發佈時間|发布时间|發布時間|更新時間|更新时间|(?:英文|中文)?(?:來源|来源)|作者|記者|记者|責任編輯|责任编辑|編輯|编辑|譯者|译者|翻譯|翻译|譯文|译文)[:：\s]|完\s*[/／])|^\S{2,12}\s*(?:报道|報導|报导)$/;
const META_LABEL_LATIN = /^[（(【[]?(?:(?:Published|Updated|Source|Editor|Translator|Translated by|(?:English )?translation)[:：\s]|By\s+[A-Z]|Issued at\b|Ends\s*[/／])/i;
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const DATE = new RegExp(`\\d{4}[-/年.]\\d{1,2}[-/月.]\\d{1,2}|\\b\\d{1,2} ${MONTH},? \\d{4}|\\b${MONTH} \\d{1,2},? \\d{4}`);
const SENTENCE_END = /[。！？]|[.!?](?:\s|$)/;
const MAX_DATE_LINE_CHARS = 40;
const MAX_DATE_LINE_HAN = 10;
const MAX_DATE_LINE_WORDS = 3;
const WORDS = /[A-Za-z][A-Za-z0-9]*/g;
const HAN_ALL = new RegExp(HAN.source, 'g');

/** A date with a name or a label around it and no sentence: "中国日报网 2023-07-10 14:25", "中英双语新闻 2021年5月18日". */
function isDateLine(text: string): boolean {
  if (text.length > MAX_DATE_LINE_CHARS || !DATE.test(text) || SENTENCE_END.test(text)) return false;
  const rest = text.replace(DATE, '');
  return (rest.match(HAN_ALL)?.length ?? 0) <= MAX_DATE_LINE_HAN && (rest.match(WORDS)?.length ?? 0) <= MAX_DATE_LINE_WORDS;
}

export function blockRole(block: RawBlock, text: string): BlockRole {
  const { tag } = block;
  if (isDateLine(text)) return 'meta';
  if (tag === 'h1' || tag === 'h2' || tag === 'h3') return 'title';
  if (tag === 'figcaption' || tag === 'caption' || block.inFigure || hasPhotoCredit(text)) return 'caption';
  if (text.length < 200) {
    // A labelled line, or a date among fields separated by bars.
    if (META_LABEL_HAN.test(text) || META_LABEL_LATIN.test(text) || ((text.includes('|') || text.includes('｜')) && DATE.test(text))) return 'meta';
  }
  return 'body';
}
