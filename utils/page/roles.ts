/** What a text block is to the article: its title, a caption, a meta line (byline, date, source), or body text. */
import type { BlockRole } from '../align/types';
import type { RawBlock } from './walk';

const CAPTION_TEXT = /(?:記者|记者|攝影|摄影)\s*\S{1,12}\s*[攝摄]\s*$|\((?:Xinhua|AP|Reuters|AFP|Photo|CFP|IC)\s*\/[^)]*\)\s*$|^(?:Photo|Image)\s*:/i;
const META_LABEL = /^(?:(?:發佈時間|发布时间|發布時間|更新時間|更新时间|來源|来源|作者|記者|记者|責任編輯|责任编辑|編輯|编辑|Published|Updated|Source|Editor)[:：\s]|By\s+[A-Z])/;
const DATE = /\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}/;
const META_NAME = /(?:^|[\s_-])(?:byline|dateline|meta|timestamp|article-info|post-info)(?:$|[\s_-])/i;

export function blockRole(block: RawBlock, text: string): BlockRole {
  const { element, tag } = block;
  if (tag === 'h1' || tag === 'h2' || tag === 'h3') return 'title';
  if (tag === 'figcaption' || tag === 'caption' || block.inFigure || CAPTION_TEXT.test(text)) return 'caption';
  if (text.length < 200) {
    // A labelled line ("來源:", "By …"), or a date among fields separated by bars.
    if (META_LABEL.test(text) || ((text.includes('|') || text.includes('｜')) && DATE.test(text))) return 'meta';
    if (block.attributed && META_NAME.test(`${typeof element.className === 'string' ? element.className : ''} ${element.id}`)) return 'meta';
  }
  return 'body';
}
