import type { BlockRole } from '../align/types';

export type Side = 'zh' | 'en';

/** The script of a Chinese side; decides the `lang` attribute (`zh-Hant` or `zh-Hans`) of what we show. */
export type ChineseScript = 'Hant' | 'Hans';

export interface PageBlock {
  element: Element;
  role: BlockRole;
}

export interface PageSentence {
  text: string;
  /** The DOM ranges the sentence covers; more than one when it crosses element boundaries. */
  ranges: Range[];
  /** Index into the side's `blocks`. */
  block: number;
}

export interface PageSide {
  blocks: PageBlock[];
  sentences: PageSentence[];
}

/** The two language versions of the article found on a page. */
export interface BilingualPage {
  zh: PageSide;
  en: PageSide;
  zhScript: ChineseScript;
  /** Blocks the layout already pairs (alternating paragraphs, table rows, mixed paragraphs). */
  blockPairs: Array<[zhBlock: number, enBlock: number]>;
  /** Open shadow roots the article text was found in: hit testing and change watching must look inside them. */
  shadowRoots: ShadowRoot[];
}
