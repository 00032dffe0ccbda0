import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { appendEvent, emptyLog, type RefusalEvent, type TabLog } from '../../src/shared/log';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));
const { forgetBadge, showBadge } = await import('../../src/background/badge');
const { settingsLoaded } = await import('../../src/background/settings-cache');

const TAB = 7;
const refusal = (over: Partial<RefusalEvent>): Omit<RefusalEvent, 'seq'> => ({
  time: 1,
  url: 'https://shop.example/img.png',
  method: 'GET',
  type: 'image',
  status: 403,
  frameId: 0,
  headers: {},
  cause: 'x',
  category: 'unknown',
  vendor: null,
  severity: 0,
  ...over,
});
const logWith = (...events: Omit<RefusalEvent, 'seq'>[]): TabLog => events.reduce(appendEvent, emptyLog(TAB, 'https://shop.example/'));
const badge = async () => ({
  text: await fakeBrowser.action.getBadgeText({ tabId: TAB }),
  title: await fakeBrowser.action.getTitle({ tabId: TAB }),
  color: await fakeBrowser.action.getBadgeBackgroundColor({ tabId: TAB }),
});
const rgb = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255);

beforeEach(async () => {
  fakeBrowser.action.resetState();
  // The key and its substitutions, so a test sees which words were chosen and with what.
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => [key, ...[subs ?? []].flat()].join('|')) as typeof fakeBrowser.i18n.getMessage;
  forgetBadge(TAB);
  await settingsLoaded;
});

describe('showBadge', () => {
  it('counts the refusals and colours by the worst: the page itself is red, with its status in the title', async () => {
    await showBadge(logWith(refusal({}), refusal({ type: 'main_frame', severity: 2 }), refusal({ type: 'script', severity: 1 })));
    expect(await badge()).toEqual({ text: '3', title: 'badgeTitlePage|403|3', color: rgb('#c5221f') });
  });

  it('a frame or script is amber, an image grey, and the title then counts resources', async () => {
    await showBadge(logWith(refusal({ type: 'script', severity: 1 })));
    expect(await badge()).toEqual({ text: '1', title: 'badgeTitleResources|1', color: rgb('#b06000') });
    forgetBadge(TAB);
    await showBadge(logWith(refusal({})));
    expect((await badge()).color).toEqual(rgb('#5f6368'));
  });

  it('says "network error" for a page refused without a status', async () => {
    await showBadge(logWith(refusal({ type: 'main_frame', severity: 2, status: 0, error: 'net::ERR_BLOCKED_BY_CLIENT' })));
    expect((await badge()).title).toBe('badgeTitlePage|networkError|1');
  });

  it('caps the count at 999+', async () => {
    const log = logWith(refusal({}));
    log.total = 1200;
    await showBadge(log);
    expect((await badge()).text).toBe('999+');
  });

  it('sets the colour only when it changes, and again after the browser reset the badge', async () => {
    const setColour = vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor');
    const log = logWith(refusal({}));
    await showBadge(log);
    await showBadge(appendEvent(log, refusal({})));
    expect(setColour).toHaveBeenCalledTimes(1);
    forgetBadge(TAB);
    await showBadge(log);
    expect(setColour).toHaveBeenCalledTimes(2);
    setColour.mockRestore();
  });

  it('clears the badge when the log is empty or the user switched the badge off', async () => {
    await showBadge(logWith(refusal({})));
    await showBadge(emptyLog(TAB, 'https://shop.example/'));
    expect(await badge()).toMatchObject({ text: '', title: 'actionTitle' });

    await showBadge(logWith(refusal({})));
    await fakeBrowser.storage.sync.set({ settings: { badge: false } });
    await showBadge(logWith(refusal({})));
    expect((await badge()).text).toBe('');
    await fakeBrowser.storage.sync.set({ settings: { badge: true } });
  });

  it('never throws when the tab is gone', async () => {
    const setText = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockRejectedValue(new Error('No tab with id: 7'));
    await expect(showBadge(logWith(refusal({})))).resolves.toBeUndefined();
    setText.mockRestore();
  });
});
