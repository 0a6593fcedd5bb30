/**
 * Properties of the sentence splitter over random text (words of both languages, the punctuation it decides on,
 * odd and arbitrary characters). 2,000 texts of up to 80 pieces a language, from a fixed seed: enough to reach
 * the splitter's rare paths (ellipses, closers, abbreviations) and under a second on a busy machine.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences, type SentenceSpan } from '../../../utils/text/sentences';
import { SEED, text } from './arbitraries';

const RUNS = 2_000;

/** The spans are the text's non-space characters, each in exactly one span, in order, every span trimmed. */
function expectSpansCover(source: string, spans: SentenceSpan[]): void {
  let at = 0;
  for (const span of spans) {
    expect(span.start).toBeGreaterThanOrEqual(at);
    expect(span.end).toBeGreaterThan(span.start);
    expect(source.slice(span.start, span.end)).toBe(span.text);
    expect(span.text).toBe(span.text.trim());
    // What lies between two sentences is space only: no character is dropped.
    expect(source.slice(at, span.start).trim()).toBe('');
    at = span.end;
  }
  expect(source.slice(at).trim()).toBe('');
}

describe.each(['zh', 'en'] as const)('splitting %s text', (lang) => {
  it('covers the text: every non-space character in exactly one sentence, in order, offsets exact', () => {
    fc.assert(
      fc.property(text(80), (source) => expectSpansCover(source, splitSentences(source, lang))),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('splits each of its sentences, read alone, into that sentence only', () => {
    // Whether a stop ends a sentence depends only on the text around it within the sentence: the splitter's
    // decisions do not change when the neighbouring sentences are taken away.
    fc.assert(
      fc.property(text(80), (source) => {
        for (const span of splitSentences(source, lang)) expect(splitSentences(span.text, lang).map((s) => s.text)).toEqual([span.text]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('does not split text without a sentence stop', () => {
    const stops = lang === 'zh' ? /[。！？!?…]|\.\.\./ : /[.!?]/;
    fc.assert(
      fc.property(
        text(80).filter((source) => !stops.test(source)),
        (source) => {
          expect(splitSentences(source, lang).length).toBeLessThanOrEqual(1);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
