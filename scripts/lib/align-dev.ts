/**
 * The gold alignments beside the repository, read for evaluation only: the corpora given with the project
 * (../shared/data/align-dev: literary chapters, the Bible) and our own plain-prose set (../shared/data/plain-dev:
 * news, talks, a declaration, built from public parallel data; its README says where each document comes from).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bead } from '../../utils/align/types';

const sharedData = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data');
export const alignDevDir = path.join(sharedData, 'align-dev');
export const plainDevDir = path.join(sharedData, 'plain-dev');

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

function loadDocuments(dir: string): GoldDocument[] {
  return readdirSync(dir)
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
}

const corpusOf = (name: string, documents: GoldDocument[]): Corpus => ({ name, mergeVerses: documents.some((d) => d.zhVerse && d.enVerse), documents });

/** Every corpus there is, the given ones first; null when the given ones are missing. */
export function loadCorpora(): Corpus[] | null {
  if (!existsSync(alignDevDir)) return null;
  const given = readdirSync(alignDevDir)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .map((name) => corpusOf(name, loadDocuments(path.join(alignDevDir, name))));
  return existsSync(plainDevDir) ? [...given, corpusOf('plain-dev', loadDocuments(plainDevDir))] : given;
}
