/** Reading alignment documents (`{"zh": [...], "en": [...]}`, other keys ignored) with errors fit for one line. */

export class InputError extends Error {
  override name = 'InputError';
}

export interface SentenceDocument {
  zh: string[];
  en: string[];
}

export function parseSentenceDocument(text: string, source: string): SentenceDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${source}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(`${source}: expected an object with "zh" and "en" arrays`);
  const record = value as Record<string, unknown>;
  for (const side of ['zh', 'en'] as const) {
    const list = record[side];
    if (!Array.isArray(list)) throw new InputError(`${source}: missing "${side}" array`);
    const bad = list.findIndex((s) => typeof s !== 'string');
    if (bad >= 0) throw new InputError(`${source}: "${side}"[${bad}] is not a string`);
  }
  return { zh: record.zh as string[], en: record.en as string[] };
}
