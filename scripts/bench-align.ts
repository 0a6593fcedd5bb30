/**
 * `npm run bench:align`: in one run, on the same documents, this aligner, a Gale-Church baseline and native hunalign
 * (built from ../shared/tools/hunalign, with a dictionary made from CC-CEDICT): strict F1, and the time to load
 * each aligner's dictionary apart from the time to align a document; then how this aligner's time grows with
 * length, and what the dictionary costs to load. Written to BENCHMARKS.md.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { align } from '../utils/align/aligner';
import { DICTIONARY_FILE, parseDictionary, type Dictionary } from '../utils/align/dictionary';
import { alignGaleChurch } from '../utils/align/gale-church';
import type { AlignRequest, Bead } from '../utils/align/types';
import { combine, countDocument, mergeWithinVerses, type DocumentCounts } from '../utils/eval/score';
import { loadCorpora, type Corpus, type GoldDocument } from './lib/align-dev';
import { machineLine, median, writeBenchmarkSection } from './lib/benchmarks-md';
import { dictionaryPath, loadDictionaryFromDisk } from './lib/dictionary-node';
import { buildHunalign, chineseTokens, englishTokens, HUNALIGN_OPTIONS, hunalignDictionaryText, ladderToBeads, runHunalign, STEMS_PER_WORD } from './lib/hunalign';

interface Aligner {
  name: string;
  /** Median ms to make the aligner ready (its dictionary), or null when it has none. */
  loadMs: number | null;
  /** Beads for a document and the ms the alignment itself took (without the load). */
  align(doc: GoldDocument): { beads: Bead[]; ms: number };
}

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

const requestOf = (doc: GoldDocument): AlignRequest => ({ zh: { sentences: doc.zh }, en: { sentences: doc.en } });
const DOCUMENT_REPEATS = 5;
// The bible document takes seconds an aligner.
const LONG_DOCUMENT_REPEATS = 3;
const repeatsFor = (doc: GoldDocument) => (doc.zh.length > 2000 ? LONG_DOCUMENT_REPEATS : DOCUMENT_REPEATS);
const LOAD_REPEATS = 5;

/**
 * hunalign reads its dictionary anew in every process, so its load is timed on a document of one short sentence a
 * side with the full dictionary, and subtracted from each document's time; process start alone is timed the same
 * way with an empty dictionary. Tokenising the text is not timed.
 */
function makeHunalign(binary: string, dictionary: Dictionary): { aligner: Aligner; startMs: number; dictionaryLines: number } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parallax-hunalign-run-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const dictionaryFile = path.join(dir, 'cedict.dic');
  const emptyFile = path.join(dir, 'empty.dic');
  const dictionaryText = hunalignDictionaryText(dictionary);
  writeFileSync(dictionaryFile, dictionaryText);
  writeFileSync(emptyFile, '');
  const tiny = (file: string) => timed(() => runHunalign(binary, dir, file, ['你好 。'], ['hello .']), LOAD_REPEATS).ms;
  const startMs = tiny(emptyFile);
  const loadMs = tiny(dictionaryFile);
  const aligner: Aligner = {
    name: 'hunalign + CC-CEDICT',
    loadMs,
    align(doc) {
      const zh = doc.zh.map((s) => chineseTokens(s, dictionary).join(' '));
      const en = doc.en.map((s) => englishTokens(s).join(' '));
      const { value, ms } = timed(() => runHunalign(binary, dir, dictionaryFile, zh, en), repeatsFor(doc));
      return { beads: ladderToBeads(value, doc.zh.length, doc.en.length), ms: Math.max(0, ms - loadMs) };
    },
  };
  return { aligner, startMs, dictionaryLines: dictionaryText.split('\n').length - 1 };
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
// The file's bytes live outside the JavaScript heap, in an ArrayBuffer: both are counted.
const heldMemory = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const heapBefore = heldMemory();
const bytes = readFileSync(dictionaryPath);
for (let k = 0; k < LOAD_REPEATS; k += 1) {
  const started = performance.now();
  dictionary = parseDictionary(bytes);
  loadTimes.push(performance.now() - started);
}
global.gc?.();
const heapAfter = heldMemory();
dictionary ??= loadDictionaryFromDisk();
const loaded = dictionary;

