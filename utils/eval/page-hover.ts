/**
 * The page-level evaluation. A fixture that reproduces a real bilingual page names, in its expected.json, the
 * paragraphs the page pairs (one snippet of each) and the site chrome around the article. From those this module
 * derives what a reader would hover, sentence by sentence, independently of the reader under test, and judges
 * what a tooltip shows: right when it shows something and all of it lies in the paragraph the page pairs the
 * hovered one with. The document is a parameter and no browser global is used: the probes are computed in Node
 * over happy-dom, and the same probes are hovered in real browsers.
 */
import { languageRuns, HAN_CLASS } from '../text/script';
import { splitSentences } from '../text/sentences';
import type { ChineseScript, Side } from '../page/types';

export interface ParagraphPair {
  zh: string;
  en: string;
  /** The paragraph in the page's other Chinese version, where it has one. */
  zhAlt?: string;
}

/** A fixture's expected.json: every snippet is an exact substring of one block element, unique on the page. */
export interface RealPageExpectation {
  layout: string;
  studied: string[];
  zhScript: ChineseScript;
  paragraphs: ParagraphPair[];
  /** Paragraphs the other version leaves out: hovering their sentences must show no counterpart. */
  zhOnly?: string[];
  enOnly?: string[];
  /** Site chrome: never read as article text, never shown in a tooltip. */
  chrome: string[];
}

export type ProbeSide = Side | 'zhAlt';

export interface HoverProbe extends TextPlace {
  side: ProbeSide;
  /** Index into the expectation's paragraphs; -1 for a paragraph that has no counterpart. */
  paragraph: number;
  sentence: string;
}

// Elements that flow inside a paragraph: a snippet in one of these belongs to the block around it.
const INLINE_TAGS = new Set(
  'A ABBR B BDI BDO BR CITE CODE DATA DFN EM FONT I KBD LABEL MARK Q RUBY RT RP S SAMP SMALL SPAN STRONG SUB SUP TIME U VAR WBR'.split(' '),
);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const HAS_LETTERS = new RegExp(`[A-Za-z${HAN_CLASS}]`);
const NEEDLE_LENGTH = 6;

/** The page's text nodes in document order, as a reader sees them (no scripts or styles). */
export function textNodes(doc: Document): Text[] {
  return doc.body ? textNodesUnder(doc.body) : [];
}

/** The text node and offset where a snippet, unique on the page, begins (it may run on into later nodes). */
export function snippetStart(doc: Document, snippet: string): { node: Text; offset: number } {
  const nodes = textNodes(doc);
  const text = nodes.map((n) => n.data).join('');
  const start = text.indexOf(snippet);
  if (start < 0) throw new Error(`Snippet not on the page: ${snippet}`);
  if (text.indexOf(snippet, start + 1) >= 0) throw new Error(`Snippet occurs more than once: ${snippet}`);
  let offset = start;
  for (const node of nodes) {
    if (offset < node.data.length) return { node, offset };
    offset -= node.data.length;
  }
  throw new Error(`Snippet not on the page: ${snippet}`);
}

/** The block element that holds a snippet: the deepest element containing it that is not inline. */
export function blockHolding(doc: Document, snippet: string): Element {
  let element = snippetStart(doc, snippet).node.parentElement!;
  while (!readerText(element).includes(snippet) || INLINE_TAGS.has(element.tagName.toUpperCase())) element = element.parentElement!;
  return element;
}

function readerText(element: Element): string {
  return textNodesUnder(element).map((n) => n.data).join('');
}

function textNodesUnder(element: Element): Text[] {
  const nodes: Text[] = [];
  const visit = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) nodes.push(child as Text);
      else if (child.nodeType === 1 && !SKIPPED_TAGS.has((child as Element).tagName.toUpperCase())) visit(child);
    }
  };
  visit(element);
  return nodes;
}

const compact = (text: string) => text.replace(/\s+/g, '');

export interface LocatedParagraph {
  zh: Element;
  en: Element;
  zhAlt: Element | null;
}

export function locateParagraphs(doc: Document, expected: RealPageExpectation): LocatedParagraph[] {
  return expected.paragraphs.map((p) => ({
    zh: blockHolding(doc, p.zh),
    en: blockHolding(doc, p.en),
    zhAlt: p.zhAlt === undefined ? null : blockHolding(doc, p.zhAlt),
  }));
}

/**
 * The sentences of one language in a block, as the project's splitter cuts them, each with the text node and
 * offset of its second character (the first may be an opening quote).
 */
function sentencesIn(element: Element, side: Side): Array<{ sentence: string; node: Text; offset: number }> {
  const nodes = textNodesUnder(element);
  const text = nodes.map((n) => n.data).join('');
  const found: Array<{ sentence: string; node: Text; offset: number }> = [];
  for (const run of languageRuns(text, { heading: /^H[1-6]$/i.test(element.tagName) })) {
    if (run.side !== side) continue;
    for (const span of splitSentences(text.slice(run.start, run.end), side)) {
      if (!HAS_LETTERS.test(span.text)) continue;
      const leading = span.text.length - span.text.trimStart().length;
      let position = run.start + span.start + leading + Math.min(1, span.text.trim().length - 1);
      for (const node of nodes) {
        if (position < node.data.length) {
          found.push({ sentence: span.text.replace(/\s+/g, ' ').trim(), node, offset: position });
          break;
        }
        position -= node.data.length;
      }
    }
  }
  return found;
}

