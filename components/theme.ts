import type { Theme } from '@/utils/settings/schema';

/** Applies the reader's theme to a page that imports theme.css; 'auto' matches no rule and follows the system. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = theme;
}
