/**
 * `npx tsx scripts/build-plain-dev.ts`: builds our plain-prose dev set, ../shared/data/plain-dev (evaluation only;
 * its text never enters this repository), from public parallel data whose translators worked segment by segment:
 *
 * - ntrex-01..06: the first six news articles of NTREX-128 (English source, zho-CN reference) of 25 to 60 segments;
 * - wmt22-01..06: the first three news and the first three e-commerce documents of 25 to 60 segments of the WMT22
 *   general test set en→zh (reference A), whole (the news ones include a press release);
 * - ted-01..07: the first seven talks of the IWSLT 2017 TED test set tst2017, whole: the English of en-zh beside the
 *   Chinese of zh-en, the same talks with the same segment ids. (The set was first built from the IWSLT 2015 test sets,
 *   tst2014/tst2015; no public copy of their en-zh files could be found, and WIT3's 2017 train/dev archive that holds
 *   them, over 4 MiB, is missing from its mirror, so the talks differ from that first build.)
 * - udhr: the Universal Declaration of Human Rights, Simplified Chinese and English, sections and paragraphs paired
 *   and the sentences within each paragraph paired (by hand where they do not pair one to one, see UDHR_GROUPS).
 *
 * Segments are kept as the sentence units (one segment a side is one bead), except in the declaration, whose
 * paragraphs are split into sentences. Files follow ../shared/data/align-dev/mac-dev/001.json (source, license, zh,
 * en, gold, notes); the set's README.md, written here too, gives every document's repository, commit, path and licence.
 *
 * Needs the git mirrors fetched first (the session's `fetch` tool, github:owner/name), under /work/.mirror or the
 * directory PLAIN_DEV_MIRRORS names: MicrosoftTranslator/NTREX, wmt-conference/wmt22-news-systems, hlt-mt/WIT3 and
 * eric-muller/udhr. Each is read at the commit pinned below with `git show`; nothing is downloaded.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Bead } from '../utils/align/types';
import { plainDevDir } from './lib/align-dev';

const mirrorsDir = process.env.PLAIN_DEV_MIRRORS ?? '/work/.mirror';

interface Repo {
  name: string;
  commit: string;
}

const NTREX: Repo = { name: 'MicrosoftTranslator/NTREX', commit: '8561f6a622db9edad1217683e5c83daefd8bb2bf' };
const WMT22: Repo = { name: 'wmt-conference/wmt22-news-systems', commit: '20240a2e96a50e823ea8cdf37fd8af52547146e3' };
const WIT3: Repo = { name: 'hlt-mt/WIT3', commit: 'e43615b79232e9cc0fccc76d90fd1c658146d29d' };
const UDHR: Repo = { name: 'eric-muller/udhr', commit: 'f93dd614154c47fc4b85ec03d8d6f1abe97869ef' };

const MIN_SEGMENTS = 25;
const MAX_SEGMENTS = 60;
const NEWS_DOCUMENTS = 6;
const WMT22_PER_DOMAIN = 3;
const TED_TALKS = 7;

interface Document {
  file: string;
  source: string;
  license: string;
  zh: string[];
  en: string[];
  gold: Bead[];
  notes: string;
  /** One line of the README's table. */
  summary: string;
}

function gitShow(repo: Repo, file: string): Buffer {
  const gitDir = path.join(mirrorsDir, repo.name.replace('/', '+'), 'repo');
  try {
    return execFileSync('git', ['--git-dir', gitDir, 'show', `${repo.commit}:${file}`], { maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`cannot read ${repo.name}@${repo.commit}:${file} from ${gitDir}: fetch github:${repo.name} first`, { cause: error });
  }
}

const gitText = (repo: Repo, file: string) => gitShow(repo, file).toString('utf8');

/** One file of a gzipped tar archive (ustar headers, regular files). */
function tarEntry(tgz: Buffer, name: string): string {
  const tar = gunzipSync(tgz);
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start: number, length: number) => header.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '');
    const prefix = field(345, 155);
    const entryName = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const size = parseInt(field(124, 12).trim() || '0', 8);
    if (entryName === name) return tar.subarray(offset + 512, offset + 512 + size).toString('utf8');
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`no ${name} in the archive`);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    if (entity[0] !== '#') return ENTITIES[entity.toLowerCase()]!;
    return String.fromCodePoint(entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
  });
}

