// @vitest-environment happy-dom
/**
 * Properties of the page reader over random DOM trees built in happy-dom: paragraphs of Chinese and English
 * (alternating, stacked, or mixed in one block) cut at random points into text nodes, inline elements, line
 * breaks, empty nodes and odd characters, nested in containers, with hidden elements among them. 250 trees from a
 * fixed seed, of at most 14 paragraphs: a few seconds on a busy machine.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readBilingualPage } from '../../../utils/page/read-page';
import type { PageSentence } from '../../../utils/page/types';
import { paragraph, SEED, text } from './arbitraries';

/** Text that only hidden elements hold: no sentence may contain it. */
const HIDDEN_MARK = 'HIDDENMARK';

type Inline = { kind: 'text'; text: string } | { kind: 'empty' } | { kind: 'br' } | { kind: 'hidden'; how: number } | { kind: 'nested'; tag: string } | { kind: 'wrap'; tag: string; children: Inline[] };

const INLINE_TAGS = ['span', 'b', 'em', 'strong', 'a', 'i', 'sup', 'font', 'mark', 'q'];
const BLOCK_TAGS = ['p', 'div', 'li', 'h2', 'blockquote', 'td', 'dd', 'section'];
const HIDE = [
  (e: Element) => e.setAttribute('hidden', ''),
  (e: Element) => e.setAttribute('style', 'display: none'),
  (e: Element) => e.setAttribute('aria-hidden', 'true'),
  (e: Element) => e.setAttribute('style', 'visibility:hidden'),
];

/** A paragraph's text cut into inline pieces: each cut point may open or close an element, or add a break or an empty node. */
const inlineOf = (source: string) =>
  fc
    .array(fc.tuple(fc.nat(source.length), fc.nat(10), fc.constantFrom(...INLINE_TAGS), fc.nat(3)), { maxLength: 8 })
    .map((cuts): Inline[] => {
      const points = [...new Set(cuts.map(([at]) => at))].sort((a, b) => a - b);
      const pieces: Inline[] = [];
      let from = 0;
      for (const at of [...points, source.length]) {
        const piece = source.slice(from, at);
        const [, what, tag, how] = cuts.find(([cut]) => cut === at) ?? [0, 10, 'span', 0];
        if (piece) pieces.push(what < 4 ? { kind: 'wrap', tag, children: [{ kind: 'text', text: piece }] } : { kind: 'text', text: piece });
        if (what === 4) pieces.push({ kind: 'br' });
        else if (what === 5) pieces.push({ kind: 'empty' });
        else if (what === 6) pieces.push({ kind: 'hidden', how });
        else if (what === 7) pieces.push({ kind: 'wrap', tag, children: [] });
        else if (what === 8) pieces.push({ kind: 'nested', tag: BLOCK_TAGS[how]! });
        from = at;
      }
      return pieces;
    });

interface BlockSpec {
  tag: string;
  inline: Inline[];
  /** Wrapped in this many plain containers. */
  depth: number;
}

const block = (source: fc.Arbitrary<string>) =>
  source.chain((s) => fc.record({ tag: fc.constantFrom(...BLOCK_TAGS), inline: inlineOf(s), depth: fc.nat(3) }));

/** A page's paragraphs: both languages in some layout, and odd blocks between them. */
const pageSpec = fc
  .tuple(
    fc.array(paragraph('zh', 4), { minLength: 1, maxLength: 6 }),
    fc.array(paragraph('en', 4), { minLength: 1, maxLength: 6 }),
    fc.constantFrom('stacked', 'alternating', 'mixed'),
    fc.array(text(10), { maxLength: 2 }),
  )
  .chain(([zh, en, layout, odd]) => {
    let sources: string[];
    if (layout === 'stacked') sources = [...zh, ...en];
    else if (layout === 'alternating') sources = zh.flatMap((z, k) => (en[k] ? [z, en[k]] : [z])).concat(en.slice(zh.length));
    else sources = zh.map((z, k) => `${z} ${en[k] ?? ''}`).concat(en.slice(zh.length));
    return fc.tuple(...[...sources, ...odd].map((s) => block(fc.constant(s))));
  });

