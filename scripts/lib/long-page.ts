/**
 * Long bilingual pages for the long-page benchmark and end-to-end test: the seed report (a Chinese article, then its
 * English version, as the seed page stacks them) with each version's paragraphs repeated, in order, until the
 * Chinese version has the paragraphs asked for. The first copy is the seed's article as it stands (headline, byline,
 * photos and captions); the copies after it are its paragraphs alone, each opened by the copy's number in both
 * versions, as a long report numbers its parts: a paragraph repeated word for word is taken for a label the site
 * repeats (article.ts), and a real report does not repeat its paragraphs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { median } from './benchmarks-md';
import { fixturesDir, readTooltip, waitFor, type BrowserPage } from './reader';

const SEED_PAGE = path.join(fixturesDir, 'seed/xinhua-moscow.html');

export interface LongPage {
  html: string;
  /** Copies of the seed report's paragraphs on each side. */
  copies: number;
  zhParagraphs: number;
  enParagraphs: number;
}

/** The anchor of the first paragraph of a copy (from 2 on) on one side. */
export function partId(copy: number, side: 'zh' | 'en'): string {
  return side === 'zh' ? `part-${copy}` : `part-${copy}-en`;
}

/** The seed page with each article's paragraphs repeated until the Chinese side has at least `paragraphs`. */
export function longSeedPage(paragraphs: number): LongPage {
  const seed = readFileSync(SEED_PAGE, 'utf8');
  const articles = [...seed.matchAll(/(<article [^>]*>)([\s\S]*?)(<\/article>)/g)];
  if (articles.length !== 2) throw new Error(`The seed page should hold two articles, not ${articles.length}.`);
  const paragraphsOf = (body: string) => body.match(/<p>[\s\S]*?<\/p>/g) ?? [];
  const [zhCount, enCount] = articles.map((article) => paragraphsOf(article[2]!).length) as [number, number];
  const copies = Math.max(1, Math.ceil(paragraphs / zhCount));
  let html = seed;
  articles.forEach(([whole, open, body, close], side) => {
    const own = paragraphsOf(body!);
    // The first paragraph of each copy is an anchor (#part-12, #part-12-en) a reader's link may lead to.
    const numbered = (copy: number) =>
      own.map((p, k) => p.replace('<p>', `<p${k === 0 ? ` id="${partId(copy, side === 0 ? 'zh' : 'en')}"` : ''}>${side === 0 ? `〔${copy}〕` : `[${copy}] `}`)).join('\n');
    const rest = Array.from({ length: copies - 1 }, (_, k) => numbered(k + 2)).join('\n');
    html = html.replace(whole!, `${open}${body}\n${rest}\n${close}`);
  });
  // The style sheet stays the seed's: the page is served from beside it.
  html = html.replace('href="news.css"', 'href="/seed/news.css"').replace(/src="photo\.svg"/g, 'src="/seed/photo.svg"');
  return { html, copies, zhParagraphs: zhCount * copies, enParagraphs: enCount * copies };
}

/** The sentence of copy `copy` a reader points at in the benchmark and the test, and its counterpart in the copy. */
export function sentenceOfCopy(copy: number): { sentence: string; counterpart: string } {
  return {
    sentence: `〔${copy}〕兩國元首先後舉行小範圍、大範圍會談。`,
    counterpart: `[${copy}] Following a grand welcoming ceremony for Xi, the two leaders held small-group and large-group talks successively.`,
  };
}

/**
 * A point on the paragraph that starts with `start`, found without scrolling; where it stands below the view (the
 * link led a few paragraphs above it), the reader scrolls it up to the top first. Null until the page has it.
 */
export function pointOnParagraph(page: BrowserPage, start: string): Promise<{ x: number; y: number } | null> {
  // No named functions inside: the page gets this function's source.
  return page.evaluate((needle: string) => {
    for (const p of document.querySelectorAll('p')) {
      const text = p.firstChild;
      if (!(text instanceof Text) || !text.data.startsWith(needle)) continue;
      if (p.getBoundingClientRect().bottom > innerHeight) p.scrollIntoView({ block: 'start', behavior: 'instant' });
      const range = document.createRange();
      range.setStart(text, 3);
      range.setEnd(text, 6);
      const rect = range.getBoundingClientRect();
      return rect.top >= 0 && rect.bottom <= innerHeight ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    }
    return null;
  }, start);
}

/** What a reader saw pointing at a copy's sentence: when the first tooltip showed (page clock), and whether it was right. */
export interface FirstTooltip {
  firstTooltipMs: number | null;
  rightCounterpart: boolean;
  /** What the first tooltip showed as the counterpart, when it was not the copy's sentence. */
  wrongCounterpart?: string;
}

/**
 * A reader on a long page that is loading: points at the copy's sentence as soon as the page has it laid out, and
 * again every 1.5 s until a tooltip shows (polled every 50 ms), for at most `limitMs`.
 */
export async function pointUntilTooltip(page: BrowserPage, copy: number, limitMs: number): Promise<FirstTooltip> {
  const target = sentenceOfCopy(copy);
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    const point = await pointOnParagraph(page, target.sentence).catch(() => null);
    if (!point) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    await page.mouse.move(1, 1);
    await page.mouse.move(point.x, point.y);
    const seen = await waitFor(
      async () => {
        const tooltip = await readTooltip(page).catch(() => null);
        return tooltip && { tooltip, at: await page.evaluate(() => performance.now(), null) };
      },
      'a tooltip',
      1_500,
    ).catch(() => null);
    if (seen) {
      const shown = seen.tooltip.counterparts.map((c) => c.text).join(' ');
      const rightCounterpart = shown === target.counterpart;
      return { firstTooltipMs: seen.at, rightCounterpart, ...(rightCounterpart ? {} : { wrongCounterpart: shown || seen.tooltip.text }) };
    }
  }
  return { firstTooltipMs: null, rightCounterpart: false };
}

/** How long the benchmarks give a reader for the first tooltip, and the page for the rest of its alignment. */
export const FIRST_HOVER_LIMIT_MS = 30_000;
export const ALIGNED_LIMIT_MS = 120_000;

/** A long page as the benchmarks serve it, with how many visits it gets and the copy its reader is led to. */
export interface BenchedLongPage {
  paragraphs: number;
  runs: number;
  page: LongPage;
  /** Its address on the test server. */
  file: string;
  copy: number;
}

/**
 * The long pages of the benchmarks, `BENCH_LONG_SIZES` ("1000:3,10000:2": paragraphs a language and runs, the
 * default), with the pages to serve by address; `headScript` is put first in each page's head.
 */
export function benchedLongPages(headScript = ''): { benched: BenchedLongPage[]; pages: Record<string, string> } {
  const pages: Record<string, string> = {};
  const benched = (process.env.BENCH_LONG_SIZES ?? '1000:3,10000:2').split(',').map((size) => {
    const [paragraphs, runs] = size.split(':').map(Number) as [number, number];
    const page = longSeedPage(paragraphs);
    const file = `/long/${paragraphs}.html`;
    pages[file] = headScript ? page.html.replace('<head>', `<head><script>${headScript}</script>`) : page.html;
    return { paragraphs, runs, page, file, copy: Math.ceil(page.copies / 2) };
  });
  return { benched, pages };
}

/** Milliseconds as the benchmark tables write them, or "none". */
export const formatMs = (value: number | null) => (value === null ? 'none' : `${Math.round(value).toLocaleString('en')}`);

/** The median, or null when any run had none. */
export const medianOrNull = (values: Array<number | null>) => (values.some((v) => v === null) ? null : median(values as number[]));
