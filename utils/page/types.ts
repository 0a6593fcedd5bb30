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
  /** Blocks the layout proposes as pairs (alternating paragraphs, rows, mixed paragraphs). */
  blockPairs: Array<[zhBlock: number, enBlock: number]>;
  /** The other Chinese version, where the page carries two; its sentences are aligned to the English apart. */
  zhAlt: ChineseVersionSide | null;
  /** Open shadow roots the article text was found in: hit testing and change watching must look inside them. */
  shadowRoots: ShadowRoot[];
}

export interface ChineseVersionSide extends PageSide {
  script: ChineseScript;
  blockPairs: Array<[zhBlock: number, enBlock: number]>;
}

/** Each side's blocks in the reader's view, [first, end) in its `blocks`, or null for a side out of view. */
export interface BlocksInView {
  zh: [number, number] | null;
  en: [number, number] | null;
}