const timedBeads = (run: () => { beads: Bead[] }, doc: GoldDocument) => {
  const { value, ms } = timed(run, repeatsFor(doc));
  return { beads: value.beads, ms };
};
const aligners: Aligner[] = [
  { name: 'Parallax', loadMs: median(loadTimes), align: (doc) => timedBeads(() => align(requestOf(doc), loaded), doc) },
  { name: 'Gale-Church', loadMs: null, align: (doc) => timedBeads(() => alignGaleChurch(requestOf(doc)), doc) },
];
const hunalignBinary = buildHunalign();
const hunalign = hunalignBinary ? makeHunalign(hunalignBinary, loaded) : null;
if (hunalign) aligners.push(hunalign.aligner);
else console.log('No hunalign source in ../shared/tools/hunalign: the hunalign baseline is skipped.');

const lines: string[] = [];
lines.push('## Alignment quality and speed (`npm run bench:align`)', '', machineLine(), '');
lines.push(
  'F1 figures are **dev figures: the aligner was tuned on these documents** (../shared/data/align-dev, and our own plain-prose set, plain-dev, since it was built); they are not a measure of how it does on text it has not seen. Strict and lax F1 as Vecalign defines them (bible: verse-merged).',
  '',
  'plain-dev (../shared/data/plain-dev, evaluation only, built by scripts/build-plain-dev.ts from git mirrors at pinned commits; its README gives every document\'s repository, commit, path and licence): 20 documents, 1,440 gold beads of plain prose — 6 news articles of NTREX-128 (MicrosoftTranslator/NTREX, CC BY-SA 4.0), 6 documents of the WMT22 general test set en→zh (wmt-conference/wmt22-news-systems: news, e-commerce, a press release), 7 whole TED talks of the IWSLT 2017 test set tst2017 (hlt-mt/WIT3, CC BY-NC-ND), and the Universal Declaration of Human Rights (eric-muller/udhr). Gold from the sources\' own segment pairing (the translators worked segment by segment), and, for the declaration, its articles and paragraphs paired and the sentences within them (by hand where they do not pair one to one): all but 7 beads are 1-1, so this set measures the plain regime (where merging too readily costs precision), not translators\' merges and splits. (The set was first built with the IWSLT 2015 talks, 1,534 beads; that build was lost and no public copy of those files could be found.)',
  '',
  `Time: "load" is what an aligner spends once before it can align (median of ${LOAD_REPEATS}); "align" is the median over the corpus's documents of each document's median time (${DOCUMENT_REPEATS} runs a document, ${LONG_DOCUMENT_REPEATS} for the bible document), without the load.`,
  '',
);
const bySource: Array<{ aligner: string; documents: Array<{ source: string; counts: DocumentCounts }> }> = [];
lines.push('| corpus | aligner | strict F1 (dev) | lax F1 (dev) | load ms | align ms per document |', '|---|---|---|---|---|---|');
for (const corpus of corpora) {
  for (const aligner of aligners) {
    const counts: DocumentCounts[] = [];
    const times: number[] = [];
    for (const doc of corpus.documents) {
      const { beads, ms } = aligner.align(doc);
      counts.push(count(doc, corpus, beads));
      times.push(ms);
    }
    if (corpus.name === 'plain-dev') bySource.push({ aligner: aligner.name, documents: corpus.documents.map((doc, k) => ({ source: doc.name.split('-')[0]!, counts: counts[k]! })) });
    const scores = combine(counts);
    const load = aligner.loadMs === null ? '—' : aligner.loadMs.toFixed(0);
    const row = `| ${corpus.name} | ${aligner.name} | ${scores.strict.f1.toFixed(3)} | ${scores.lax.f1.toFixed(3)} | ${load} | ${median(times).toFixed(0)} |`;
    console.log(row);
    lines.push(row);
  }
}
if (bySource.length > 0) {
  const sources = [...new Set(bySource[0]!.documents.map((d) => d.source))];
  lines.push('', 'plain-dev by source, strict F1 (TED is 70% of its beads):', '', `| aligner | ${sources.join(' | ')} |`, `|---|${sources.map(() => '---|').join('')}`);
  for (const { aligner, documents } of bySource) {
    const f1 = (source: string) => combine(documents.filter((d) => d.source === source).map((d) => d.counts)).strict.f1.toFixed(3);
    lines.push(`| ${aligner} | ${sources.map(f1).join(' | ')} |`);
  }
}
lines.push('', 'How each was run and timed:', '');
lines.push(
  `- Parallax: \`align()\` in this Node process; load is parsing public/${DICTIONARY_FILE} (see Dictionary below), align is the \`align()\` call.`,
  '- Gale-Church: utils/align/gale-church.ts, the 1993 model (bead types 1-1, 1-0, 0-1, 2-1, 1-2, 2-2 with the published priors, variance 6.8 scaled by the English-to-Chinese letter ratio measured on each document), in a band around the diagonal; it has nothing to load.',
);
if (hunalign) {
  lines.push(
    `- hunalign: the native binary built from ../shared/tools/hunalign (hunalign 1.1), run as a process per document with \`${HUNALIGN_OPTIONS.join(' ')}\` (lengths in bytes, which puts a Chinese character and about three English letters on one scale; counted in characters, its default, its length score, which has no ratio parameter, takes every Chinese sentence for a third of its English one: strict F1 0.864 on bible and 0.507 on mac-dev in a trial with the same input). Input as in its README's example: one sentence a line, tokenised and stemmed — the Chinese split into the project's dictionary words with digits, Latin words and punctuation kept as tokens; the English as the project's stems, numbers and punctuation (raw lowercase words, with a dictionary of CC-CEDICT's gloss words, scored 0.902 and 0.625 in a trial). Dictionary: the project's CC-CEDICT as ${hunalign.dictionaryLines.toLocaleString('en')} lines \`english stem @ 中文\` (up to ${STEMS_PER_WORD} stems a word, from its first glosses). Without \`-realign\`, which lowered mac-dev's strict F1 by about 0.09 in a trial. Load is a run on one short sentence a side with the full dictionary (process start, reading and indexing the dictionary); process start alone, with an empty dictionary, is ${hunalign.startMs.toFixed(0)} ms. Align is each document's time less that load; writing the input files and tokenising are not counted.`,
  );
} else {
  lines.push('- hunalign: skipped, since ../shared/tools/hunalign (its source) is missing.');
}

