/**
 * Properties of the aligner over random and adversarial sentence lists. Every answer must be a partition of both
 * sides into beads with scores in [0, 1], in order on both sides where nothing but the text guides it (the body
 * is aligned monotonically; captions are matched out of order, so ordering is asserted on the Chinese side only
 * where roles and layout pairs are drawn). The work is bounded by the sizes the generators allow (40 sentences a
 * side for random lists, 400 identical ones, 20,000-character sentences) and vitest's timeout; the run counts,
 * from a fixed seed, keep the file to a few seconds on a busy machine.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDictionaryFromDisk } from '../../../scripts/lib/dictionary-node';
import { align } from '../../../utils/align/aligner';
import type { Dictionary } from '../../../utils/align/dictionary';
import type { AlignRequest, AlignResult, BlockRole } from '../../../utils/align/types';
import { SEED, sentence, text } from './arbitraries';

let dictionary: Dictionary;
beforeAll(() => {
  dictionary = loadDictionaryFromDisk();
});

/** Every sentence of both sides in exactly one bead, no empty bead, one score in [0, 1] for each. */
function expectPartition(result: AlignResult, request: AlignRequest): void {
  const zh = result.beads.flatMap(([z]) => z).sort((a, b) => a - b);
  const en = result.beads.flatMap(([, e]) => e).sort((a, b) => a - b);
  expect(zh).toEqual([...request.zh.sentences.keys()]);
  expect(en).toEqual([...request.en.sentences.keys()]);
  expect(result.beads.every(([z, e]) => z.length + e.length > 0)).toBe(true);
  expect(result.scores).toHaveLength(result.beads.length);
  expect(result.scores.every((score) => score >= 0 && score <= 1)).toBe(true);
}

/** Reading the beads in order reads each side's sentences in order. */
function expectInOrder(result: AlignResult, side: 0 | 1): void {
  const read = result.beads.flatMap((bead) => bead[side]);
  expect(read).toEqual([...read].sort((a, b) => a - b));
}

const plain = (zh: string[], en: string[]): AlignRequest => ({ zh: { sentences: zh }, en: { sentences: en } });

/** Lists of well-formed and malformed sentences, either side possibly empty. */
const sentenceList = (lang: 'zh' | 'en') => fc.array(fc.oneof({ arbitrary: sentence(lang), weight: 4 }, { arbitrary: text(15), weight: 1 }), { maxLength: 40 });

/** Lists built to strain the aligner: repetition, no words at all, invisible text, one enormous sentence. */
const adversarialRequest = fc.oneof(
  fc.tuple(fc.nat(400), fc.nat(400), sentence('zh'), sentence('en')).map(([m, n, z, e]) => plain(Array(m).fill(z), Array(n).fill(e))),
  fc.tuple(fc.array(fc.integer().map(String), { maxLength: 60 }), fc.array(fc.double().map(String), { maxLength: 60 })).map(([zh, en]) => plain(zh, en)),
  fc
    .tuple(fc.constantFrom('😀', '\u200B', '\u0007', '\u202E', 'مرحبا', '\uD800', '🇨🇳', ''), fc.nat(80), fc.nat(80))
    .map(([unit, m, n]) => plain(Array.from({ length: m }, (_, k) => unit.repeat(k % 7)), Array.from({ length: n }, (_, k) => unit.repeat(k % 5)))),
  fc
    .tuple(sentence('zh'), sentence('en'), fc.integer({ min: 1_000, max: 20_000 }))
    .map(([z, e, length]) => plain([z.repeat(Math.ceil(length / Math.max(1, z.length))), z], [e, e.repeat(Math.ceil(length / Math.max(1, e.length)))])),
);

const ROLES: BlockRole[] = ['title', 'meta', 'caption', 'body'];

/** Sentences in blocks with roles, and layout pairs that may or may not be right (or even name real blocks). */
const structuredRequest = fc
  .tuple(sentenceList('zh'), sentenceList('en'), fc.array(fc.constantFrom(...ROLES), { minLength: 1, maxLength: 8 }), fc.array(fc.tuple(fc.nat(9), fc.nat(9)), { maxLength: 8 }), fc.nat())
  .map(([zh, en, roles, blockPairs, seed]): AlignRequest => {
    // Sentences of one block are contiguous: block numbers rise along each side.
    const blocks = (count: number, offset: number) => Array.from({ length: count }, (_, k) => Math.min(roles.length - 1, Math.floor(((k + offset) * roles.length) / Math.max(1, count + offset))));
    return {
      zh: { sentences: zh, blocks: blocks(zh.length, seed % 3), blockRoles: roles },
      en: { sentences: en, blocks: blocks(en.length, seed % 2), blockRoles: [...roles].reverse() },
      blockPairs,
    };
  });

describe('aligning random sentence lists', () => {
  it('partitions both sides into beads, in order on both sides', () => {
    fc.assert(
      fc.property(sentenceList('zh'), sentenceList('en'), (zh, en) => {
        const request = plain(zh, en);
        const result = align(request, dictionary);
        expectPartition(result, request);
        expectInOrder(result, 0);
        expectInOrder(result, 1);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('partitions adversarial lists, in order on both sides', () => {
    fc.assert(
      fc.property(adversarialRequest, (request) => {
        const result = align(request, dictionary);
        expectPartition(result, request);
        expectInOrder(result, 0);
        expectInOrder(result, 1);
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('partitions sentences in blocks with roles and arbitrary layout pairs, ordered by the Chinese', () => {
    fc.assert(
      fc.property(structuredRequest, (request) => {
        const result = align(request, dictionary);
        expectPartition(result, request);
        const firstChinese = result.beads.filter(([zh]) => zh.length > 0).map(([zh]) => Math.min(...zh));
        expect(firstChinese).toEqual([...firstChinese].sort((a, b) => a - b));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('gives the same beads for the same request', () => {
    fc.assert(
      fc.property(structuredRequest, (request) => {
        expect(align(request, dictionary)).toEqual(align(structuredClone(request), dictionary));
      }),
      { seed: SEED, numRuns: 30 },
    );
  });
});
