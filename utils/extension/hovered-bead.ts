/**
 * The side panel following the page: the content script of every tab broadcasts the bead under the pointer, and a
 * panel keeps only those of the tab it shows (a Firefox sidebar or a Chrome side panel may show another tab's).
 */
import { handleMessages, type SidePanelProtocol } from '../messaging';

export function followHoveredBead(tabId: number, onHover: (zh: number[], en: number[]) => void): () => void {
  return handleMessages<SidePanelProtocol>({
    beadHovered: (message, sender) => {
      if (sender.tabId === tabId) onHover(message.zh, message.en);
    },
  });
}
