/**
 * Native hunalign (danielvarga/hunalign 1.1) as a benchmark baseline: built from the read-only source in
 * ../shared/tools/hunalign, fed as its README's example is (one sentence a line, tokenised and stemmed, tokens
 * separated by spaces, a stemmed `target @ source` dictionary), and its ladder read back as beads. Nothing of it is
 * shipped or committed.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { segmentWords, toSimplified } from '../../utils/align/chinese';
import type { Dictionary } from '../../utils/align/dictionary';
import { englishStems } from '../../utils/align/english';
import type { Bead } from '../../utils/align/types';
import { HAN_CLASS } from '../../utils/text/script';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const hunalignSourceDir = path.resolve(root, '../shared/tools/hunalign/src');
const cacheDir = path.join(root, 'node_modules/.cache/parallax-hunalign');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(path.join(dir, file)).isFile())
    .sort();
}

/**
 * The path of a hunalign binary built from the shared source, or null when that source is missing. The binary is
 * kept under node_modules/.cache, named by a hash of the source, so only a changed source is built again.
 */
export function buildHunalign(): string | null {
  if (!existsSync(hunalignSourceDir)) return null;
  const hash = createHash('sha256');
  for (const file of filesUnder(hunalignSourceDir)) hash.update(file).update('\0').update(readFileSync(path.join(hunalignSourceDir, file)));
  const binary = path.join(cacheDir, hash.digest('hex').slice(0, 16), 'hunalign');
  if (existsSync(binary)) return binary;
  // The shared folder is read-only, and make writes its objects beside the sources.
  const copy = mkdtempSync(path.join(os.tmpdir(), 'parallax-hunalign-'));
  try {
    cpSync(hunalignSourceDir, copy, { recursive: true });
    chmodSync(copy, 0o755);
    for (const file of readdirSync(copy, { recursive: true, encoding: 'utf8' })) {
      const full = path.join(copy, file);
      chmodSync(full, statSync(full).isDirectory() ? 0o755 : 0o644);
    }
    console.log('Building hunalign from ../shared/tools/hunalign (once per source version)…');
    const make = spawnSync('make', ['-C', path.join(copy, 'hunalign')], { encoding: 'utf8' });
    if (make.status !== 0) throw new Error(`Building hunalign failed:\n${make.stdout}${make.stderr}`);
    mkdirSync(path.dirname(binary), { recursive: true });
    copyFileSync(path.join(copy, 'hunalign', 'hunalign'), binary);
    chmodSync(binary, 0o755);
    return binary;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

// Words, numbers and each punctuation mark: hunalign compares tokens as strings, and counts matching numbers.
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[^\s\p{L}\p{N}]/gu;
const HAN_RUN = new RegExp(`^[${HAN_CLASS}]`, 'u');
const HAN_OR_NOT = new RegExp(`[${HAN_CLASS}]+|[^${HAN_CLASS}]+`, 'gu');
const LETTER = /\p{L}/u;
/** Stems a Chinese word's line in the dictionary gets: those of its first glosses, the rest being rarer senses. */
export const STEMS_PER_WORD = 6;

/**
 * hunalign's options: one byte a character when it compares lengths. A Chinese character is three bytes of UTF-8
 * and stands for about three English letters, so byte counts put the two sides on one scale, which hunalign's
 * length score assumes (it has no ratio parameter); counting characters (its default) halves its F1.
 */
export const HUNALIGN_OPTIONS = ['-onebyteencoding'];

/** Lowercase tokens, full-width forms made ASCII. */
function plainTokens(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(TOKEN) ?? [];
}

/** Chinese split into the dictionary's words, with the digits, Latin words and punctuation between them kept. */
export function chineseTokens(text: string, dictionary: Dictionary): string[] {
  const tokens: string[] = [];
  for (const [run] of toSimplified(text).matchAll(HAN_OR_NOT)) {
    if (HAN_RUN.test(run)) tokens.push(...segmentWords(run, dictionary));
    else tokens.push(...plainTokens(run));
  }
  return tokens;
}

/** English stems, as the dictionary's English side is, with the numbers and punctuation kept. */
export function englishTokens(text: string): string[] {
  return [...englishStems(text), ...plainTokens(text).filter((token) => !LETTER.test(token))];
}

/**
 * The project's CC-CEDICT in hunalign's format for Chinese as the source text and English as the target:
 * `english stem @ 中文`, the target first. hunalign keeps, for each source word, the translation most frequent in
 * the English text.
 */
export function hunalignDictionaryText(dictionary: Dictionary): string {
  const lines: string[] = [];
  for (const [word, stems] of dictionary.entries()) for (const stem of stems.slice(0, STEMS_PER_WORD)) lines.push(`${stem} @ ${word}`);
  return `${lines.join('\n')}\n`;
}

/** Beads from hunalign's ladder (`i<TAB>j<TAB>score` rungs, from 0 0 to the two sentence counts). */
export function ladderToBeads(ladder: string, zhCount: number, enCount: number): Bead[] {
  const rungs = ladder
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => line.split('\t').slice(0, 2).map(Number) as [number, number]);
  const last = rungs.at(-1);
  if (!last || last[0] !== zhCount || last[1] !== enCount) {
    throw new Error(`hunalign's ladder ends at ${last?.join(' ')}, not at ${zhCount} ${enCount}.`);
  }
  const beads: Bead[] = [];
  for (let k = 0; k + 1 < rungs.length; k += 1) {
    const [i0, j0] = rungs[k]!;
    const [i1, j1] = rungs[k + 1]!;
    beads.push([Array.from({ length: i1 - i0 }, (_, x) => i0 + x), Array.from({ length: j1 - j0 }, (_, y) => j0 + y)]);
  }
  return beads;
}

/** One hunalign process on two files of lines; returns its ladder. Its working folder is `dir`, where it writes a log. */
export function runHunalign(binary: string, dir: string, dictionaryFile: string, zhLines: string[], enLines: string[]): string {
  const zhFile = path.join(dir, 'zh.txt');
  const enFile = path.join(dir, 'en.txt');
  // A final newline: without it hunalign drops the last sentence.
  writeFileSync(zhFile, zhLines.map((line) => `${line}\n`).join(''));
  writeFileSync(enFile, enLines.map((line) => `${line}\n`).join(''));
  const run = spawnSync(binary, [...HUNALIGN_OPTIONS, dictionaryFile, zhFile, enFile], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`hunalign failed (${run.status}): ${run.stderr.slice(-2000)}`);
  return run.stdout;
}
