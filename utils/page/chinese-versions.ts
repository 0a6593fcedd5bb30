/**
 * Pages that carry the article in Simplified and in Traditional Chinese (lang-tagged zh-Hans and zh-Hant
 * paragraphs in turn, or two stacked versions): one version is paired with the English, the other is aligned to
 * the English apart, so that no counterpart ever mixes the two.
 */
import { chineseScriptEvidence, chineseScriptOfLang } from '../text/script';
import type { ChineseScript } from './types';

export interface ChineseText {
  /** The block's Chinese text. */
  text: string;
  /** The block's `lang` (see RawBlock). */
  lang: string;
}

export interface ChineseVersions {
  /** The version paired with the English. */
  primary: ChineseScript;
  /** When the page holds two versions: each block's version, parallel to the blocks given. */
  versionOf: ChineseScript[] | null;
}

// A block's characters decide its version only when one script clearly leads, and a page holds two versions only
// when each has blocks of its own and a fair share of the text: a quoted line in the other script is not a version.
const DECISIVE_LEAD = 3;
const MIN_DECISIVE_CHARS = 2;
const MIN_VERSION_BLOCKS = 2;
const MIN_VERSION_SHARE = 0.2;
const SAMPLE_CHARS = 5_000;

function versionOfBlock({ text, lang }: ChineseText): ChineseScript | null {
  const tagged = chineseScriptOfLang(lang);
  if (tagged) return tagged;
  const { traditional, simplified } = chineseScriptEvidence(text);
  if (traditional >= MIN_DECISIVE_CHARS && traditional >= simplified * DECISIVE_LEAD) return 'Hant';
  if (simplified >= MIN_DECISIVE_CHARS && simplified >= traditional * DECISIVE_LEAD) return 'Hans';
  return null;
}

/**
 * The Chinese versions of the article's blocks (those that hold Chinese, in document order). `preferred` is the
 * script the reader's browser asks for, if it names one; otherwise the version the page shows first is paired.
 */
export function chineseVersions(blocks: ChineseText[], preferred: ChineseScript | null = null): ChineseVersions {
  const decided = blocks.map(versionOfBlock);
  const blocksOf = { Hans: 0, Hant: 0 };
  const charsOf = { Hans: 0, Hant: 0 };
  decided.forEach((version, k) => {
    if (!version) return;
    blocksOf[version] += 1;
    charsOf[version] += blocks[k]!.text.length;
  });
  const total = charsOf.Hans + charsOf.Hant;
  const two = (['Hans', 'Hant'] as const).every((v) => blocksOf[v] >= MIN_VERSION_BLOCKS && charsOf[v] >= total * MIN_VERSION_SHARE);
  if (!two) {
    let sample = '';
    for (let k = 0; k < blocks.length && sample.length < SAMPLE_CHARS; k += 1) sample += blocks[k]!.text;
    // The characters decide; a tag only where they do not (a page mis-tagged as a whole is common enough).
    const { traditional, simplified } = chineseScriptEvidence(sample.slice(0, SAMPLE_CHARS));
    const tagged = blocks.map((b) => chineseScriptOfLang(b.lang)).find((version) => version !== null);
    return { primary: traditional === simplified && tagged ? tagged : traditional > simplified ? 'Hant' : 'Hans', versionOf: null };
  }
  // A block its characters do not decide (a short heading) belongs to the version around it.
  const versionOf: ChineseScript[] = [];
  const firstDecided = decided.find((version) => version !== null)!;
  for (const version of decided) versionOf.push(version ?? versionOf[versionOf.length - 1] ?? firstDecided);
  return { primary: preferred ?? firstDecided, versionOf };
}