// Chinese characters and full-width punctuation: a space beside one is a subtitle line's break, not a word gap.
const CJK = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u2018\\u2019\\u201c\\u201d\\u2014\\u2026';
const SPACE_BEFORE_CJK = new RegExp(`\\s+(?=[${CJK}])`, 'g');
const SPACE_AFTER_CJK = new RegExp(`(?<=[${CJK}])\\s+`, 'g');

/** Entities decoded and whitespace collapsed; `subtitles`: the spaces left by subtitle line breaks in Chinese removed. */
function clean(text: string, subtitles = false): string {
  const out = decodeXml(text).replace(/\s+/g, ' ').trim();
  return subtitles ? out.replace(SPACE_BEFORE_CJK, '').replace(SPACE_AFTER_CJK, '') : out;
}

const oneToOne = (n: number): Bead[] => Array.from({ length: n }, (_, i): Bead => [[i], [i]]);
const two = (n: number) => String(n).padStart(2, '0');

function pairedDocument(file: string, source: string, license: string, zh: string[], en: string[], notes: string, summary: string): Document {
  if (zh.length !== en.length) throw new Error(`${file}: ${zh.length} Chinese and ${en.length} English segments`);
  const empty = [...zh, ...en].findIndex((text) => !text);
  if (empty >= 0) throw new Error(`${file}: an empty segment`);
  return { file, source, license, zh, en, gold: oneToOne(zh.length), notes, summary };
}

// NTREX-128: line-aligned files, one segment a line, with DOCUMENT_IDS.tsv naming each line's document.
function ntrexDocuments(): Document[] {
  const lines = (file: string) => gitText(NTREX, file).replace(/\n$/, '').split('\n');
  const ids = lines('DOCUMENT_IDS.tsv');
  const en = lines('NTREX-128/newstest2019-src.eng.txt');
  const zh = lines('NTREX-128/newstest2019-ref.zho-CN.txt');
  if (ids.length !== en.length || ids.length !== zh.length) throw new Error('NTREX: files of different lengths');
  const spans: Array<{ id: string; start: number; end: number }> = [];
  ids.forEach((id, i) => {
    const last = spans[spans.length - 1];
    if (last && last.id === id) last.end = i + 1;
    else spans.push({ id, start: i, end: i + 1 });
  });
  if (new Set(spans.map((s) => s.id)).size !== spans.length) throw new Error('NTREX: a document in two places');
  const chosen = spans.filter((s) => s.end - s.start >= MIN_SEGMENTS && s.end - s.start <= MAX_SEGMENTS).slice(0, NEWS_DOCUMENTS);
  return chosen.map((span, k) =>
    pairedDocument(
      `ntrex-${two(k + 1)}.json`,
      `${NTREX.name}@${NTREX.commit}: NTREX-128/newstest2019-ref.zho-CN.txt, NTREX-128/newstest2019-src.eng.txt, lines ${span.start + 1}-${span.end} (DOCUMENT_IDS.tsv: ${span.id})`,
      'CC BY-SA 4.0 (the repository\'s LICENSE.md). Evaluation only; not redistributed.',
      zh.slice(span.start, span.end).map((t) => clean(t)),
      en.slice(span.start, span.end).map((t) => clean(t)),
      `NTREX-128 news article ${span.id} (English source of WMT19 newstest2019, translated into Simplified Chinese segment by segment for NTREX). Gold: the files' own line pairing, one segment a side a bead (all 1-1); segments are kept whole as the sentence units. Chosen as the first ${NEWS_DOCUMENTS} documents in DOCUMENT_IDS.tsv order with ${MIN_SEGMENTS} to ${MAX_SEGMENTS} segments.`,
      `NTREX-128 news article \`${span.id}\`, lines ${span.start + 1}–${span.end} of \`NTREX-128/newstest2019-src.eng.txt\` and \`NTREX-128/newstest2019-ref.zho-CN.txt\``,
    ),
  );
}

