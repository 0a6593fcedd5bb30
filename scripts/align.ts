/**
 * `npm run -s align -- …`: the aligner on the command line.
 *   --input doc.json                 {"zh": [...], "en": [...]} → {"beads": [...], "scores": [...]} on stdout
 *   --input-dir DIR --output-dir OUT every *.json in DIR, one output each with the same name
 *   --zh a.txt --en b.txt [--json]   raw text (one paragraph a line), split by the project's own splitter
 * Bad input: one line on stderr and exit code 2.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { align } from '../utils/align/aligner';
import type { AlignResult, AlignSide } from '../utils/align/types';
import { InputError, parseSentenceDocument } from '../utils/eval/document';
import { splitSentences } from '../utils/text/sentences';
import { loadDictionaryFromDisk } from './lib/dictionary-node';

const USAGE = `usage: npm run -s align -- --input doc.json
       npm run -s align -- --input-dir DIR --output-dir OUT
       npm run -s align -- --zh a.txt --en b.txt [--json]`;

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new InputError(`${file}: cannot be read`);
  }
}

/** Raw text: each non-empty line a paragraph, split into sentences. */
function sideFromText(text: string, lang: 'zh' | 'en'): AlignSide {
  const sentences: string[] = [];
  const blocks: number[] = [];
  text
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .forEach((line, block) => {
      for (const span of splitSentences(line, lang)) {
        sentences.push(span.text);
        blocks.push(block);
      }
    });
  return { sentences, blocks };
}

function output(result: AlignResult): string {
  return JSON.stringify({ beads: result.beads, scores: result.scores });
}

function main(): void {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        input: { type: 'string' },
        'input-dir': { type: 'string' },
        'output-dir': { type: 'string' },
        zh: { type: 'string' },
        en: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new InputError((error as Error).message.split('\n')[0]!);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (typeof values.input === 'string') {
    const doc = parseSentenceDocument(readText(values.input), values.input);
    process.stdout.write(`${output(align({ zh: { sentences: doc.zh }, en: { sentences: doc.en } }, loadDictionaryFromDisk()))}\n`);
    return;
  }
  if (typeof values['input-dir'] === 'string' || typeof values['output-dir'] === 'string') {
    const inputDir = values['input-dir'];
    const outputDir = values['output-dir'];
    if (typeof inputDir !== 'string' || typeof outputDir !== 'string') throw new InputError('--input-dir and --output-dir go together');
    let files: string[];
    try {
      files = readdirSync(inputDir).filter((f) => f.endsWith('.json')).sort();
    } catch {
      throw new InputError(`${inputDir}: not a readable directory`);
    }
    const docs = files.map((f) => ({ file: f, doc: parseSentenceDocument(readText(path.join(inputDir, f)), path.join(inputDir, f)) }));
    const dictionary = loadDictionaryFromDisk();
    mkdirSync(outputDir, { recursive: true });
    for (const { file, doc } of docs) {
      writeFileSync(path.join(outputDir, file), `${output(align({ zh: { sentences: doc.zh }, en: { sentences: doc.en } }, dictionary))}\n`);
    }
    console.error(`aligned ${docs.length} document(s) into ${outputDir}`);
    return;
  }
  if (typeof values.zh === 'string' || typeof values.en === 'string') {
    if (typeof values.zh !== 'string' || typeof values.en !== 'string') throw new InputError('--zh and --en go together');
    const zh = sideFromText(readText(values.zh), 'zh');
    const en = sideFromText(readText(values.en), 'en');
    const result = align({ zh, en }, loadDictionaryFromDisk());
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ zh: zh.sentences, en: en.sentences, beads: result.beads, scores: result.scores })}\n`);
      return;
    }
    result.beads.forEach(([zhIds, enIds], k) => {
      const score = result.scores[k]!.toFixed(2);
      console.log(`[${zhIds.join(',')}] ↔ [${enIds.join(',')}]  ${zhIds.length && enIds.length ? score : '(no counterpart)'}`);
      console.log(`  中 ${zhIds.map((i) => zh.sentences[i]).join('') || '—'}`);
      console.log(`  EN ${enIds.map((j) => en.sentences[j]).join(' ') || '—'}`);
    });
    return;
  }
  throw new InputError(`nothing to align. ${USAGE.split('\n')[0]}`);
}

try {
  main();
} catch (error) {
  if (error instanceof InputError) {
    console.error(`align: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
