import { browser } from '../shared/browser';
import { NO_SEVERITY, SEVERITY, severityName, type RefusalEvent, type SeverityName, type TabLog } from '../shared/log';
import { keyPart, t } from '../shared/i18n';
import { vendorLabel } from '../engine/vendor-label';
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
    const page = log.events.find((e) => e.severity === SEVERITY.page);
    const title = page ? pageTitle(page, log.total) : t('badgeTitleResources', [String(log.total)]);
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

/** The page's refusal with its cause as the popup words it, and its vendor: the same answer everywhere (issue 12). */
function pageTitle(page: RefusalEvent, total: number): string {
  const status = String(page.status || t('networkError'));
  if (page.category === 'unknown') return t('badgeTitlePage', [status, String(total)]);
  const cause = t(`headline_${keyPart(page.category)}`);
  const what = page.vendor ? t('badgeCauseVendor', [cause, vendorLabel(page.vendor)]) : cause;
  return t('badgeTitlePageCause', [status, what, String(total)]);
}
