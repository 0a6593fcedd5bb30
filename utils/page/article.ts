/**
 * Finds the article among the page's text blocks and leaves the site around it out: navigation, promotions and
 * app notices, share bars, related-story lists, comments, bylines and copyright lines, and what the reader cannot
 * see. Real sites build all of these from plain `div`s, so names and tags (see walk.ts) catch only part of it; the
 * rest is weighed the way Readability weighs a page (text, commas and links scored into the blocks that hold them,
 * the best holder taken with its like siblings), once for each language, since the two versions of a bilingual
 * article often stand in different columns.
 */
import { countScripts } from '../text/script';
import { blockRole } from './roles';
import type { BlockRole } from '../align/types';
import type { Side } from './types';
import type { RawBlock } from './walk';

/** A text block of the article, with its role. */
export interface ArticleBlock {
  raw: RawBlock;
  role: BlockRole;
}

export interface ArticleOptions {
  /**
   * Whether the reader can see the element; absent where there is no layout (tests in a DOM without one).
   * `holdsText`: the element's own text is read; a container of floated cells may have no height of its own.
   */
  isRendered?: (element: Element, holdsText: boolean) => boolean;
}

/** Per-language sums over the blocks a node holds, and the node's score as an article container. */
interface NodeScore {
  score: Record<Side, number>;
  chars: number;
  linkChars: number;
  /** Sentence ends in the text the node holds: prose has them, menus and labels do not. */
  sentenceEnds: number;
}

interface MeasuredBlock {
  raw: RawBlock;
  text: string;
  role: BlockRole;
  han: number;
  latin: number;
  sentenceEnds: number;
}

// Class and id words that say a container holds the article, or something else (Readability's lists, in short).
const POSITIVE_NAME = /article|body|content|entry|main|page|post|text|blog|story|bilingual|paragraph/i;
const NEGATIVE_NAME = /comment|combx|contact|foot|masthead|media|meta|outbrain|promo|related|scroll|shoutbox|sidebar|sponsor|shopping|tags|tool|widget|recommend|share|notice|download|rank/i;

// Notices, promotions and fine print, in both languages: dropped where they stand at the edges of the article or
// outside it, and are short. Inside the article's run such words are the article's own. Only the Latin half
// ignores case, as in roles.ts.
const BOILERPLATE_HAN = new RegExp(
  [
    '下[载載].{0,16}(?:应用|應用|客户端|客戶端|[Aa][Pp][Pp])',
    '(?:应用|應用)(?:商店|市场|市場)',
    '二[维維]码',
    '[扫掃]码|[扫掃]描.{0,4}[码碼]',
    '[关關]注.{0,10}(?:我们|我們|公众号|公眾號|微信|微博)',
    '[转轉]载|[轉转]貼',
    '^[声聲]明[:：]',
    '本文最初[发發]表|原文[发發]表',
    '[仅僅]供.{0,10}[参參]考',
    '温馨提示|溫馨提示',
    '版[权權]所有',
    '未[经經].{0,12}(?:许可|許可|授[权權])',
    '[责責]任[编編][辑輯]',
    '免[责責][声聲]明',
    '本文(?:仅|僅)?(?:代表|不代表)',
    '(?:点击|點擊)(?:这里|這裡|此[处處])',
    '(?:订阅|訂閱).{0,8}(?:电子报|電子報|[Nn]ewsletter)',
  ].join('|'),
);
const BOILERPLATE_LATIN = new RegExp(
  [
    'originally published',
    'download (?:our|the)\\b.{0,20}\\bapp',
    'all rights reserved',
    'copyright|©',
    'subscribe (?:to|now)|sign up (?:for|to)',
    'follow us',
    'terms of (?:use|service)|privacy policy',
  ].join('|'),
  'i',
);
const BOILERPLATE_MAX_CHARS = 200;
const EDGE_BLOCKS = 3;

// Readability's measures: a paragraph needs this many characters to count, and a container its siblings' score
// share to join it. A Han character carries about as much as three Latin letters.
const MIN_BLOCK_UNITS = 25;
const HAN_UNITS = 3;
const SIBLING_SHARE = 0.2;
const MIN_SIBLING_SCORE = 10;
const MAX_LINK_SHARE = 0.5;
const COMMAS = /[,，、;；]/g;
// Blocks weighed between two chances for the reading to pause (see readBilingualPageInSlices): a long page is
// not found in one task.
const BLOCKS_PER_STEP = 200;
const SENTENCE_END = /[.!?。！？]/g;

function countMatches(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.exec(text)) count += 1;
  return count;
}

/** How much a paragraph of one language adds to the containers above it (Readability's paragraph score). */
function paragraphScore(units: number, commas: number): number {
  return units < MIN_BLOCK_UNITS ? 0 : 1 + commas + Math.min(Math.floor(units / 100), 3);
}

function nameWeight(element: Element): number {
  const name = `${element.getAttribute('class') ?? ''} ${element.id}`;
  if (name.length < 2) return 0;
  return (POSITIVE_NAME.test(name) ? 25 : 0) - (NEGATIVE_NAME.test(name) ? 25 : 0);
}

