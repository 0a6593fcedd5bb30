import { describe, expect, it } from 'vitest';
import { hasPhotoCredit, isPhotoCredit } from '../../../utils/text/photo-credit';

describe('photo credits', () => {
  it('finds a credit at the end of a caption, in either language', () => {
    expect(hasPhotoCredit('两国元首举行会谈。新华社记者 王晔 摄')).toBe(true);
    expect(hasPhotoCredit('兩國元首舉行會談。 新華社記者 王曄 攝')).toBe(true);
    expect(hasPhotoCredit('Xi and Putin hold talks. (Xinhua/Wang Ye)')).toBe(true);
    expect(hasPhotoCredit('Photo: a street in Shanghai')).toBe(true);
    expect(hasPhotoCredit('记者说，他们摄影了一整天的会议。')).toBe(false);
  });

  it('tells a sentence that is only a credit from a description that ends with one', () => {
    expect(isPhotoCredit('新华社记者 王晔 摄', 'zh')).toBe(true);
    expect(isPhotoCredit('(Xinhua/Wang Ye)', 'en')).toBe(true);
    expect(isPhotoCredit('Xi and Putin hold talks. (Xinhua/Wang Ye)', 'en')).toBe(false);
    expect(isPhotoCredit('当地时间5月8日上午，两国元首在莫斯科举行会谈，双方签署了多份合作文件。新华社记者 王晔 摄', 'zh')).toBe(false);
  });
});
