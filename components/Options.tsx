import { useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n';
import {
  DISPLAY_SCRIPTS,
  HOVER_DELAY_RANGE,
  MODIFIER_KEYS,
  siteHostname,
  THEMES,
  type DisplayScript,
  type ModifierKey,
  type Settings,
  type Theme,
} from '@/utils/settings/schema';

export interface OptionsProps {
  settings: Settings;
  /** Called with the fields a control changed; the page stores them and renders what was stored. */
  onChange: (change: Partial<Omit<Settings, 'version'>>) => void;
}

const DISPLAY_SCRIPT_LABELS: Record<DisplayScript, MessageKey> = {
  page: 'optionsDisplayScriptPage',
  Hans: 'optionsDisplayScriptHans',
  'Hant-TW': 'optionsDisplayScriptHantTW',
  'Hant-HK': 'optionsDisplayScriptHantHK',
};
const MODIFIER_KEY_LABELS: Record<ModifierKey, MessageKey> = {
  Alt: 'optionsKeyAlt',
  Shift: 'optionsKeyShift',
  Control: 'optionsKeyControl',
  Meta: 'optionsKeyMeta',
};
const THEME_LABELS: Record<Theme, MessageKey> = { auto: 'optionsThemeAuto', light: 'optionsThemeLight', dark: 'optionsThemeDark' };

function Sites({ sites, onChange }: { sites: string[]; onChange: (sites: string[]) => void }) {
  const [typed, setTyped] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const add = (event: Event) => {
    event.preventDefault();
    const hostname = siteHostname(typed);
    if (!hostname) {
      setInvalid(typed);
      return;
    }
    setInvalid(null);
    setTyped('');
    if (!sites.includes(hostname)) onChange([...sites, hostname]);
  };
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('optionsSectionSites')}</h2>
      {sites.length === 0 ? (
        <p class="muted">{t('optionsSitesEmpty')}</p>
      ) : (
        <ul class="sites">
          {sites.map((site) => (
            <li key={site}>
              <span class="site">{site}</span>
              <button type="button" aria-label={t('optionsRemoveSiteLabel', site)} onClick={() => onChange(sites.filter((s) => s !== site))}>
                {t('optionsRemoveSite')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={add}>
        <label for="add-site">{t('optionsAddSite')}</label>
        <div class="row">
          <input
            id="add-site"
            type="text"
            inputMode="url"
            autocomplete="off"
            spellcheck={false}
            value={typed}
            aria-describedby="add-site-help"
            aria-invalid={invalid !== null}
            aria-errormessage={invalid !== null ? 'add-site-error' : undefined}
            onInput={(event) => setTyped(event.currentTarget.value)}
          />
          <button type="submit">{t('optionsAddSiteButton')}</button>
        </div>
        <p id="add-site-help" class="help">
          {t('optionsAddSiteHelp')}
        </p>
        {invalid !== null ? (
          <p id="add-site-error" class="error" role="alert">
            {t('optionsInvalidSite', invalid)}
          </p>
        ) : null}
      </form>
    </section>
  );
}

export function Options({ settings, onChange }: OptionsProps) {
  const modifierMode = settings.trigger === 'modifier';
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <p class="muted">{t('optionsSavedAsYouGo')}</p>

      <section aria-labelledby="reading-heading">
        <h2 id="reading-heading">{t('optionsSectionReading')}</h2>
        <div class="field">
          <label class="check">
            <input type="checkbox" name="enabled" checked={settings.enabled} aria-describedby="enabled-help" onChange={(e) => onChange({ enabled: e.currentTarget.checked })} />
            {t('onEverywhere')}
          </label>
          <p id="enabled-help" class="help">
            {t('optionsEnabledHelp')}
          </p>
        </div>
        <div class="field">
          <label for="display-script">{t('optionsDisplayScript')}</label>
          <select
            id="display-script"
            name="displayScript"
            value={settings.displayScript}
            aria-describedby="display-script-help"
            onChange={(e) => onChange({ displayScript: e.currentTarget.value as DisplayScript })}
          >
            {DISPLAY_SCRIPTS.map((script) => (
              <option key={script} value={script}>
                {t(DISPLAY_SCRIPT_LABELS[script])}
              </option>
            ))}
          </select>
          <p id="display-script-help" class="help">
            {t('optionsDisplayScriptHelp')}
          </p>
        </div>
        <div class="field">
          <label class="check">
            <input
              type="checkbox"
              name="highlightCounterpart"
              checked={settings.highlightCounterpart}
              aria-describedby="highlight-help"
              onChange={(e) => onChange({ highlightCounterpart: e.currentTarget.checked })}
            />
            {t('optionsHighlight')}
          </label>
          <p id="highlight-help" class="help">
            {t('optionsHighlightHelp')}
          </p>
        </div>
      </section>

      <section aria-labelledby="showing-heading">
        <h2 id="showing-heading">{t('optionsSectionShowing')}</h2>
        <fieldset class="field" aria-labelledby="showing-heading">
          <label class="check">
            <input type="radio" name="trigger" value="hover" checked={!modifierMode} onChange={() => onChange({ trigger: 'hover' })} />
            {t('optionsTriggerHover')}
          </label>
          <div class="nested">
            <label for="hover-delay">{t('optionsHoverDelay')}</label>
            <input
              id="hover-delay"
              type="number"
              name="hoverDelayMs"
              min={HOVER_DELAY_RANGE.min}
              max={HOVER_DELAY_RANGE.max}
              step={50}
              value={settings.hoverDelayMs}
              disabled={modifierMode}
              aria-describedby="hover-delay-help"
              // On change, not on input: a half-typed number is not stored, and the stored value is clamped.
              onChange={(e) => {
                const delay = e.currentTarget.valueAsNumber;
                if (Number.isFinite(delay)) onChange({ hoverDelayMs: delay });
                else e.currentTarget.value = String(settings.hoverDelayMs);
              }}
            />
            <p id="hover-delay-help" class="help">
              {t('optionsHoverDelayHelp', String(HOVER_DELAY_RANGE.min), String(HOVER_DELAY_RANGE.max))}
            </p>
          </div>
          <label class="check">
            <input type="radio" name="trigger" value="modifier" checked={modifierMode} onChange={() => onChange({ trigger: 'modifier' })} />
            {t('optionsTriggerModifier')}
          </label>
          <div class="nested">
            <label for="modifier-key">{t('optionsModifierKey')}</label>
            <select
              id="modifier-key"
              name="modifierKey"
              value={settings.modifierKey}
              disabled={!modifierMode}
              aria-describedby="modifier-key-help"
              onChange={(e) => onChange({ modifierKey: e.currentTarget.value as ModifierKey })}
            >
              {MODIFIER_KEYS.map((key) => (
                <option key={key} value={key}>
                  {t(MODIFIER_KEY_LABELS[key])}
                </option>
              ))}
            </select>
            <p id="modifier-key-help" class="help">
              {t('optionsModifierKeyHelp')}
            </p>
          </div>
        </fieldset>
      </section>

      <section aria-labelledby="appearance-heading">
        <h2 id="appearance-heading">{t('optionsSectionAppearance')}</h2>
        <fieldset class="field">
          <legend>{t('optionsTheme')}</legend>
          {THEMES.map((theme) => (
            <label class="check" key={theme}>
              <input type="radio" name="theme" value={theme} checked={settings.theme === theme} onChange={() => onChange({ theme })} />
              {t(THEME_LABELS[theme])}
            </label>
          ))}
        </fieldset>
      </section>

      <Sites sites={settings.disabledSites} onChange={(disabledSites) => onChange({ disabledSites })} />
    </main>
  );
}
