import { describe, expect, it } from 'vitest';
import { blockRole } from '../../../utils/page/roles';
import type { RawBlock } from '../../../utils/page/walk';

/** A paragraph block with only what the roles are told from: its tag and where it stands. */
const paragraph = (tag = 'p'): RawBlock =>
  ({ element: null, tag, parent: null, text: '', sources: null, linkChars: 0, attributed: false, inFigure: false, row: null, lang: '' }) as unknown as RawBlock;
const role = (text: string, tag = 'p') => blockRole(paragraph(tag), text);

describe('blockRole: the Han labels match as written, the Latin ones in any case', () => {
  it('tells captions by their credit, in either language', () => {
    expect(role('两国元首在人民大会堂举行会谈。 新华社记者 李学仁 摄')).toBe('caption');
    expect(role('兩國元首舉行會談。 新華社記者 李學仁 攝')).toBe('caption');
    expect(role('The two presidents shake hands in Beijing. (Xinhua/Li Xueren)')).toBe('caption');
    expect(role('The two presidents shake hands in Beijing. (XINHUA/Li Xueren)')).toBe('caption');
    expect(role('PHOTO: a market street in Shanghai')).toBe('caption');
  });

  it('tells labelled lines and bylines, in either language and any case for the Latin ones', () => {
    for (const text of ['来源：新华社', '（英文来源：中国日报 译者：李明）', '責任編輯：王芳', '完/', '新华社记者李明报道', 'By John Smith', 'BY JOHN SMITH', 'SOURCE: Xinhua', 'Translated by Li Ming', 'Ends/']) {
      expect(role(text), text).toBe('meta');
    }
  });

  it('leaves prose that only begins like a label as body text', () => {
    expect(role('来源于民间的故事，总是最打动人心。')).toBe('body');
    expect(role('Sources close to the talks said both sides wanted an agreement before the summer.')).toBe('body');
    expect(role('这张照片是记者在现场拍摄的。')).toBe('body');
  });

  it('keeps headings as titles', () => {
    expect(role('城市新建学校和图书馆', 'h1')).toBe('title');
  });
});
