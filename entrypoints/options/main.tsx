import '@/components/theme.css';
import '@/components/options.css';
import { render } from 'preact';
import { Options } from '@/components/Options';
import { applyTheme } from '@/components/theme';
import { t, uiLanguage } from '@/utils/i18n';
import type { Settings } from '@/utils/settings/schema';
import { loadSettings, updateSettings, watchSettings } from '@/utils/settings/store';

async function start(): Promise<void> {
  document.documentElement.lang = uiLanguage();
  document.title = t('optionsTitle');
  const root = document.getElementById('app')!;
  const show = (settings: Settings) => {
    applyTheme(settings.theme);
    render(<Options settings={settings} onChange={(change) => void updateSettings((s) => ({ ...s, ...change }))} />, root);
  };
  show(await loadSettings());
  // Every change is stored first and shown from storage, so the popup's switches show here as well.
  watchSettings(show);
}

void start();