/** The containers' scores: each paragraph adds to its parent in full, its grandparent half, and less further up. */
function* scoreContainers(blocks: MeasuredBlock[]): Generator<void, Map<RawBlock, NodeScore>> {
  const scores = new Map<RawBlock, NodeScore>();
  const nodeScore = (node: RawBlock): NodeScore => {
    let entry = scores.get(node);
    if (!entry) {
      entry = { score: { zh: 0, en: 0 }, chars: 0, linkChars: 0, sentenceEnds: 0 };
      scores.set(node, entry);
      const weight = node.attributed ? nameWeight(node.element) : 0;
      entry.score.zh = weight;
      entry.score.en = weight;
    }
    return entry;
  };
  for (let index = 0; index < blocks.length; index += 1) {
    if (index % BLOCKS_PER_STEP === BLOCKS_PER_STEP - 1) yield;
    const block = blocks[index]!;
    const commas = countMatches(COMMAS, block.text);
    const both = block.han > 0 && block.latin > 0;
    const zh = paragraphScore(block.han * HAN_UNITS, both ? 0 : commas);
    const en = paragraphScore(block.latin, both ? 0 : commas);
    const length = block.text.length;
    // The block's own text counts in its own link share too (level -1), as it may hold other blocks; its score goes
    // to the blocks above it.
    for (let node: RawBlock | null = block.raw, level = -1; node; node = node.parent, level += 1) {
      const entry = nodeScore(node);
      entry.chars += length;
      entry.linkChars += block.raw.linkChars;
      entry.sentenceEnds += block.sentenceEnds;
      if (level < 0 || level > 4) continue;
      const share = level === 0 ? 1 : level === 1 ? 0.5 : 1 / (level * 3);
      entry.score.zh += zh * share;
      entry.score.en += en * share;
    }
  }
  return scores;
}

const finalScore = (entry: NodeScore, side: Side) => entry.score[side] * (1 - (entry.chars > 0 ? entry.linkChars / entry.chars : 0));

const MIN_PROSE_CHARS = 80;
const MAX_PROSE_LINK_SHARE = 0.25;

/** Text a reader reads rather than clicks: long enough, with sentences, and few links. */
const isProse = (entry: NodeScore) => entry.chars >= MIN_PROSE_CHARS && entry.sentenceEnds > 0 && entry.linkChars < entry.chars * MAX_PROSE_LINK_SHARE;

/**
 * The best container of one language's text, with the siblings whose scores say they belong to it too, and the
 * siblings that are prose (a quotation set before the article, a closing note).
 */
function articleRegion(scores: Map<RawBlock, NodeScore>, side: Side): Set<RawBlock> {
  let top: RawBlock | null = null;
  let best = 0;
  for (const [node, entry] of scores) {
    const score = finalScore(entry, side);
    if (score > best) {
      best = score;
      top = node;
    }
  }
  const region = new Set<RawBlock>();
  if (!top) return region;
  region.add(top);
  const threshold = Math.max(MIN_SIBLING_SCORE, best * SIBLING_SHARE);
  for (const [node, entry] of scores) {
    if (node !== top && node.parent === top.parent && top.parent && (finalScore(entry, side) >= threshold || isProse(entry))) region.add(node);
  }
  return region;
}

function inRegion(block: RawBlock, region: Set<RawBlock>): boolean {
  for (let node: RawBlock | null = block; node; node = node.parent) if (region.has(node)) return true;
  return false;
}

/** Whether two nodes share an ancestor within `levels` levels above `node`. */
function near(node: RawBlock, other: RawBlock, levels: number): boolean {
  const above = new Set<RawBlock>();
  for (let n: RawBlock | null = other; n; n = n.parent) above.add(n);
  let n: RawBlock | null = node;
  for (let level = 0; n && level <= levels; level += 1, n = n.parent) if (above.has(n)) return true;
  return false;
}

const HEADLINE_REACH = 4;

/** The language most of a block's letters are in (a Han character weighed as three Latin letters). */
const sideOf = (block: MeasuredBlock): Side => (block.han * HAN_UNITS >= block.latin ? 'zh' : 'en');

// A glossary entry ("夜间经济 night-time economy", "drowsy [ˈdraʊzi] adj. 昏昏欲睡的"): a term and its
// translation, with no sentence. Learning and news sites list them under a bilingual article.
const MAX_GLOSS_LATIN_WORDS = 5;
const MAX_GLOSS_HAN = 12;

function isGloss(block: MeasuredBlock): boolean {
  if (block.role === 'title' || block.sentenceEnds > 0 || block.han === 0 || block.latin === 0 || block.han > MAX_GLOSS_HAN) return false;
  return latinWords(block.text) <= MAX_GLOSS_LATIN_WORDS;
}

const latinWords = (text: string) => text.match(/[A-Za-z]+/g)?.length ?? 0;

