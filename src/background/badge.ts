import { browser } from '../shared/browser';
import type { TabLog } from '../shared/log';
import { t } from '../shared/i18n';
import { settings } from './settings-cache';

/** Worst refusal on the page decides the colour: the page itself, a frame or script, an image. */
const COLOURS = ['#5f6368', '#b06000', '#c5221f'] as const;

export async function showBadge(log: TabLog): Promise<void> {
  const tabId = log.tabId;
  try {
    if (log.total === 0 || !settings().badge) {
      await Promise.all([
        browser.action.setBadgeText({ tabId, text: '' }),
        browser.action.setTitle({ tabId, title: t('actionTitle') }),
      ]);
      return;
    }
    const text = log.total > 999 ? '999+' : String(log.total);
    const worst = Math.max(0, Math.min(2, log.worst));
    const mainStatus = log.events.find((e) => e.severity === 2)?.status;
    const title =
      mainStatus !== undefined
        ? t('badgeTitlePage', [String(mainStatus || t('networkError')), String(log.total)])
        : t('badgeTitleResources', [String(log.total)]);
    await Promise.all([
      browser.action.setBadgeText({ tabId, text }),
      browser.action.setBadgeBackgroundColor({ tabId, color: COLOURS[worst] ?? COLOURS[0] }),
      browser.action.setTitle({ tabId, title }),
    ]);
  } catch {
    // The tab closed between the refusal and the badge update: nothing to show.
  }
}
