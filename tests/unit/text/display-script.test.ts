import { describe, expect, it } from 'vitest';
import { toDisplayScript } from '../../../utils/text/display-script';

describe('Chinese in the script the reader chose', () => {
  it('shows the page as it is when asked to, or when it is already in the chosen script', () => {
    expect(toDisplayScript('软件和軟體', 'Hans', 'page')).toBe('软件和軟體');
    expect(toDisplayScript('我们下载软件。', 'Hans', 'Hans')).toBe('我们下载软件。');
  });

  it('converts Simplified to Traditional with Taiwan usage', () => {
    expect(toDisplayScript('我们下载软件，打的士去了。', 'Hans', 'Hant-TW')).toBe('我們下載軟體，打計程車去了。');
  });

  it('converts Simplified to Traditional with Hong Kong usage, where 的士 stays', () => {
    expect(toDisplayScript('我们下载软件，打的士去了。', 'Hans', 'Hant-HK')).toBe('我們下載軟件，打的士去了。');
  });

  it('converts Traditional to Simplified, telling the particle 著 from the 著 of 著作', () => {
    expect(toDisplayScript('他看著這本著作裡的資訊。', 'Hant', 'Hans')).toBe('他看着这本著作里的资讯。');
  });

  it('moves Traditional between Taiwan and Hong Kong usage', () => {
    expect(toDisplayScript('網絡資訊', 'Hant', 'Hant-TW')).toBe('網路資訊');
    expect(toDisplayScript('裡面', 'Hant', 'Hant-HK')).toBe('裏面');
  });

  it('leaves English and numbers as they are', () => {
    expect(toDisplayScript('GDP grew 5.2% in 2023.', 'Hans', 'Hant-TW')).toBe('GDP grew 5.2% in 2023.');
  });
});