// WMT22 general test set en→zh: one XML file with the source, references A and B and the systems' outputs.
function wmt22Documents(): Document[] {
  const file = 'xml/wmttest2022.en-zh.all.xml';
  const xml = gitText(WMT22, file);
  const segments = (block: string | undefined) => [...(block ?? '').matchAll(/<seg id="(\d+)">([\s\S]*?)<\/seg>/g)].map((m) => ({ id: m[1]!, text: m[2]! }));
  const documents = [...xml.matchAll(/<doc ([^>]*)>([\s\S]*?)<\/doc>/g)].map((m) => {
    const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[1]!)?.[1] ?? '';
    const src = segments(/<src lang="en">([\s\S]*?)<\/src>/.exec(m[2]!)?.[1]);
    const ref = segments(/<ref lang="zh" translator="A">([\s\S]*?)<\/ref>/.exec(m[2]!)?.[1]);
    if (src.map((s) => s.id).join() !== ref.map((s) => s.id).join()) throw new Error(`WMT22 ${attribute('id')}: segment ids differ`);
    return { id: attribute('id'), domain: attribute('domain'), origlang: attribute('origlang'), src, ref };
  });
  const sized = documents.filter((d) => d.origlang === 'en' && d.src.length >= MIN_SEGMENTS && d.src.length <= MAX_SEGMENTS);
  const chosen = ['news', 'ecommerce'].flatMap((domain) => sized.filter((d) => d.domain === domain).slice(0, WMT22_PER_DOMAIN));
  return chosen.map((doc, k) =>
    pairedDocument(
      `wmt22-${two(k + 1)}.json`,
      `${WMT22.name}@${WMT22.commit}: ${file}, <doc id="${doc.id}">: <src lang="en"> and <ref lang="zh" translator="A">`,
      'No licence file in the repository; the WMT22 general test set is distributed for research and evaluation of MT. Evaluation only; not redistributed.',
      doc.ref.map((s) => clean(s.text)),
      doc.src.map((s) => clean(s.text)),
      `WMT22 general test set en→zh, document ${doc.id} (domain ${doc.domain}${doc.id.startsWith('pr-newswire') ? ', a press release' : ''}), whole; English original, Chinese reference A, translated segment by segment. Gold: the shared segment ids, one segment a side a bead (all 1-1); segments are kept whole as the sentence units. Chosen as the first ${WMT22_PER_DOMAIN} news and the first ${WMT22_PER_DOMAIN} e-commerce documents in the file's order with ${MIN_SEGMENTS} to ${MAX_SEGMENTS} segments.`,
      `WMT22 en→zh document \`${doc.id}\` (${doc.domain}${doc.id.startsWith('pr-newswire') ? ', press release' : ''}), \`${file}\`, source and reference A`,
    ),
  );
}

