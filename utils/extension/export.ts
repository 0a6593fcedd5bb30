/**
 * A tab's alignment as files a translator can take away: TSV for spreadsheets, JSON for scripts, and TMX 1.4, the
 * translation-memory format CAT tools import.
 *
 * TSV and TMX hold the pairs only. A translation unit is a sentence with its translation, so an omission or an
 * addition (a sentence with no counterpart) is not one: it would teach a translation memory that the sentence
 * translates to nothing. JSON keeps them, under `unmatched`.
 */
import { beadText, panelRows } from './article-map';
import type { TabAlignment } from './tab-alignments';

export type ExportFormat = 'tsv' | 'json' | 'tmx';

export const EXPORT_MIME: Record<ExportFormat, string> = {
  tsv: 'text/tab-separated-values;charset=utf-8',
  json: 'application/json;charset=utf-8',
  tmx: 'application/x-tmx+xml;charset=utf-8',
};

interface ExportedPair {
  zh: string[];
  en: string[];
  score: number;
}

export interface ExportedAlignment {
  url: string;
  title: string;
  zhScript: TabAlignment['zhScript'];
  pairs: ExportedPair[];
  unmatched: { zh: string[]; en: string[] };
}

/** Scores to three decimals: the aligner's precision is not finer than that, and the files stay readable. */
const roundScore = (score: number) => Math.round(score * 1000) / 1000;

export function exportedAlignment(alignment: TabAlignment): ExportedAlignment {
  const pairs: ExportedPair[] = [];
  const unmatched = { zh: [] as string[], en: [] as string[] };
  for (const row of panelRows(alignment)) {
    const zh = row.zh.map((i) => alignment.zh[i] ?? '');
    const en = row.en.map((j) => alignment.en[j] ?? '');
    if (row.kind === 'omission') unmatched.zh.push(...zh);
    else if (row.kind === 'addition') unmatched.en.push(...en);
    else pairs.push({ zh, en, score: roundScore(row.score) });
  }
  return { url: alignment.url, title: alignment.title, zhScript: alignment.zhScript, pairs, unmatched };
}

export function toJson(alignment: TabAlignment): string {
  return `${JSON.stringify(exportedAlignment(alignment), null, 2)}\n`;
}

/**
 * A TSV field: a tab or line break inside a sentence would start a new column or row (Unicode's line and paragraph
 * separators too, in editors that honour them). A field that starts as a formula would be run by the spreadsheet
 * that opens the file (a page's "=HYPERLINK(…)" as a link the reader did not write): an apostrophe makes it text,
 * as OWASP advises for CSV.
 */
export function tsvField(text: string): string {
  const flat = text.replace(/[\t\r\n\u2028\u2029]+/g, ' ');
  return /^[=+\-@]/.test(flat) ? `'${flat}` : flat;
}

export function toTsv(alignment: TabAlignment): string {
  const lines = ['zh\ten\tscore'];
  for (const row of panelRows(alignment)) {
    if (row.kind === 'omission' || row.kind === 'addition') continue;
    const { zh, en } = beadText(alignment, row);
    lines.push(`${tsvField(zh)}\t${tsvField(en)}\t${roundScore(row.score)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Characters XML 1.0 cannot carry at all, even escaped: C0 controls but tab and line breaks, lone surrogates, U+FFFE/F. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** TMX dates are ISO 8601 basic format in UTC: 20261202T142500Z. */
function tmxDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
}

export function toTmx(alignment: TabAlignment, options: { version: string; now?: Date }): string {
  const zhLang = `zh-${alignment.zhScript}`;
  const units: string[] = [];
  for (const row of panelRows(alignment)) {
    if (row.kind === 'omission' || row.kind === 'addition') continue;
    const { zh, en } = beadText(alignment, row);
    units.push(
      [
        '    <tu>',
        `      <prop type="x-parallax-score">${roundScore(row.score)}</prop>`,
        `      <tuv xml:lang="${zhLang}"><seg>${xmlText(zh)}</seg></tuv>`,
        `      <tuv xml:lang="en"><seg>${xmlText(en)}</seg></tuv>`,
        '    </tu>',
      ].join('\n'),
    );
  }
  const header =
    `  <header creationtool="Parallax" creationtoolversion="${xmlText(options.version)}" datatype="plaintext" segtype="sentence"` +
    ` adminlang="en" srclang="${zhLang}" o-tmf="Parallax" creationdate="${tmxDate(options.now ?? new Date())}">\n` +
    `    <prop type="x-source-url">${xmlText(alignment.url)}</prop>\n` +
    `    <prop type="x-source-title">${xmlText(alignment.title)}</prop>\n` +
    '  </header>';
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<tmx version="1.4">', header, '  <body>', ...units, '  </body>', '</tmx>', ''].join('\n');
}

/** Characters no file system takes in a name (Windows' list, the strictest), and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are what it is for
const NOT_IN_FILE_NAMES = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;

/** `Some title.parallax.tmx`: the page's title made safe as a file name, short enough for every file system. */
export function exportFileName(title: string, format: ExportFormat): string {
  const safe = title.replace(NOT_IN_FILE_NAMES, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+|\.+$/g, '');
  const base = [...safe].slice(0, 100).join('').trim() || 'article';
  return `${base}.parallax.${format}`;
}

export function exportText(alignment: TabAlignment, format: ExportFormat, version: string): string {
  if (format === 'tsv') return toTsv(alignment);
  if (format === 'json') return toJson(alignment);
  return toTmx(alignment, { version });
}
