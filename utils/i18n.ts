/**
 * The interface's strings, in the browser's language, from `public/_locales` (en, zh_CN, zh_TW). The browser picks
 * the locale. WXT types `getMessage`'s keys from the en file; the list below adds how many substitutions each takes,
 * and a unit test holds every locale file to it.
 */
import { browser } from 'wxt/browser';

/** Every message key with the number of substitutions its message takes. */
export const MESSAGES = {
  panelLoading: 0,
  panelUntitled: 0,
  panelSummary: 4,
  panelSearchLabel: 0,
  panelFilterLegend: 0,
  panelFilterAll: 0,
  panelFilterUnmatched: 0,
  panelFilterLow: 0,
  panelShown: 2,
  panelNothingShown: 0,
  panelExportLegend: 0,
  panelExportTsv: 0,
  panelExportJson: 0,
  panelExportTmx: 0,
  panelColumnZh: 0,
  panelColumnEn: 0,
  panelMapLabel: 0,
  panelMapMatched: 0,
  panelMapLow: 0,
  panelMapUnmatched: 0,
  panelListLabel: 0,
  panelRevealTitle: 0,
  panelOmission: 0,
  panelAddition: 0,
  panelLow: 1,
  tooltipNone: 0,
  tooltipAnnounceEnglish: 1,
  tooltipAnnounceChinese: 1,
  tooltipSentences: 2,
  tooltipConfidenceHigh: 0,
  tooltipConfidenceMedium: 0,
  tooltipConfidenceLow: 0,
  tooltipShowOnPage: 0,
  tooltipPin: 0,
  tooltipClose: 0,
  tooltipPinHint: 0,
  commandToggleSite: 0,
  extensionName: 0,
  extensionDescription: 0,
  popupAligning: 0,
  popupAligningProgress: 2,
  popupFirstSentences: 4,
  popupNoArticle: 0,
  popupOffForSite: 0,
  popupOffEverywhere: 0,
  popupUnsupportedPage: 0,
  popupAlignmentFailed: 1,
  popupChineseSentences: 0,
  popupEnglishSentences: 0,
  popupPairs: 0,
  popupUnmatched: 0,
  popupAlignedIn: 0,
  popupMilliseconds: 1,
  popupOnForSite: 1,
  onEverywhere: 0,
  popupOpenSidePanel: 0,
  popupOpenOptions: 0,
  optionsTitle: 0,
  optionsSavedAsYouGo: 0,
  optionsSectionReading: 0,
  optionsEnabledHelp: 0,
  optionsDisplayScript: 0,
  optionsDisplayScriptHelp: 0,
  optionsDisplayScriptPage: 0,
  optionsDisplayScriptHans: 0,
  optionsDisplayScriptHantTW: 0,
  optionsDisplayScriptHantHK: 0,
  optionsHighlight: 0,
  optionsHighlightHelp: 0,
  optionsSectionShowing: 0,
  optionsTriggerHover: 0,
  optionsTriggerModifier: 0,
  optionsHoverDelay: 0,
  optionsHoverDelayHelp: 2,
  optionsModifierKey: 0,
  optionsModifierKeyHelp: 0,
  optionsKeyAlt: 0,
  optionsKeyShift: 0,
  optionsKeyControl: 0,
  optionsKeyMeta: 0,
  optionsSectionAppearance: 0,
  optionsTheme: 0,
  optionsThemeAuto: 0,
  optionsThemeLight: 0,
  optionsThemeDark: 0,
  optionsSectionSites: 0,
  optionsSitesEmpty: 0,
  optionsRemoveSite: 0,
  optionsRemoveSiteLabel: 1,
  optionsAddSite: 0,
  optionsAddSiteHelp: 0,
  optionsAddSiteButton: 0,
  optionsInvalidSite: 1,
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** A tuple of `Count` strings: one for each placeholder of a message. */
type Substitutions<Count extends number, Built extends string[] = []> = Built['length'] extends Count ? Built : Substitutions<Count, [...Built, string]>;

/** The message in the browser's language; `t('popupOnForSite', hostname)` fills its one placeholder. */
export function t<Key extends MessageKey>(key: Key, ...substitutions: Substitutions<(typeof MESSAGES)[Key]>): string {
  // An empty answer means the key is missing from the locale files: showing the key makes that visible.
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The interface language as a BCP 47 tag for `<html lang>`, so screen readers and fonts pick the right language. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
