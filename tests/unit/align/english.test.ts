import { describe, expect, it } from 'vitest';
import { englishStems, stemEnglish } from '../../../utils/align/english';

describe('English stems', () => {
  it('meets the forms of a word at one stem, irregular ones included', () => {
    expect(['talks', 'talked', 'talking', 'talk'].map(stemEnglish)).toEqual(['talk', 'talk', 'talk', 'talk']);
    expect(['went', 'gone', 'children'].map(stemEnglish)).toEqual(['go', 'go', 'child']);
  });

  it('keeps the common words a Chinese translation renders with a word of its own, and drops the others', () => {
    expect(englishStems('And it was so.')).toEqual(['so']);
    expect(englishStems('If he comes again, I will also go, because I must wait until then.')).toEqual(['if', 'com', 'again', 'also', 'go', 'becaus', 'wait', 'until', 'then']);
  });

  it('stems words that name properties of every object as the words they are', () => {
    expect(englishStems('The constructor returned valueOf and hasOwnProperty.')).toEqual(['constructor', 'return', 'valueof', 'hasownproperty']);
  });
});
