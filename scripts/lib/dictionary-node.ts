import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DICTIONARY_FILE, DICTIONARY_MAGIC, parseDictionary, type Dictionary } from '../../utils/align/dictionary';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dictionaryPath = path.join(root, 'public', DICTIONARY_FILE);

/** The built dictionary, for the command line, benchmarks and tests; builds it first when it is missing or stale. */
export function loadDictionaryFromDisk(): Dictionary {
  if (!existsSync(dictionaryPath) || !readFileSync(dictionaryPath).subarray(0, DICTIONARY_MAGIC.length).equals(Buffer.from(DICTIONARY_MAGIC))) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/build-dictionary.ts')], {
      stdio: 'inherit',
    });
  }
  return parseDictionary(readFileSync(dictionaryPath));
}
