import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { appendEvent, emptyLog, type RefusalEvent } from '../../src/shared/log';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));
const { showBadge } = await import('../../src/background/badge');
const { settingsLoaded } = await import('../../src/background/settings-cache');

const TAB = 9;
const pageRefusal = (over: Partial<RefusalEvent>): Omit<RefusalEvent, 'seq'> => ({
  time: 1, url: 'https://shop.example/', method: 'GET', type: 'main_frame', status: 403, frameId: 0, headers: {},
  cause: 'cloudflare-block', category: 'security-block', vendor: 'cloudflare', severity: 2, ...over,
});

beforeAll(async () => {
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => [key, ...[subs ?? []].flat()].join('|')) as typeof fakeBrowser.i18n.getMessage;
  await settingsLoaded;
});

// Issue 12: the tooltip says what the popup says, the cause in its words and the vendor by name.
describe('the badge tooltip of a refused page', () => {
  it('names the cause and the vendor', async () => {
    await showBadge(appendEvent(emptyLog(TAB, 'https://shop.example/'), pageRefusal({})));
    expect(await fakeBrowser.action.getTitle({ tabId: TAB })).toBe('badgeTitlePageCause|403|badgeCauseVendor|headline_security_block|Cloudflare|1');
  });

  it('names the cause alone when no vendor is known', async () => {
    await showBadge(appendEvent(emptyLog(TAB, 'https://shop.example/'), pageRefusal({ vendor: null, category: 'rate-limit', status: 429 })));
    expect(await fakeBrowser.action.getTitle({ tabId: TAB })).toBe('badgeTitlePageCause|429|headline_rate_limit|1');
  });
});
