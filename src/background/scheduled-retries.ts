import { browser } from '../shared/browser';
import { t } from '../shared/i18n';
import type { FixResult } from '../shared/messages';
import { originOf } from '../shared/platform';
import { isScheduledRetry, retryAlarmName, retryKey, tabIdOfRetryAlarm, type ScheduledRetry } from '../shared/scheduled-retry';
import { reloadAndCheck } from './fixes';
import { settings } from './settings-cache';

/** Chrome may run alarms under 30 s late; a timer covers short waits while the worker is awake. */
const SHORT_WAIT_MS = 30_000;

/** Wait out Retry-After with an alarm, so the retry happens even if the popup closes and the worker sleeps. */
export async function scheduleRetry(tabId: number, url: string, at: number): Promise<ScheduledRetry> {
  const record: ScheduledRetry = { tabId, url, at, state: 'scheduled' };
  await browser.storage.session.set({ [retryKey(tabId)]: record });
  await browser.alarms.create(retryAlarmName(tabId), { when: Math.max(at, Date.now() + 1000) });
  const wait = at - Date.now();
  if (wait < SHORT_WAIT_MS) setTimeout(() => void runRetry(tabId), Math.max(0, wait));
  return record;
}

export async function cancelRetry(tabId: number): Promise<void> {
  await Promise.all([browser.alarms.clear(retryAlarmName(tabId)), browser.storage.session.remove(retryKey(tabId))]);
}

export function onAlarm(alarm: { name: string }): void {
  const tabId = tabIdOfRetryAlarm(alarm.name);
  if (tabId !== null) void runRetry(tabId);
}

/** Retries under way in this worker life, claimed before their first await. */
const running = new Set<number>();

/**
 * Runs a scheduled retry once. The timer and the alarm fall due together: the first to come
 * claims the tab at once (a check of the stored state alone would let both read 'scheduled' before
 * either wrote 'done'); the stored state stops a run in a later worker life.
 */
async function runRetry(tabId: number): Promise<void> {
  if (running.has(tabId)) return;
  running.add(tabId);
  try {
    await runClaimedRetry(tabId);
  } finally {
    running.delete(tabId);
  }
}

async function runClaimedRetry(tabId: number): Promise<void> {
  const stored = (await browser.storage.session.get(retryKey(tabId)))[retryKey(tabId)];
  if (!isScheduledRetry(stored) || stored.state !== 'scheduled') return;
  await browser.storage.session.set({ [retryKey(tabId)]: { ...stored, state: 'done' } });
  void browser.alarms.clear(retryAlarmName(tabId));
  let tabUrl: string | undefined;
  try {
    tabUrl = (await browser.tabs.get(tabId)).url;
  } catch {
    await browser.storage.session.remove(retryKey(tabId));
    return;
  }
  // The user went elsewhere in that tab: reloading it now would be a surprise.
  if (!tabUrl || originOf(tabUrl) !== originOf(stored.url)) {
    await browser.storage.session.remove(retryKey(tabId));
    return;
  }
  const retry = await reloadAndCheck(tabId);
  const result: FixResult = { ok: true, message: 'fixDoneRetry', retry };
  await browser.storage.session.set({ [retryKey(tabId)]: { ...stored, state: 'done', result } });
  if (settings().notifications && !(await isExplanationOpen())) notify(tabId, retry);
}

function notify(tabId: number, retry: FixResult['retry']): void {
  const status = retry?.status === null || retry?.status === undefined ? null : String(retry.status || t('networkError'));
  const outcome = status === null ? t('retryUnknown') : retry?.refused ? t('retryStillRefused', [status]) : t('retryOk', [status]);
  browser.notifications
    .create(`retry:${tabId}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title: t('extName'),
      message: t('autoRetryDone', [outcome]),
    })
    .catch((error: unknown) => console.warn('Why Blocked: could not notify', error));
}

/** Chrome: runtime.getContexts; Firefox: extension.getViews. Either tells if a popup or explanation page is open. */
async function isExplanationOpen(): Promise<boolean> {
  const popupPath = 'src/popup/index.html';
  const runtime = browser.runtime as unknown as { getContexts?: (filter: object) => Promise<{ documentUrl?: string }[]> };
  try {
    if (runtime.getContexts) {
      const contexts = await runtime.getContexts({ contextTypes: ['POPUP', 'TAB'] });
      return contexts.some((c) => c.documentUrl?.includes(popupPath));
    }
    const views = (browser.extension as unknown as { getViews?: () => Window[] }).getViews?.() ?? [];
    return views.some((view) => view.location.pathname.includes(popupPath));
  } catch {
    return false;
  }
}

/** Clicking the notification brings the retried tab forward. */
export function onNotificationClicked(id: string): void {
  const tabId = tabIdOfRetryAlarm(id);
  if (tabId === null) return;
  void (async () => {
    try {
      const tab = await browser.tabs.update(tabId, { active: true });
      if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    } catch {
      // The tab closed since: nothing to bring forward.
    }
  })();
}