/**
 * A place on the page as a browser can find it again: the first character of the `occurrence`-th place (0-based,
 * in document order) where `needle` stands in a text node.
 */
export interface TextPlace {
  needle: string;
  occurrence: number;
}

export function placeOf(doc: Document, node: Text, offset: number): TextPlace {
  const needle = node.data.slice(offset, offset + NEEDLE_LENGTH);
  let occurrence = 0;
  for (const other of textNodes(doc)) {
    for (let at = other.data.indexOf(needle); at >= 0; at = other.data.indexOf(needle, at + 1)) {
      if (other === node && at === offset) return { needle, occurrence };
      occurrence += 1;
    }
  }
  throw new Error(`Not among the page's text nodes: ${needle}`);
}

/** Every sentence a reader could hover in the paragraphs the expectation names, and where to put the pointer. */
export function hoverProbes(doc: Document, expected: RealPageExpectation): HoverProbe[] {
  const probeAt = (side: ProbeSide, paragraph: number, hit: { sentence: string; node: Text; offset: number }): HoverProbe => ({
    side,
    paragraph,
    sentence: hit.sentence,
    ...placeOf(doc, hit.node, hit.offset),
  });
  const probes: HoverProbe[] = [];
  // A paragraph translated by two (two entries naming the same element) is hovered once; an element that holds
  // both languages is hovered in each.
  const probed: Record<ProbeSide, Set<Element>> = { zh: new Set(), en: new Set(), zhAlt: new Set() };
  locateParagraphs(doc, expected).forEach((located, paragraph) => {
    const sides: Array<[ProbeSide, Element | null]> = [['zh', located.zh], ['en', located.en], ['zhAlt', located.zhAlt]];
    for (const [side, element] of sides) {
      if (!element || probed[side].has(element)) continue;
      probed[side].add(element);
      for (const hit of sentencesIn(element, side === 'en' ? 'en' : 'zh')) probes.push(probeAt(side, paragraph, hit));
    }
  });
  for (const [side, snippets] of [['zh', expected.zhOnly ?? []], ['en', expected.enOnly ?? []]] as const) {
    for (const snippet of snippets) for (const hit of sentencesIn(blockHolding(doc, snippet), side)) probes.push(probeAt(side, -1, hit));
  }
  return probes;
}

/**
 * Whether what the tooltip shows for a probe is right: for a sentence of a paired paragraph, at least one
 * counterpart and every one inside the paragraph the page pairs it with; for a sentence the other version leaves
 * out, none.
 */
export function judgeHover(located: LocatedParagraph[], probe: HoverProbe, counterparts: readonly string[]): boolean {
  if (probe.paragraph < 0) return counterparts.length === 0;
  if (counterparts.length === 0) return false;
  // The partner is every paragraph the page pairs the hovered one with: a paragraph may be translated by two.
  const hovered = located[probe.paragraph]![probe.side];
  const partners = located.filter((pair) => pair[probe.side] === hovered).map((pair) => compact(readerText(probe.side === 'en' ? pair.zh : pair.en)));
  return counterparts.every((c) => partners.some((partner) => partner.includes(compact(c))));
}

/** Chrome snippets that a text shown to the reader contains. */
export function chromeShown(expected: RealPageExpectation, shown: string): string[] {
  const text = compact(shown);
  return expected.chrome.filter((snippet) => text.includes(compact(snippet)));
}

/** The text node and offset a probe points at. */
export function probePoint(doc: Document, probe: HoverProbe): { node: Text; offset: number } {
  let occurrence = 0;
  for (const node of textNodes(doc)) {
    for (let at = node.data.indexOf(probe.needle); at >= 0; at = node.data.indexOf(probe.needle, at + 1)) {
      if (occurrence === probe.occurrence) return { node, offset: at };
      occurrence += 1;
    }
  }
  throw new Error(`Probe not on the page: ${probe.sentence}`);
}

export interface HoverScore {
  probes: number;
  right: number;
}

/** Right hovers over probes, by side, and for all sides together. */
export function scoreHovers(verdicts: ReadonlyArray<{ probe: HoverProbe; right: boolean }>): Record<ProbeSide | 'all', HoverScore> {
  const score = (): HoverScore => ({ probes: 0, right: 0 });
  const scores = { zh: score(), en: score(), zhAlt: score(), all: score() };
  for (const { probe, right } of verdicts) {
    for (const s of [scores[probe.side], scores.all]) {
      s.probes += 1;
      if (right) s.right += 1;
    }
  }
  return scores;
}