// IWSLT 2017 TED test sets (WIT3 archive): tst2017 English of en-zh and Chinese of zh-en, the same talks and segments.
function tedDocuments(): Document[] {
  const enArchive = 'archive/2017-01-ted-test/texts/en/zh/en-zh.tgz';
  const zhArchive = 'archive/2017-01-ted-test/texts/zh/en/zh-en.tgz';
  const enFile = 'en-zh/IWSLT17.TED.tst2017.en-zh.en.xml';
  const zhFile = 'zh-en/IWSLT17.TED.tst2017.zh-en.zh.xml';
  const talks = (xml: string) =>
    [...xml.matchAll(/<doc docid="(\d+)"[^>]*>([\s\S]*?)<\/doc>/g)].map((m) => ({
      id: m[1]!,
      title: decodeXml(/<title>([\s\S]*?)<\/title>/.exec(m[2]!)?.[1]?.trim() ?? ''),
      url: /<url>([\s\S]*?)<\/url>/.exec(m[2]!)?.[1]?.trim() ?? '',
      segments: [...m[2]!.matchAll(/<seg id="(\d+)">([\s\S]*?)<\/seg>/g)].map((s) => ({ id: s[1]!, text: s[2]! })),
    }));
  const enTalks = talks(tarEntry(gitShow(WIT3, enArchive), enFile));
  const zhTalks = talks(tarEntry(gitShow(WIT3, zhArchive), zhFile));
  return enTalks.slice(0, TED_TALKS).map((enTalk, k) => {
    const zhTalk = zhTalks.find((t) => t.id === enTalk.id);
    if (!zhTalk || zhTalk.segments.map((s) => s.id).join() !== enTalk.segments.map((s) => s.id).join()) throw new Error(`TED talk ${enTalk.id}: segments differ`);
    return pairedDocument(
      `ted-${two(k + 1)}.json`,
      `${WIT3.name}@${WIT3.commit}: ${zhArchive} (${zhFile}) and ${enArchive} (${enFile}), <doc docid="${enTalk.id}">`,
      'CC BY-NC-ND 3.0, Copyright TED Conference LLC (the archives\' README). Evaluation only; not redistributed.',
      zhTalk.segments.map((s) => clean(s.text, true)),
      enTalk.segments.map((s) => clean(s.text)),
      `TED talk ${enTalk.id}, "${enTalk.title}" (${enTalk.url}), whole, from the IWSLT 2017 test set tst2017: the English transcript (source of en-zh) and TED's Chinese translation (source of zh-en), which share the talk's segmentation and segment ids (sacrebleu pairs them as iwslt17 en-zh). Gold: the shared segment ids, one segment a side a bead (all 1-1); a segment may hold more than one sentence and is kept whole. Whitespace collapsed; on the Chinese side the spaces left by subtitle line breaks beside Chinese characters removed. Chosen as the first ${TED_TALKS} talks in the file's order.`,
      `TED talk ${enTalk.id}, ${enTalk.title}: IWSLT 2017 tst2017, \`${enFile}\` in \`${enArchive}\` and \`${zhFile}\` in \`${zhArchive}\``,
    );
  });
}

/** Paragraphs of the declaration: its title, then each section's title and paragraphs (list items' paragraphs in order). */
interface Section {
  key: string;
  paragraphs: string[];
}

function udhrSections(xml: string): { note: string[]; sections: Section[] } {
  const note = [...(/<note>([\s\S]*?)<\/note>/.exec(xml)?.[1] ?? '').matchAll(/<para>([\s\S]*?)<\/para>/g)].map((m) => m[1]!);
  const body = xml.replace(/<note>[\s\S]*?<\/note>/, '');
  const sections: Section[] = [{ key: 'title', paragraphs: [/<title>([\s\S]*?)<\/title>/.exec(body)![1]!] }];
  for (const m of body.matchAll(/<(preamble|article)([^>]*)>([\s\S]*?)<\/\1>/g)) {
    const key = m[1] === 'article' ? `article ${/number="(\d+)"/.exec(m[2]!)![1]}` : 'preamble';
    sections.push({ key, paragraphs: [...m[3]!.matchAll(/<(title|para)>([\s\S]*?)<\/\1>/g)].map((p) => p[2]!) });
  }
  return { note, sections };
}

function englishSentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.?!]["”’)]*)\s+(?=["“‘(]*[A-Z])/).filter((s) => s);
}

function chineseSentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[。！？][”’」』）]*)(?![”’」』）])/).filter((s) => s.trim());
}

/**
 * Where the declaration does not pair one to one, read by hand. Paragraphs (0-based, a section's title counted):
 * the English preamble ends with three short paragraphs (the resolving words, the Assembly, its proclamation) that
 * the Chinese gives as one. Sentences: in article 26(1) the Chinese joins the English first two sentences and splits
 * its last one. Every other paragraph with more than one sentence (articles 1, 7, 11(2), 12, 16(1), 25(2), 26(2)) was
 * read and pairs sentence by sentence; a paragraph whose sentence counts differ without an entry here stops the build.
 */
