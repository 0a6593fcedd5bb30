/**
 * The fixtures that reproduce real bilingual pages, hovered sentence by sentence in a real browser as a reader
 * would: used by `npm run eval` (every sentence, a table in BENCHMARKS.md) and the end-to-end tests. What to
 * hover and how to judge it come from utils/eval/page-hover, computed on the page's markup in Node.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { chromeShown, hoverProbes, judgeHover, locateParagraphs, placeOf, snippetStart, type HoverProbe, type LocatedParagraph, type RealPageExpectation } from '../../utils/eval/page-hover';
import { fixturesDir, hoverSpot, readSidePanel, waitFor, waitUntilReady, type BrowserPage } from './reader';

export const realPagesDir = path.join(fixturesDir, 'real');

export interface RealPage {
  name: string;
  /** The page's path under the fixtures directory, as the test server serves it. */
  urlPath: string;
  expected: RealPageExpectation;
  probes: HoverProbe[];
  located: LocatedParagraph[];
  /** Where to point at each chrome snippet: its first character. */
  chromeSpots: Array<{ snippet: string; needle: string; occurrence: number }>;
}

/** A fixture page's markup in a DOM of its own (happy-dom, no styles or scripts run), as the reader reads it. */
export function fixtureDocument(relativePath: string): Document {
  const window = new Window({ settings: { disableCSSFileLoading: true, disableJavaScriptFileLoading: true, disableJavaScriptEvaluation: true } });
  window.document.write(readFileSync(path.join(fixturesDir, relativePath), 'utf8'));
  return window.document as unknown as Document;
}

export function realPages(): RealPage[] {
  if (!existsSync(realPagesDir)) return [];
  return readdirSync(realPagesDir)
    .filter((name) => existsSync(path.join(realPagesDir, name, 'expected.json')))
    .sort()
    .map((name) => {
      const expected = JSON.parse(readFileSync(path.join(realPagesDir, name, 'expected.json'), 'utf8')) as RealPageExpectation;
      const urlPath = `real/${name}/page.html`;
      const doc = fixtureDocument(urlPath);
      const chromeSpots = expected.chrome.map((snippet) => {
        const { node, offset } = snippetStart(doc, snippet);
        return { snippet, ...placeOf(doc, node, offset) };
      });
      return { name, urlPath, expected, probes: hoverProbes(doc, expected), located: locateParagraphs(doc, expected), chromeSpots };
    });
}

export interface HoverVerdict {
  probe: HoverProbe;
  right: boolean;
  shown: string[];
}

export interface RealPageRun {
  verdicts: HoverVerdict[];
  /** Chrome snippets that showed a tooltip when hovered. */
  chromeHovered: string[];
  /** Chrome snippets found in any tooltip or in the side panel. */
  chromeShown: string[];
}

/** Opens the page, hovers the given probes (all by default) and the chrome, and reads the side panel when there is one. */
export async function runRealPage(
  page: BrowserPage,
  baseUrl: string,
  real: RealPage,
  options: { probes?: HoverProbe[]; openSidePanel?: ((pageUrl: string) => Promise<BrowserPage>) | null } = {},
): Promise<RealPageRun> {
  const url = `${baseUrl}/${real.urlPath}`;
  await page.goto(url);
  await waitUntilReady(page);
  const verdicts: HoverVerdict[] = [];
  const shownAnywhere: string[] = [];
  for (const probe of options.probes ?? real.probes) {
    const tooltip = await hoverSpot(page, { needle: probe.needle, occurrence: probe.occurrence, from: 0, to: 1 });
    const shown = tooltip?.counterparts.map((c) => c.text) ?? [];
    shownAnywhere.push(...shown);
    // No tooltip at all means the reader did not read the sentence: wrong, whatever the paragraph.
    verdicts.push({ probe, right: tooltip !== null && judgeHover(real.located, probe, shown), shown });
  }
  const chromeHovered: string[] = [];
  for (const spot of real.chromeSpots) {
    const tooltip = await hoverSpot(page, { needle: spot.needle, occurrence: spot.occurrence, from: 0, to: 1 });
    if (tooltip) chromeHovered.push(spot.snippet);
  }
  if (options.openSidePanel) {
    const panel = await options.openSidePanel(url);
    const reading = await waitFor(async () => {
      const r = await readSidePanel(panel);
      return r.pairs.length > 0 ? r : null;
    }, 'pairs in the side panel');
    shownAnywhere.push(...reading.pairs.flatMap((p) => [p.zh, p.en]), ...reading.unmatched.map((u) => u.text));
  }
  return { verdicts, chromeHovered, chromeShown: [...new Set(shownAnywhere.flatMap((text) => chromeShown(real.expected, text)))] };
}
