import { browser } from '../shared/browser';
import { t } from '../shared/i18n';
import { focusKey } from '../shared/log';

const MENU_ID = 'why-blocked';

/** Menus persist across worker restarts in both browsers; create them once per install/update. */
export function createMenus(): void {
  browser.contextMenus.removeAll().then(() => {
    browser.contextMenus.create({
      id: MENU_ID,
      title: t('menuWhyBlocked'),
      contexts: ['page', 'image', 'link', 'frame', 'video', 'audio', 'action'],
    });
  }, (error: unknown) => console.warn('Why Blocked: could not create the menu', error));
}

export interface MenuClick {
  menuItemId: string | number;
  pageUrl?: string;
  frameUrl?: string;
  srcUrl?: string;
  linkUrl?: string;
}

/** The resource the user pointed at: an image or media source, a link, a frame, else the page. */
function focusOf(info: MenuClick): string | undefined {
  return info.srcUrl ?? info.linkUrl ?? info.frameUrl ?? info.pageUrl;
}

/**
 * Shows the explanation for what was clicked: the popup where the browser lets an extension open
 * it, otherwise the same page in a new tab.
 */
export async function onMenuClicked(info: MenuClick, tab: { id?: number; windowId?: number } | undefined): Promise<void> {
  if (info.menuItemId !== MENU_ID || tab?.id === undefined || tab.id < 0) return;
  const focus = focusOf(info);
  await browser.storage.session.set({ [focusKey(tab.id)]: focus ?? '' });
  try {
    const openPopup = (browser.action as { openPopup?: (options?: object) => Promise<void> }).openPopup;
    if (!openPopup) throw new Error('no openPopup');
    await openPopup();
  } catch {
    const params = new URLSearchParams({ tabId: String(tab.id) });
    if (focus) params.set('focus', focus);
    await browser.tabs.create({ url: browser.runtime.getURL(`src/popup/index.html?${params}`), index: undefined });
  }
}
