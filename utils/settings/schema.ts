/**
 * Settings: a typed schema with a version. Stored settings of an older version are brought up to date by the
 * migrations in order; anything missing or malformed falls back to its default, field by field, so one bad value
 * never resets the rest. Each field's reader is the one source of its type, its default and its validation.
 */

export const SETTINGS_VERSION = 2;

/** Reads one stored value, giving the field's default when the value is missing or malformed. */
type FieldReader<T> = (stored: unknown) => T;

function flag(fallback: boolean): FieldReader<boolean> {
  return (stored) => (typeof stored === 'boolean' ? stored : fallback);
}

function oneOf<const Choices extends readonly string[]>(choices: Choices, fallback: Choices[number]): FieldReader<Choices[number]> {
  return (stored) => (choices.includes(stored as string) ? (stored as Choices[number]) : fallback);
}

/** A whole number of milliseconds; out-of-range numbers are brought into range rather than discarded. */
function clampedInteger(min: number, max: number, fallback: number): FieldReader<number> {
  return (stored) => (typeof stored === 'number' && Number.isFinite(stored) ? Math.min(max, Math.max(min, Math.round(stored))) : fallback);
}

const readSites: FieldReader<string[]> = (stored) =>
  Array.isArray(stored) ? [...new Set(stored.filter((site): site is string => typeof site === 'string' && site.length > 0))] : [];

export const THEMES = ['auto', 'light', 'dark'] as const;
/** How Chinese shown by Parallax is written: as on the page, or converted to Simplified or a Traditional variant. */
export const DISPLAY_SCRIPTS = ['page', 'Hans', 'Hant-TW', 'Hant-HK'] as const;
/** Show the counterpart when the pointer rests on a sentence, or only while a modifier key is held. */
export const TRIGGERS = ['hover', 'modifier'] as const;
/** Named as `KeyboardEvent.key` names them, so the content script can compare them directly. */
export const MODIFIER_KEYS = ['Alt', 'Shift', 'Control', 'Meta'] as const;
export const HOVER_DELAY_RANGE = { min: 0, max: 2000 } as const;

const FIELDS = {
  /** Parallax on or off everywhere. */
  enabled: flag(true),
  /** Host names where Parallax stays off. */
  disabledSites: readSites,
  /** Highlight the counterpart on the page as well as showing it in the tooltip. */
  highlightCounterpart: flag(true),
  theme: oneOf(THEMES, 'auto'),
  displayScript: oneOf(DISPLAY_SCRIPTS, 'page'),
  /** How long the pointer rests on a sentence before its counterpart shows, in hover mode. */
  hoverDelayMs: clampedInteger(HOVER_DELAY_RANGE.min, HOVER_DELAY_RANGE.max, 150),
  trigger: oneOf(TRIGGERS, 'hover'),
  /** The key held to show counterparts in modifier mode. Shift, since Alt alone opens the menu bar on Windows. */
  modifierKey: oneOf(MODIFIER_KEYS, 'Shift'),
};

export type Settings = { version: typeof SETTINGS_VERSION } & { [Field in keyof typeof FIELDS]: ReturnType<(typeof FIELDS)[Field]> };
export type Theme = Settings['theme'];
export type DisplayScript = Settings['displayScript'];
export type Trigger = Settings['trigger'];
export type ModifierKey = Settings['modifierKey'];

function validate(stored: Record<string, unknown>): Settings {
  const fields = Object.fromEntries(Object.entries(FIELDS).map(([name, read]) => [name, read(stored[name])]));
  return { ...(fields as Omit<Settings, 'version'>), version: SETTINGS_VERSION };
}

export const DEFAULT_SETTINGS: Settings = validate({});

/** A step from one stored version to the next: `migrations[v]` turns version v into version v + 1. */
export type Migration = (stored: Record<string, unknown>) => Record<string, unknown>;

export const MIGRATIONS: Record<number, Migration> = {
  // Version 2 only adds fields (display script, hover delay, trigger, modifier key): validation gives them their defaults.
  1: (v1) => v1,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Brings stored settings of any known version up to the current one. */
export function migrateSettings(stored: unknown, migrations: Record<number, Migration> = MIGRATIONS, currentVersion: number = SETTINGS_VERSION): Settings {
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

/** The host name a reader means by a typed site ("news.example", "https://news.example/a"), or null for none. */
/** The settings with Parallax on or off for one site. */
export function withSiteEnabled(settings: Settings, hostname: string, enabled: boolean): Settings {
  const others = settings.disabledSites.filter((site) => site !== hostname);
  return { ...settings, disabledSites: enabled ? others : [...others, hostname] };
}

export function siteHostname(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed || /\s/.test(trimmed)) return null;
  try {
    const { hostname } = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    return hostname || null;
  } catch {
    return null;
  }
}
