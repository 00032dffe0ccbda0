import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { retryKey, type ScheduledRetry } from '../../src/shared/scheduled-retry';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));
const { cancelRetry, onAlarm, scheduleRetry } = await import('../../src/background/scheduled-retries');
const { settleMainFrame } = await import('../../src/background/main-frame-waiters');
const { settingsLoaded } = await import('../../src/background/settings-cache');

const api = fakeBrowser as unknown as Record<string, Record<string, unknown>>;
const IN_A_MINUTE = (): number => Date.now() + 60_000;
let reloads: number[];

beforeEach(async () => {
  fakeBrowser.tabs.resetState();
  fakeBrowser.alarms.resetState();
  fakeBrowser.notifications.resetState();
  await fakeBrowser.storage.session.clear();
  reloads = [];
  // The fake does not reload: the tab's next document answers 200, as capture.ts reports it.
  api.tabs!.reload = (tabId: number) => {
    reloads.push(tabId);
    setTimeout(() => settleMainFrame(tabId, 200, false), 0);
    return Promise.resolve();
  };
  await settingsLoaded;
});

const tabAt = async (url: string): Promise<number> => (await fakeBrowser.tabs.create({ url })).id!;
const stored = async (tabId: number): Promise<ScheduledRetry | undefined> =>
  (await fakeBrowser.storage.session.get(retryKey(tabId)))[retryKey(tabId)] as ScheduledRetry | undefined;
/** The alarm fires; the retry it starts is over once an outcome is stored (a second run would reload again). */
const fire = async (tabId: number): Promise<void> => {
  onAlarm({ name: `retry:${tabId}` });
  await vi.waitFor(async () => expect((await stored(tabId))?.result).toBeDefined());
  await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('scheduled retries', () => {
  it('stores the retry and sets an alarm for when the wait is over', async () => {
    const tabId = await tabAt('https://api.example/data');
    const at = IN_A_MINUTE();
    expect(await scheduleRetry(tabId, 'https://api.example/data', at)).toEqual({ tabId, url: 'https://api.example/data', at, state: 'scheduled' });
    expect(await stored(tabId)).toMatchObject({ state: 'scheduled', at });
    expect(await fakeBrowser.alarms.get(`retry:${tabId}`)).toMatchObject({ scheduledTime: at });
  });

  it('at the alarm: reloads the tab, stores the outcome and tells the user by a notification', async () => {
    const tabId = await tabAt('https://api.example/data');
    await scheduleRetry(tabId, 'https://api.example/data', IN_A_MINUTE());
    await fire(tabId);
    expect(reloads).toEqual([tabId]);
    expect(await stored(tabId)).toMatchObject({ state: 'done', result: { ok: true, message: 'fixDoneRetry', retry: { status: 200, refused: false } } });
    expect(await fakeBrowser.alarms.get(`retry:${tabId}`)).toBeUndefined();
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([`retry:${tabId}`]);
  });

  it('runs once, however many times the alarm (or the short-wait timer) fires', async () => {
    const tabId = await tabAt('https://api.example/data');
    await scheduleRetry(tabId, 'https://api.example/data', IN_A_MINUTE());
    await fire(tabId);
    await fire(tabId);
    expect(reloads).toEqual([tabId]);
  });

  it('runs once when the alarm and the short-wait timer fire at the same moment', async () => {
    const tabId = await tabAt('https://api.example/data');
    // With a short Retry-After the worker's timer and the alarm are both due when the wait is
    // over (seen in Firefox: the tab reloaded twice). Two runs started before either has read the
    // stored state:
    await scheduleRetry(tabId, 'https://api.example/data', IN_A_MINUTE());
    onAlarm({ name: `retry:${tabId}` });
    onAlarm({ name: `retry:${tabId}` });
    await vi.waitFor(async () => expect((await stored(tabId))?.result).toBeDefined());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reloads).toEqual([tabId]);
  });

  it('does not reload a tab that went to another site, or that closed, and forgets the retry', async () => {
    const tabId = await tabAt('https://elsewhere.example/');
    await scheduleRetry(tabId, 'https://api.example/data', IN_A_MINUTE());
    onAlarm({ name: `retry:${tabId}` });
    await vi.waitFor(async () => expect(await stored(tabId)).toBeUndefined());
    await scheduleRetry(4242, 'https://api.example/data', IN_A_MINUTE());
    onAlarm({ name: 'retry:4242' });
    await vi.waitFor(async () => expect(await stored(4242)).toBeUndefined());
    expect(reloads).toEqual([]);
  });

  it('cancel forgets the record and the alarm', async () => {
    const tabId = await tabAt('https://api.example/data');
    await scheduleRetry(tabId, 'https://api.example/data', IN_A_MINUTE());
    await cancelRetry(tabId);
    expect(await stored(tabId)).toBeUndefined();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('ignores alarms that are not retries', async () => {
    onAlarm({ name: 'history-prune' });
    onAlarm({ name: 'retry:abc' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(reloads).toEqual([]);
  });
});