const UDHR_PARAGRAPHS: Record<string, Array<[zh: number[], en: number[]]>> = {
  preamble: [...Array.from({ length: 8 }, (_, i): [number[], number[]] => [[i], [i]]), [[8], [8, 9, 10]]],
};
const UDHR_SENTENCES: Record<string, Bead[]> = {
  'article 26, paragraph 1': [
    [[0], [0, 1]],
    [[1], [2]],
    [[2, 3], [3]],
  ],
};

function udhrDocument(): Document {
  const zhFile = 'data/udhr/udhr_cmn_hans.xml';
  const enFile = 'data/udhr/udhr_eng.xml';
  const zhXml = udhrSections(gitText(UDHR, zhFile));
  const enXml = udhrSections(gitText(UDHR, enFile));
  const zh: string[] = [];
  const en: string[] = [];
  const gold: Bead[] = [];
  const add = (zhTexts: string[], enTexts: string[], beads: Bead[]) => {
    const zhBase = zh.length;
    const enBase = en.length;
    zh.push(...zhTexts);
    en.push(...enTexts);
    for (const [z, e] of beads) gold.push([z.map((i) => i + zhBase), e.map((i) => i + enBase)]);
  };
  // The Chinese file opens with a note on the resolution that the English has not: each of its sentences stands alone.
  const noteSentences = zhXml.note.flatMap((p) => chineseSentences(clean(p)));
  add(
    noteSentences,
    [],
    noteSentences.map((_, i): Bead => [[i], []]),
  );
  if (zhXml.sections.map((s) => s.key).join() !== enXml.sections.map((s) => s.key).join()) throw new Error('UDHR: sections differ');
  zhXml.sections.forEach((zhSection, s) => {
    const enSection = enXml.sections[s]!;
    const groups =
      UDHR_PARAGRAPHS[zhSection.key] ??
      (zhSection.paragraphs.length === enSection.paragraphs.length ? zhSection.paragraphs.map((_, i): [number[], number[]] => [[i], [i]]) : null);
    if (!groups) throw new Error(`UDHR ${zhSection.key}: ${zhSection.paragraphs.length} and ${enSection.paragraphs.length} paragraphs, no pairing given`);
    for (const [zhParagraphs, enParagraphs] of groups) {
      const zhTexts = zhParagraphs.flatMap((i) => chineseSentences(clean(zhSection.paragraphs[i]!)));
      const enTexts = enParagraphs.flatMap((i) => englishSentences(clean(enSection.paragraphs[i]!)));
      // The section's title is paragraph 0, so a section's first paragraph of text is numbered 1.
      const given = zhParagraphs.length === 1 && enParagraphs.length === 1 ? UDHR_SENTENCES[`${zhSection.key}, paragraph ${zhParagraphs[0]}`] : undefined;
      let beads: Bead[];
      if (given) beads = given;
      else if (zhParagraphs.length === 1 && enParagraphs.length === 1 && zhTexts.length !== enTexts.length)
        throw new Error(`UDHR ${zhSection.key}, paragraph ${zhParagraphs[0]}: ${zhTexts.length} and ${enTexts.length} sentences, no pairing given`);
      else if (zhTexts.length === enTexts.length) beads = oneToOne(zhTexts.length);
      else beads = [[zhTexts.map((_, i) => i), enTexts.map((_, i) => i)]];
      add(zhTexts, enTexts, beads);
    }
  });
  return {
    file: 'udhr.json',
    source: `${UDHR.name}@${UDHR.commit}: ${zhFile}, ${enFile}`,
    license:
      'No licence file in the repository; the text of the Universal Declaration of Human Rights (UN General Assembly resolution 217 A (III), 1948) in the translations published by OHCHR, which the UN offers for dissemination. Evaluation only; not redistributed.',
    zh,
    en,
    gold,
    notes:
      'Universal Declaration of Human Rights, Chinese (Simplified, cmn_hans) and English (eng), UDHR in XML. The title, the preamble and the 30 articles (each with its heading) paired; within each the paragraphs paired (the English preamble\'s last three paragraphs are one Chinese paragraph, a 1-3 bead), and within each paragraph the sentences paired (split at 。！？ and at . ? ! before a capital): one to one except article 26(1), aligned by hand (1-2, 1-1, 2-1). The Chinese note before the preamble (the resolution that adopted it, and an introduction) has no English and stands as 1-0 beads, one a sentence.',
    summary: `Universal Declaration of Human Rights, \`${zhFile}\` and \`${enFile}\``,
  };
}

