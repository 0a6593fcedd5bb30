import { describe, expect, it } from 'vitest';
import { chineseNumbers, englishNumbers, parseChineseNumeral } from '../../../utils/align/numbers';

const values = (set: Set<number>) => [...set].sort((a, b) => a - b);

describe('numbers', () => {
  it.each([
    ['八十', 80],
    ['二十五', 25],
    ['三千五百', 3500],
    ['两万', 20000],
    ['一九四五', 1945],
    ['十', 10],
  ])('reads the Chinese numeral %s as %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it('finds the values in Chinese text: dates, full-width digits, "20多", percentages', () => {
    expect(values(chineseNumbers('5月8日，交换了20多份文件。'))).toEqual([5, 8, 20]);
    expect(values(chineseNumbers('首日參觀人數超過５０００人。'))).toEqual([5000]);
    expect(chineseNumbers('增长了百分之八十。').has(80)).toBe(true);
    expect(chineseNumbers('胜利八十周年').has(80)).toBe(true);
  });

  it('leaves numeral characters inside ordinary words alone', () => {
    expect(values(chineseNumbers('我们一起去统一的学校，万一下雨呢？'))).toEqual([]);
  });

  it('finds the values in English text: digits, number words, months with a day', () => {
    expect(values(englishNumbers('On May 8, over 20 documents were signed.'))).toEqual([5, 8, 20]);
    expect(englishNumbers('the 80th anniversary').has(80)).toBe(true);
    expect(englishNumbers('eighty percent of 1,200 visitors').has(1200)).toBe(true);
    expect(englishNumbers('eighty percent of 1,200 visitors').has(80)).toBe(true);
    expect(englishNumbers('They may go.').has(5)).toBe(false);
  });

  it('reads only months before a day, never a name that plain objects answer for', () => {
    expect([...englishNumbers('constructor 12, toString 3 and valueOf 4')]).toEqual([12, 3, 4]);
  });
});
