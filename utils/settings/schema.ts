/**
 * Settings: a typed schema with a version. Stored settings of an older version are brought up to date by the
 * migrations in order; anything missing or malformed falls back to its default, field by field, so one bad value
 * never resets the rest.
 */

export const SETTINGS_VERSION = 1;

export type Theme = 'auto' | 'light' | 'dark';

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Parallax on or off everywhere. */
  enabled: boolean;
  /** Host names where Parallax stays off. */
  disabledSites: string[];
  /** Highlight the counterpart on the page as well as showing it in the tooltip. */
  highlightCounterpart: boolean;
  theme: Theme;
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  enabled: true,
  disabledSites: [],
  highlightCounterpart: true,
  theme: 'auto',
};

/** A step from one stored version to the next: `migrations[v]` turns version v into version v + 1. */
export type Migration = (stored: Record<string, unknown>) => Record<string, unknown>;

/** No released version precedes version 1 yet; a change to the schema adds its step here. */
export const MIGRATIONS: Record<number, Migration> = {};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validate(stored: Record<string, unknown>): Settings {
  const theme = stored.theme;
  return {
    version: SETTINGS_VERSION,
    enabled: typeof stored.enabled === 'boolean' ? stored.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: Array.isArray(stored.disabledSites)
      ? [...new Set(stored.disabledSites.filter((s): s is string => typeof s === 'string' && s.length > 0))]
      : [...DEFAULT_SETTINGS.disabledSites],
    highlightCounterpart:
      typeof stored.highlightCounterpart === 'boolean' ? stored.highlightCounterpart : DEFAULT_SETTINGS.highlightCounterpart,
    theme: theme === 'auto' || theme === 'light' || theme === 'dark' ? theme : DEFAULT_SETTINGS.theme,
  };
}

/** Brings stored settings of any known version up to the current one. */
export function migrateSettings(stored: unknown, migrations: Record<number, Migration> = MIGRATIONS, currentVersion = SETTINGS_VERSION): Settings {
  if (!isRecord(stored)) return validate({});
  let value = stored;
  let version = typeof value.version === 'number' && Number.isInteger(value.version) ? value.version : 1;
  // Settings written by a newer release than this one: keep what this release understands.
  if (version > currentVersion) return validate(value);
  while (version < currentVersion) {
    const step = migrations[version];
    if (!step) throw new Error(`No settings migration from version ${version}.`);
    value = { ...step(value), version: version + 1 };
    version += 1;
  }
  return validate(value);
}

export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(hostname);
}