function shape(bead: Bead): string {
  return `${bead[0].length}-${bead[1].length}`;
}

function checkGold(doc: Document): void {
  let zhNext = 0;
  let enNext = 0;
  for (const [zh, en] of doc.gold) {
    if (!zh.length && !en.length) throw new Error(`${doc.file}: an empty bead`);
    for (const i of zh) if (i !== zhNext++) throw new Error(`${doc.file}: Chinese sentence ${i} out of order`);
    for (const i of en) if (i !== enNext++) throw new Error(`${doc.file}: English sentence ${i} out of order`);
  }
  if (zhNext !== doc.zh.length || enNext !== doc.en.length) throw new Error(`${doc.file}: the gold does not cover every sentence`);
}

/** JSON with one sentence, and one bead, a line. */
function formatDocument(doc: Document): string {
  const strings = (list: string[]) => `[\n${list.map((s) => JSON.stringify(s)).join(',\n')}\n]`;
  return [
    '{',
    `"source": ${JSON.stringify(doc.source)},`,
    `"license": ${JSON.stringify(doc.license)},`,
    `"zh": ${strings(doc.zh)},`,
    `"en": ${strings(doc.en)},`,
    `"gold": [\n${doc.gold.map((bead) => JSON.stringify(bead)).join(',\n')}\n],`,
    `"notes": ${JSON.stringify(doc.notes)}`,
    '}',
    '',
  ].join('\n');
}

