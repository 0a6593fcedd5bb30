/**
 * `npm run eval [-- --aligner gale-church] [-- --skip-pages]`: the aligner scored on the gold alignments in
 * ../shared/data/align-dev, a table per corpus; then the fixtures of real bilingual pages hovered sentence by
 * sentence in Chromium with the built extension, and the seed page hovered sentence by sentence in Chromium and
 * Firefox and scored against its gold: tables in BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { align } from '../utils/align/aligner';
import { alignGaleChurch } from '../utils/align/gale-church';
import type { AlignRequest, AlignResult } from '../utils/align/types';
import { combine, countDocument, mergeWithinVerses, type DocumentCounts, type Scores } from '../utils/eval/score';
import { scoreHovers, type HoverScore } from '../utils/eval/page-hover';
import { alignDevDir, loadCorpora, type GoldDocument } from './lib/align-dev';
import { machineLine, writeBenchmarkSection } from './lib/benchmarks-md';
import { launchChromium, launchFirefox } from './lib/launch';
import { fixturesDir, type BrowserPage } from './lib/reader';
import { realPages, runRealPage } from './lib/real-pages';
import { runSeedHover } from './lib/seed-hover';
import { serveDirectory } from './lib/serve';
import { loadDictionaryFromDisk } from './lib/dictionary-node';

const { values } = parseArgs({ options: { aligner: { type: 'string', default: 'parallax' }, 'skip-pages': { type: 'boolean', default: false } } });

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

const corpora = loadCorpora();
if (!corpora) console.log(`No gold alignments at ${alignDevDir}: the aligner is not scored. (They are kept beside the repository, in ../shared/data/align-dev.)`);
for (const corpus of corpora ?? []) {
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

if (!values['skip-pages']) {
  execFileSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' });
  const seedRows = await evaluateSeedHover();
  await evaluateRealPages(seedRows);
}

/** The seed page hovered sentence by sentence in Chromium and Firefox, scored against its gold (hover F1). */
async function evaluateSeedHover(): Promise<string[]> {
  const server = await serveDirectory(fixturesDir);
  const rows: string[] = [];
  const browsers: Array<[string, () => Promise<{ page: BrowserPage; close(): Promise<void> }>]> = [
    [
      'Chromium',
      async () => {
        const session = await launchChromium({ headless: true });
        return { page: (await session.context.newPage()) as unknown as BrowserPage, close: () => session.close() };
      },
    ],
    [
      'Firefox',
      async () => {
        const session = await launchFirefox({ headless: true });
        return { page: (await session.browser.newPage()) as unknown as BrowserPage, close: () => session.close() };
      },
    ],
  ];
  try {
    for (const [name, open] of browsers) {
      const session = await open();
      try {
        const f1 = await runSeedHover(session.page, server.url);
        rows.push(`| ${name} | ${f1.zh.toFixed(3)} | ${f1.en.toFixed(3)} | ${f1.all.toFixed(3)} |`);
        console.log(`Seed page hovered in ${name}: hover F1 ${f1.all.toFixed(3)} (Chinese ${f1.zh.toFixed(3)}, English ${f1.en.toFixed(3)})`);
      } finally {
        await session.close();
      }
    }
  } finally {
    await server.close();
  }
  return rows;
}

/** Every sentence of every real-page fixture hovered in Chromium: the share whose tooltip lies in the paired paragraph. */
async function evaluateRealPages(seedRows: string[]): Promise<void> {
  const pages = realPages();
  console.log(`\nReal-page fixtures (${pages.length}), hovered in Chromium:`);
  const server = await serveDirectory(fixturesDir);
  const session = await launchChromium({ headless: true });
  const rows: string[] = [];
  let worst = 1;
  try {
    for (const real of pages) {
      const page = (await session.context.newPage()) as unknown as BrowserPage;
      const outcome = await runRealPage(page, server.url, real);
      await (page as unknown as { close(): Promise<void> }).close();
      const scores = scoreHovers(outcome.verdicts);
      const share = (s: HoverScore) => (s.probes === 0 ? '–' : `${(s.right / s.probes).toFixed(3)} (${s.right}/${s.probes})`);
      worst = Math.min(worst, scores.all.right / Math.max(1, scores.all.probes));
      const chrome = [...new Set([...outcome.chromeHovered, ...outcome.chromeShown])];
      rows.push(`| ${real.name} | ${share(scores.zh)} | ${share(scores.en)} | ${share(scores.zhAlt)} | ${share(scores.all)} | ${chrome.length === 0 ? 'none' : chrome.join('; ')} |`);
      console.log(rows.at(-1));
      for (const v of outcome.verdicts.filter((x) => !x.right)) console.log(`    wrong: ${v.probe.side} ${v.probe.sentence.slice(0, 50)} → ${v.shown.join(' ').slice(0, 80) || '(nothing)'}`);
    }
  } finally {
    await session.close();
    await server.close();
  }
  writeBenchmarkSection(
    'real-pages',
    [
      '## Real bilingual layouts, hovered',
      '',
      machineLine(),
      '',
      'Written by `npm run eval`. Every fixture in tests/fixtures/real reproduces the structure of a real bilingual page (its expected.json names the page studied) with text of our own. Every sentence of every paragraph the page pairs is hovered in headless Chromium with the built extension, as a reader would; a hover is right when the tooltip shows a counterpart and all of it lies in the paragraph the page pairs the hovered one with (for a paragraph the other version leaves out: when it shows none). Then each piece of site chrome the fixture names is hovered: it must open no tooltip, and it must never appear in a tooltip.',
      '',
      '| page | Chinese hovered | English hovered | other Chinese version hovered | all | chrome shown |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
      `Lowest share on a page: ${worst.toFixed(3)} (aim: 0.95 on every layout).`,
      '',
      '### The seed page, hovered sentence by sentence',
      '',
      'Every sentence of both languages of tests/fixtures/seed/xinhua-moscow.html hovered with the built extension; what the tooltip shows is scored against the gold beside the page (xinhua-moscow.gold.json: which sentences render which, captions included, as we judged them), by token F1 (Han characters, digit runs and Latin words), a sentence with no counterpart scoring 1 when none is shown. Averaged over the sentences of each side, then over all. A development figure: the seed and its gold were in view while the aligner was worked on.',
      '',
      '| browser | Chinese hovered | English hovered | all |',
      '| --- | --- | --- | --- |',
      ...seedRows,
    ].join('\n'),
  );
}
