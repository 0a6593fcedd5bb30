/** The gold alignments beside the repository (../shared/data/align-dev), read for evaluation only. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bead } from '../../utils/align/types';

export const alignDevDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data/align-dev');

export interface GoldDocument {
  name: string;
  zh: string[];
  en: string[];
  gold: Bead[];
  zhVerse?: unknown[];
  enVerse?: unknown[];
}

export interface Corpus {
  name: string;
  /** Verse-level gold: predictions are merged within verses before scoring. */
  mergeVerses: boolean;
  documents: GoldDocument[];
}

export function loadCorpora(): Corpus[] | null {
  if (!existsSync(alignDevDir)) return null;
  return readdirSync(alignDevDir)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .map((name) => {
      const dir = path.join(alignDevDir, name);
      const documents = readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((file) => {
          const json = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
          return {
            name: file,
            zh: json.zh as string[],
            en: json.en as string[],
            gold: json.gold as Bead[],
            zhVerse: json.zh_verse as unknown[] | undefined,
            enVerse: json.en_verse as unknown[] | undefined,
          };
        });
      return { name, mergeVerses: documents.some((d) => d.zhVerse && d.enVerse), documents };
    });
}
