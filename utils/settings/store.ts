import { browser } from 'wxt/browser';
import { migrateSettings, type Settings } from './schema';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return migrateSettings(stored[KEY]);
}

/** Stores the settings as validation leaves them, so an out-of-range value typed in a form is never kept. */
export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: migrateSettings(settings) });
}

export async function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  const next = migrateSettings(change(await loadSettings()));
  await saveSettings(next);
  return next;
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
    if (areaName === 'local' && KEY in changes) onChange(migrateSettings(changes[KEY]!.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