function build(doc: Document, inline: Inline, into: Node): void {
  if (inline.kind === 'text') into.appendChild(doc.createTextNode(inline.text));
  else if (inline.kind === 'empty') into.appendChild(doc.createTextNode(''));
  else if (inline.kind === 'br') into.appendChild(doc.createElement('br'));
  else if (inline.kind === 'nested') {
    // A block inside the paragraph's text (a quotation set apart, a list): its text is a block of its own.
    const nested = doc.createElement(inline.tag);
    nested.textContent = '他说今天天气很好。 The weather is fine today, he said.';
    into.appendChild(nested);
  } else if (inline.kind === 'hidden') {
    const hidden = doc.createElement(inline.how % 2 ? 'span' : 'div');
    HIDE[inline.how]!(hidden);
    hidden.textContent = `${HIDDEN_MARK} 隐藏的文字。`;
    into.appendChild(hidden);
  } else {
    const element = doc.createElement(inline.tag);
    inline.children.forEach((child) => build(doc, child, element));
    into.appendChild(element);
  }
}

function buildPage(doc: Document, blocks: BlockSpec[]): void {
  const article = doc.createElement('article');
  for (const spec of blocks) {
    const element = doc.createElement(spec.tag);
    spec.inline.forEach((inline) => build(doc, inline, element));
    let outer: Element = element;
    for (let k = 0; k < spec.depth; k += 1) {
      const container = doc.createElement('div');
      container.appendChild(outer);
      outer = container;
    }
    article.appendChild(outer);
  }
  doc.body.replaceChildren(article);
}

// A line break is a space in the sentence's text and nothing in its range's: the two agree on all but spaces.
const withoutSpace = (text: string) => text.replace(/\s+/g, '');
const rangeText = (sentence: PageSentence) => withoutSpace(sentence.ranges.map((r) => r.toString()).join(''));

let read = 0;
let bilingual = 0;
afterAll(() => {
  // Most random trees must be read as bilingual, or the properties below were checked on almost nothing.
  expect(bilingual / read).toBeGreaterThan(0.5);
});

describe('reading random pages', () => {
  it('maps every sentence to ranges that read as it, in order within its block, without overlap, never from hidden text', () => {
    fc.assert(
      fc.property(pageSpec, (blocks) => {
        buildPage(document, blocks);
        const page = readBilingualPage(document);
        read += 1;
        if (!page) return;
        bilingual += 1;
        for (const side of [page.zh, page.en]) {
          side.sentences.forEach((sentence, k) => {
            expect(sentence.text).toBe(sentence.text.replace(/\s+/g, ' ').trim());
            expect(sentence.text).not.toBe('');
            expect(sentence.text).not.toContain(HIDDEN_MARK);
            expect(rangeText(sentence)).toBe(withoutSpace(sentence.text));
            const element = side.blocks[sentence.block]!.element;
            for (const range of sentence.ranges) expect(element.contains(range.commonAncestorContainer)).toBe(true);
            const previous = side.sentences[k - 1];
            if (previous && previous.block === sentence.block) {
              expect(previous.ranges.at(-1)!.compareBoundaryPoints(Range.START_TO_END, sentence.ranges[0]!)).toBeLessThanOrEqual(0);
            }
          });
        }
        // No two sentences of the page share a character: every range ends before or starts after every other.
        const ranges = [page.zh, page.en].flatMap((side) => side.sentences.flatMap((s) => s.ranges));
        for (const [k, a] of ranges.entries()) {
          for (const b of ranges.slice(k + 1)) {
            const apart = a.compareBoundaryPoints(Range.START_TO_END, b) <= 0 || b.compareBoundaryPoints(Range.START_TO_END, a) <= 0;
            if (!apart) expect([a.toString(), b.toString()]).toBe('ranges apart');
          }
        }
      }),
      { seed: SEED, numRuns: 250 },
    );
  });
});