function readme(documents: Document[]): string {
  const beads = documents.reduce((n, d) => n + d.gold.length, 0);
  const shapes = new Map<string, number>();
  for (const d of documents) for (const bead of d.gold) shapes.set(shape(bead), (shapes.get(shape(bead)) ?? 0) + 1);
  const shapeList = [...shapes].sort((a, b) => b[1] - a[1]).map(([s, n]) => `${n} ${s}`).join(', ');
  const repoLine = (repo: Repo, licence: string) => `- \`${repo.name}\` at commit \`${repo.commit}\` (https://github.com/${repo.name}): ${licence}`;
  return [
    '# plain-dev',
    '',
    'Our plain-prose dev set for the aligner: Chinese and English documents whose translators worked segment by segment, with gold sentence alignments taken from that pairing. **Evaluation only**: read by `scripts/eval.ts` and `scripts/bench-align.ts` of the Parallax repository; none of this text may be copied into the repository or redistributed.',
    '',
    'Built by `npx tsx scripts/build-plain-dev.ts` (Parallax repository) from git mirrors of the repositories below, each read at the pinned commit; running it again writes the same files.',
    '',
    `${documents.length} documents, ${beads} gold beads (${shapeList}).`,
    '',
    '## Sources',
    '',
    repoLine(NTREX, 'NTREX-128, CC BY-SA 4.0 (LICENSE.md).'),
    repoLine(WMT22, 'the WMT22 general test set with its references and system outputs; no licence file (WMT test sets are distributed for research and evaluation of MT).'),
    repoLine(WIT3, 'WIT3 archive of the IWSLT 2017 TED test sets; TED talks, CC BY-NC-ND 3.0, Copyright TED Conference LLC (the archives\' README).'),
    repoLine(UDHR, 'UDHR in XML; no licence file; the Declaration\'s text as published by OHCHR.'),
    '',
    '## How the gold was derived',
    '',
    '- **ntrex**: NTREX-128\'s English source (WMT19 newstest2019) and its Simplified Chinese reference (`zho-CN`) are line-aligned, one segment a line, and `DOCUMENT_IDS.tsv` names each line\'s document. Each segment pair is a 1-1 bead; a segment that holds two sentences is kept whole as one unit. Chosen: the first 6 documents in file order with 25 to 60 segments.',
    '- **wmt22**: `xml/wmttest2022.en-zh.all.xml`, English source and Chinese reference A, paired by segment id (1-1 beads, segments kept whole). Chosen: the first 3 news and the first 3 e-commerce documents in the file\'s order with 25 to 60 segments, whole (one of the news documents is a PR Newswire press release).',
    '- **ted**: whole talks of the IWSLT 2017 test set tst2017 from the WIT3 archive: the English of `en-zh/IWSLT17.TED.tst2017.en-zh.en.xml` (in `texts/en/zh/en-zh.tgz`) beside the Chinese of `zh-en/IWSLT17.TED.tst2017.zh-en.zh.xml` (in `texts/zh/en/zh-en.tgz`): the same talks, segmented alike with the same segment ids (sacrebleu\'s iwslt17 en-zh pairs these two files). Each segment pair is a 1-1 bead; segments may hold more than one sentence and are kept whole. Whitespace collapsed; on the Chinese side the spaces that subtitle line breaks left beside Chinese characters removed. Chosen: the first 7 talks in the file\'s order. (The first build of this set, lost, used talks of the IWSLT 2015 test sets tst2014/tst2015; no public copy of their en-zh files was found, and WIT3\'s 2017 train/dev archive that holds them is missing from its mirror.)',
    '- **udhr**: the title, preamble and 30 articles (with their headings) paired; within them the paragraphs, and within each paragraph the sentences (split at 。！？ and at . ? ! before a capital). All 1-1 but: the English preamble\'s last three paragraphs (the resolving words, the Assembly, its proclamation) are one Chinese paragraph (1-3); article 26(1) aligned by hand (1-2, 1-1, 2-1); and the Chinese note before the preamble, which the English has not, stands as 1-0 beads, one a sentence.',
    '',
    'Format of each file (as `../align-dev/mac-dev/001.json`): `source` (repository@commit: path), `license`, `zh` and `en` (sentences), `gold` (beads `[[zh indices], [en indices]]`, 0-based, in order, covering every sentence; `[[i], []]` is a sentence with no counterpart), `notes`.',
    '',
    '## Documents',
    '',
    '| file | document | zh | en | beads | not 1-1 |',
    '|---|---|---|---|---|---|',
    ...documents.map((d) => {
      const other = d.gold.filter((b) => shape(b) !== '1-1').map(shape);
      return `| ${d.file} | ${d.summary} | ${d.zh.length} | ${d.en.length} | ${d.gold.length} | ${other.length ? other.join(', ') : '—'} |`;
    }),
    '',
    'Licences by file: ntrex-* CC BY-SA 4.0; wmt22-* research and evaluation use (no licence file); ted-* CC BY-NC-ND 3.0; udhr UN text as published by OHCHR (no licence file). Each file\'s `source` gives its repository, commit and path, and its `license` the terms.',
    '',
  ].join('\n');
}

const documents = [...ntrexDocuments(), ...wmt22Documents(), ...tedDocuments(), udhrDocument()];
for (const doc of documents) checkGold(doc);
mkdirSync(plainDevDir, { recursive: true });
for (const file of readdirSync(plainDevDir)) if (file.endsWith('.json')) rmSync(path.join(plainDevDir, file));
for (const doc of documents) writeFileSync(path.join(plainDevDir, doc.file), formatDocument(doc));
writeFileSync(path.join(plainDevDir, 'README.md'), readme(documents));
for (const doc of documents) {
  const shapes = new Map<string, number>();
  for (const bead of doc.gold) shapes.set(shape(bead), (shapes.get(shape(bead)) ?? 0) + 1);
  console.log(`${doc.file.padEnd(14)} ${String(doc.gold.length).padStart(4)} beads  ${[...shapes].map(([s, n]) => `${n}×${s}`).join(' ')}`);
}
console.log(`${documents.length} documents, ${documents.reduce((n, d) => n + d.gold.length, 0)} beads: ${plainDevDir}`);