// Growth with length: slices of the longest document, repeated where it is too short.
const longest = corpora.flatMap((c) => c.documents).sort((a, b) => b.zh.length - a.zh.length)[0]!;
const take = (list: string[], n: number) => Array.from({ length: n }, (_, k) => list[k % list.length]!);
lines.push('', '### Time against length (Parallax)', '', `Slices of ${longest.name} (${longest.zh.length} × ${longest.en.length} sentences), repeated past its end.`, '');
lines.push(
  '| Chinese × English sentences | ms (median of 3; one run from 10,000) | ms per 1,000 Chinese sentences | heap grown by the alignment, MiB |',
  '|---|---|---|---|',
);
for (const n of [100, 1_000, 10_000, 50_000]) {
  const request = { zh: { sentences: take(longest.zh, n) }, en: { sentences: take(longest.en, Math.round((n * longest.en.length) / longest.zh.length)) } };
  const { ms } = timed(() => align(request, loaded), n >= 10_000 ? 1 : 3);
  // Heap in use right after one more run, before anything is collected, against the heap collected before it: what
  // the alignment holds at its end and the garbage it left, a floor for its peak (without --expose-gc, a rougher one).
  global.gc?.();
  const heapAtStart = process.memoryUsage().heapUsed;
  align(request, loaded);
  const grown = (process.memoryUsage().heapUsed - heapAtStart) / 2 ** 20;
  const row = `| ${n.toLocaleString('en')} × ${request.en.sentences.length.toLocaleString('en')} | ${ms.toFixed(0)} | ${((ms / n) * 1000).toFixed(0)} | ${grown.toFixed(0)} |`;
  console.log(row);
  lines.push(row);
}

lines.push('', '### Dictionary', '');
lines.push(`- File: ${(bytes.length / 1e6).toFixed(1)} MB (${loaded.wordCount.toLocaleString('en')} words, ${loaded.characterCount.toLocaleString('en')} characters with readings).`);
lines.push(`- Parse time in Node (median of 5): ${median(loadTimes).toFixed(0)} ms.`);
lines.push(`- Memory the dictionary holds (its bytes and what parsing builds, one copy of five kept): about ${((heapAfter - heapBefore) / 2 ** 20).toFixed(0)} MiB${global.gc ? '' : ' (without --expose-gc, so garbage of the earlier parses may be counted)'}.`);
writeBenchmarkSection('align', lines.join('\n'));
console.log('Written to BENCHMARKS.md');
