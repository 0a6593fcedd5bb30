/**
 * Opening the side panel differs by browser: Chrome has `sidePanel.open`, Firefox `sidebarAction.open`. Both
 * must run inside the user's click.
 */
import { browser } from 'wxt/browser';

interface SidebarAction {
  open(): Promise<void>;
}

export function canOpenSidePanel(): boolean {
  const api = browser as unknown as { sidePanel?: unknown; sidebarAction?: unknown };
  return !!api.sidePanel || !!api.sidebarAction;
}

export async function openSidePanel(windowId: number | undefined): Promise<void> {
  const api = browser as unknown as {
    sidePanel?: { open(options: { windowId: number }): Promise<void> };
    sidebarAction?: SidebarAction;
  };
  if (api.sidebarAction) return api.sidebarAction.open();
  if (api.sidePanel && windowId !== undefined) return api.sidePanel.open({ windowId });
  throw new Error('This browser has no side panel.');
}
