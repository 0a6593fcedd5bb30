import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../utils/text/sentences';

const texts = (text: string, lang: 'zh' | 'en') => splitSentences(text, lang).map((s) => s.text);

describe('English sentences', () => {
  it.each([
    ['Mr. Smith met Dr. Jones. They talked.', ['Mr. Smith met Dr. Jones.', 'They talked.']],
    ["He stood in St. George's Hall. It was cold.", ["He stood in St. George's Hall.", 'It was cold.']],
    ['The U.S. Army arrived. Then it left.', ['The U.S. Army arrived.', 'Then it left.']],
    ['She moved to the U.S. Later she returned.', ['She moved to the U.S.', 'Later she returned.']],
    ['No. 1 is the best. It won.', ['No. 1 is the best.', 'It won.']],
    ['We met at 9 a.m. on Monday. It rained.', ['We met at 9 a.m. on Monday.', 'It rained.']],
    ['Use tools, e.g. a hammer. Then rest.', ['Use tools, e.g. a hammer.', 'Then rest.']],
    ['Prices rose 3.5 percent. Wages did not.', ['Prices rose 3.5 percent.', 'Wages did not.']],
    ['J. K. Rowling wrote it. Many read it.', ['J. K. Rowling wrote it.', 'Many read it.']],
    ['MOSCOW, May 8 (Xinhua) -- Xi held talks here Thursday. Putin agreed.', ['MOSCOW, May 8 (Xinhua) -- Xi held talks here Thursday.', 'Putin agreed.']],
    ['"Why?" he asked. "Because," she said.', ['"Why?" he asked.', '"Because," she said.']],
    ['He said, "We will go." Then he went.', ['He said, "We will go."', 'Then he went.']],
    ['Really?! Yes. Wait...', ['Really?!', 'Yes.', 'Wait...']],
  ])('%s', (text, expected) => {
    expect(texts(text, 'en')).toEqual(expected);
  });
});

describe('Chinese sentences', () => {
  it.each([
    ['他来了。她走了！你呢？', ['他来了。', '她走了！', '你呢？']],
    ['他说：“我们走吧！”然后走了。', ['他说：“我们走吧！”', '然后走了。']],
    ['「好。」她说。', ['「好。」', '她说。']],
    ['他等了很久……「你终于来了。」', ['他等了很久……「你终于来了。」']],
    ['他等了很久……', ['他等了很久……']],
    ['当地时间5月8日上午,俄罗斯总统普京同中国国家主席习近平举行会谈。兩國元首先後舉行小範圍、大範圍會談。', ['当地时间5月8日上午,俄罗斯总统普京同中国国家主席习近平举行会谈。', '兩國元首先後舉行小範圍、大範圍會談。']],
    ['这是真的吗?是的!', ['这是真的吗?', '是的!']],
    ['（完）', ['（完）']],
  ])('%s', (text, expected) => {
    expect(texts(text, 'zh')).toEqual(expected);
  });

  it('gives offsets into the original text', () => {
    const text = '  第一句。 第二句！';
    for (const span of splitSentences(text, 'zh')) expect(text.slice(span.start, span.end)).toBe(span.text);
  });
});