// A label ("Note", "Example", "Editors:", "【相关词汇】") or a cell of data in a table (a name, a number): a word or
// two with no sentence, or a few words that end in a colon. Headings are the article's own and stay.
const MAX_LABEL_WORDS = 2;
const MAX_LABEL_HAN = 4;
const MAX_FIELD_LABEL_WORDS = 5;

function isLabel(block: MeasuredBlock): boolean {
  // A line that ends in a comma is the start of a sentence ("Dear Friends,"), not a label.
  if (block.role === 'title' || block.sentenceEnds > 0 || /[,，]$/.test(block.text)) return false;
  const words = latinWords(block.text);
  if (words <= MAX_LABEL_WORDS && block.han <= MAX_LABEL_HAN) return true;
  return /[:：]$/.test(block.text) && words <= MAX_FIELD_LABEL_WORDS && block.han <= MAX_LABEL_HAN * 2;
}

/**
 * The article's text blocks in document order, with their roles. `blocks` are all the page's text blocks, in
 * document order, as the walk found them. A generator: it yields between groups of blocks, so that a long page is
 * read in slices.
 */
export function* findArticleInSteps(blocks: RawBlock[], options: ArticleOptions = {}): Generator<void, ArticleBlock[]> {
  // What the reader cannot see is hidden where a style sheet names it: elements with a class or id, and the
  // containers above the blocks. Each is asked once (asking forces the browser to lay the page out, and thousands
  // of plain paragraphs under one container would each cost a call).
  const { isRendered } = options;
  const shown = new Map<RawBlock, boolean>();
  const isShown = (node: RawBlock | null, holdsText: boolean): boolean => {
    if (!node || !isRendered) return true;
    let known = shown.get(node);
    if (known === undefined) {
      known = isShown(node.parent, false) && (!node.attributed && node.parent !== null ? true : isRendered(node.element, holdsText));
      shown.set(node, known);
    }
    return known;
  };
  const measured: MeasuredBlock[] = [];
  const seen = new Map<string, number>();
  for (let index = 0; index < blocks.length; index += 1) {
    if (index % BLOCKS_PER_STEP === BLOCKS_PER_STEP - 1) yield;
    const raw = blocks[index]!;
    const text = raw.text.trim();
    if (!text) continue;
    const { han, latin } = countScripts(text);
    if (han === 0 && latin === 0) continue;
    // Blocks that are mostly links are menus and lists of other articles, not the article.
    const role = blockRole(raw, text);
    if (raw.linkChars > text.length * MAX_LINK_SHARE && role !== 'title') continue;
    if (!isShown(raw, true)) continue;
    seen.set(text, (seen.get(text) ?? 0) + 1);
    measured.push({ raw, text, role, han, latin, sentenceEnds: countMatches(SENTENCE_END, text) });
  }
  // Labels the site repeats (a share bar above and below, "back to top") are chrome; sentences are not.
  const kept = measured.filter((b) => (seen.get(b.text) ?? 0) < 2 || b.sentenceEnds >= 2);
  const scores = yield* scoreContainers(kept);
  yield;
  const zhRegion = articleRegion(scores, 'zh');
  yield;
  const regions = { zh: zhRegion, en: articleRegion(scores, 'en') };
  yield;
  const tops = [...regions.zh, ...regions.en];

  // The headline often stands above the article's container, beside the standfirst: the top-level headings near
  // a region (one for each language, on some sites) open the article, and prose between them and the region
  // belongs to it.
  const isHeadline = kept.map((b) => b.raw.tag === 'h1' && tops.some((top) => near(top, b.raw, HEADLINE_REACH)));
  const headline = isHeadline.indexOf(true);
  yield;
  const inRegions = kept.map((b) => inRegion(b.raw, regions.zh) || inRegion(b.raw, regions.en));
  const firstInRegion = inRegions.indexOf(true);
  yield;
  const inArticle = kept.map((b, k) => {
    if (b.role === 'meta' || isGloss(b) || isLabel(b)) return false;
    if (inRegions[k] || isHeadline[k]) return true;
    return headline >= 0 && k > headline && k < firstInRegion && b.raw.linkChars === 0 && b.sentenceEnds > 0;
  });

  yield;
  // Notices and fine print at either language's edges of the article: a notice often opens one column only.
  for (const side of ['zh', 'en'] as const) {
    const positions = kept.map((_, k) => k).filter((k) => inArticle[k] && sideOf(kept[k]!) === side);
    positions.forEach((k, order) => {
      const block = kept[k]!;
      const atEdge = order < EDGE_BLOCKS || order >= positions.length - EDGE_BLOCKS;
      if (block.text.length <= BOILERPLATE_MAX_CHARS && atEdge && (BOILERPLATE_HAN.test(block.text) || BOILERPLATE_LATIN.test(block.text))) inArticle[k] = false;
    });
    yield;
  }
  return kept.filter((_, k) => inArticle[k]).map(({ raw, role }) => ({ raw, role }));
}
