/**
 * Sentence splitting of a page's blocks, kept free of the DOM: the background splits the texts the content script
 * read, so that the page's main thread does not, and the tests split the same way.
 */
import type { AlignRequest, BlockRole } from '../align/types';
import { HAN_CLASS } from '../text/script';
import { splitSentences } from '../text/sentences';
import type { Side } from './types';

/** A block's text in one language, and its role. */
export interface TextBlock {
  text: string;
  role: BlockRole;
}

/** What the content script reads of a bilingual page: each side's blocks, and the blocks the layout pairs. */
export interface PageText {
  zh: { blocks: TextBlock[] };
  en: { blocks: TextBlock[] };
  /** Blocks the layout proposes as pairs; the aligner keeps those the content confirms. */
  blockPairs: Array<[zhBlock: number, enBlock: number]>;
  /** The other Chinese version, where the page carries two: aligned to the English on its own. */
  zhAlt?: { blocks: TextBlock[]; blockPairs: Array<[zhBlock: number, enBlock: number]> };
}

export interface SplitSentence {
  /** As it reads: line breaks and runs of spaces collapsed. */
  text: string;
  /** Index into the side's blocks. */
  block: number;
  /** Offsets into the block's text. */
  start: number;
  end: number;
}

export type PageSentences = Record<Side, SplitSentence[]> & { zhAlt?: SplitSentence[] };

/**
 * Where each sentence of a side stands in its block, without its text: what crosses back to the page, which has the
 * text. Three numbers a sentence (block, start, end) in one flat array: the page of 10,000 paragraphs a language sent
 * them as 38,000 small objects, which Firefox took 130 to 150 ms to copy into the page in one task.
 */
export type SentencePlaces = Record<Side, number[]> & { zhAlt?: number[] };

/** The places of split sentences, for the page to cut the text from its own blocks again (see sentenceText). */
export function placesOf(sentences: PageSentences): SentencePlaces {
  const places = (side: SplitSentence[]) => side.flatMap(({ block, start, end }) => [block, start, end]);
  const result: SentencePlaces = { zh: places(sentences.zh), en: places(sentences.en) };
  if (sentences.zhAlt) result.zhAlt = places(sentences.zhAlt);
  return result;
}

// Whitespace that cleanSentence would change: a sentence without any needs only trimming, a test instead of a
// replacement.
const UNCLEAN_SPACE = /[^\S ]| {2}/;

/** A sentence's text from its block's text and its place: the one way splitPage and the page both cut it. */
export function sentenceText(blockText: string, start: number, end: number): string {
  const text = blockText.slice(start, end);
  return UNCLEAN_SPACE.test(text) ? cleanSentence(text) : text.trim();
}

const HAS_LETTERS = new RegExp(`[A-Za-z${HAN_CLASS}]`);

/** Sentence text as it reads: line breaks and runs of spaces collapse to one space. */
function cleanSentence(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function splitSide(blocks: TextBlock[], side: Side): SplitSentence[] {
  const sentences: SplitSentence[] = [];
  for (let block = 0; block < blocks.length; block += 1) {
    const { text: blockText } = blocks[block]!;
    for (const span of splitSentences(blockText, side)) {
      const text = sentenceText(blockText, span.start, span.end);
      // Punctuation or digits alone are no sentence to align.
      if (HAS_LETTERS.test(text)) sentences.push({ text, block, start: span.start, end: span.end });
    }
  }
  return sentences;
}

export function splitPage(page: PageText): PageSentences {
  const sentences: PageSentences = { zh: splitSide(page.zh.blocks, 'zh'), en: splitSide(page.en.blocks, 'en') };
  if (page.zhAlt) sentences.zhAlt = splitSide(page.zhAlt.blocks, 'zh');
  return sentences;
}

interface AlignableSide {
  blocks: ReadonlyArray<{ role: BlockRole }>;
  sentences: ReadonlyArray<{ text: string; block: number }>;
}

/** The aligner's request for a page's sentences: the split ones in the background, a page's in tests and scripts. */
export function toAlignRequest(page: { zh: AlignableSide; en: AlignableSide; blockPairs: Array<[number, number]> }): AlignRequest {
  const side = (s: AlignableSide) => ({
    sentences: s.sentences.map((x) => x.text),
    blocks: s.sentences.map((x) => x.block),
    blockRoles: s.blocks.map((b) => b.role),
  });
  return { zh: side(page.zh), en: side(page.en), blockPairs: page.blockPairs };
}
