import { browser } from '../shared/browser';
import { NO_SEVERITY, SEVERITY, severityName, type SeverityName, type TabLog } from '../shared/log';
import { t } from '../shared/i18n';
import { settings } from './settings-cache';

/** Worst refusal on the page decides the colour: the page itself, a frame or script, an image. */
const COLOURS: Record<SeverityName, string> = { page: '#c5221f', part: '#b06000', minor: '#5f6368' };

/** What each tab's badge shows now: a flush that changes only the count sets only the count and title. */
const shown = new Map<number, string>();

export function forgetBadge(tabId: number): void {
  shown.delete(tabId);
}

export async function showBadge(log: TabLog): Promise<void> {
  const tabId = log.tabId;
  try {
    if (log.total === 0 || !settings().badge) {
      shown.delete(tabId);
      await Promise.all([
        browser.action.setBadgeText({ tabId, text: '' }),
        browser.action.setTitle({ tabId, title: t('actionTitle') }),
      ]);
      return;
    }
    const text = log.total > 999 ? '999+' : String(log.total);
    const mainStatus = log.events.find((e) => e.severity === SEVERITY.page)?.status;
    const title =
      mainStatus !== undefined
        ? t('badgeTitlePage', [String(mainStatus || t('networkError')), String(log.total)])
        : t('badgeTitleResources', [String(log.total)]);
    const color = COLOURS[severityName(log.worst === NO_SEVERITY ? SEVERITY.minor : log.worst)];
    const colorSet = shown.get(tabId) === color;
    shown.set(tabId, color);
    await Promise.all([
      browser.action.setBadgeText({ tabId, text }),
      colorSet ? undefined : browser.action.setBadgeBackgroundColor({ tabId, color }),
      browser.action.setTitle({ tabId, title }),
    ]);
  } catch {
    // The tab closed between the refusal and the badge update: nothing to show.
  }
}
