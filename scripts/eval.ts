/**
 * `npm run eval [-- --aligner gale-church]`: the aligner scored on the gold alignments in ../shared/data/align-dev,
 * a table per corpus.
 */
import { parseArgs } from 'node:util';
import { align } from '../utils/align/aligner';
import { alignGaleChurch } from '../utils/align/gale-church';
import type { AlignRequest, AlignResult } from '../utils/align/types';
import { combine, countDocument, mergeWithinVerses, type DocumentCounts, type Scores } from '../utils/eval/score';
import { alignDevDir, loadCorpora, type GoldDocument } from './lib/align-dev';
import { loadDictionaryFromDisk } from './lib/dictionary-node';

const { values } = parseArgs({ options: { aligner: { type: 'string', default: 'parallax' } } });
const corpora = loadCorpora();
if (!corpora) {
  console.log(`No gold alignments at ${alignDevDir}: nothing to evaluate. (They are kept beside the repository, in ../shared/data/align-dev.)`);
  process.exit(0);
}

let run: (request: AlignRequest) => AlignResult;
if (values.aligner === 'gale-church') run = alignGaleChurch;
else if (values.aligner === 'parallax') {
  const dictionary = loadDictionaryFromDisk();
  run = (request) => align(request, dictionary);
} else {
  console.error(`eval: unknown aligner "${values.aligner}" (parallax or gale-church)`);
  process.exit(2);
}

export function countWith(doc: GoldDocument, beads: AlignResult['beads'], mergeVerses: boolean): DocumentCounts {
  const predicted = mergeVerses && doc.zhVerse && doc.enVerse ? mergeWithinVerses(beads, doc.zhVerse, doc.enVerse) : beads;
  return countDocument(doc.gold, predicted);
}

const f = (x: number) => x.toFixed(3);
const row = (label: string, s: Scores, ms: string) =>
  `| ${label.padEnd(14)} | ${f(s.strict.precision)} | ${f(s.strict.recall)} | ${f(s.strict.f1)} | ${f(s.lax.precision)} | ${f(s.lax.recall)} | ${f(s.lax.f1)} | ${ms.padStart(8)} |`;

for (const corpus of corpora) {
  console.log(`\n${corpus.name}${corpus.mergeVerses ? ' (verse-merged)' : ''}, aligner: ${values.aligner}`);
  console.log('| document       | P strict | R strict | F1 strict | P lax | R lax | F1 lax | ms |'.replace(/ \| /g, ' | '));
  console.log('|---|---|---|---|---|---|---|---|');
  const all: DocumentCounts[] = [];
  for (const doc of corpus.documents) {
    const started = performance.now();
    const result = run({ zh: { sentences: doc.zh }, en: { sentences: doc.en } });
    const ms = performance.now() - started;
    const counts = countWith(doc, result.beads, corpus.mergeVerses);
    all.push(counts);
    console.log(row(doc.name, combine([counts]), ms.toFixed(0)));
  }
  console.log(row('all', combine(all), ''));
}
