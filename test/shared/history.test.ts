import { describe, expect, it, vi } from 'vitest';
import { dayKeyOf, expiredDayKeys, historyEntryOf, MAX_ENTRIES_PER_DAY, mergeIntoDay, type HistoryEntry } from '../../src/shared/history';
import type { RefusalEvent } from '../../src/shared/log';
import { groupBySite, matchesQuery } from '../../src/options/history-view';

vi.mock('../../src/shared/browser', () => ({ browser: {} }));

const event = (over: Partial<RefusalEvent> = {}): RefusalEvent => ({
  seq: 1,
  time: Date.UTC(2025, 4, 6, 10),
  url: 'https://cdn.example/a.png?token=secret#x',
  method: 'GET',
  type: 'image',
  status: 403,
  frameId: 0,
  headers: {},
  cause: 'hotlink',
  category: 'hotlink-protection',
  vendor: null,
  severity: 0,
  ...over,
});

describe('history', () => {
  it('never stores query strings or fragments', () => {
    const entry = historyEntryOf(event(), 'https://blog.example/post?session=abc');
    expect(entry.url).toBe('https://cdn.example/a.png');
    expect(entry.page).toBe('https://blog.example/post');
    expect(entry.site).toBe('blog.example');
  });

  it('folds repeats of one refusal into a count and bounds a day', () => {
    const one = historyEntryOf(event(), 'https://blog.example/');
    const later = { ...one, first: one.first + 5000, last: one.last + 5000 };
    const day = mergeIntoDay({ entries: [], dropped: 0 }, [one, later]);
    expect(day.entries).toHaveLength(1);
    expect(day.entries[0]).toMatchObject({ count: 2, first: one.first, last: one.last + 5000 });

    const many: HistoryEntry[] = Array.from({ length: MAX_ENTRIES_PER_DAY + 5 }, (_, i) => ({ ...one, url: `https://cdn.example/${i}` }));
    const full = mergeIntoDay({ entries: [], dropped: 0 }, many);
    expect(full.entries).toHaveLength(MAX_ENTRIES_PER_DAY);
    expect(full.dropped).toBe(5);
  });

  it('expires whole days past the retention', () => {
    const now = Date.UTC(2025, 4, 10, 12);
    const keys = [dayKeyOf(now), dayKeyOf(now - 6 * 86_400_000), dayKeyOf(now - 7 * 86_400_000), 'settings'];
    expect(expiredDayKeys(keys, now, 7)).toEqual(['history:2025-05-03']);
  });

  it('groups by site, most recent first, and searches every word', () => {
    const a = historyEntryOf(event({ time: 1 }), 'https://a.example/');
    const b = historyEntryOf(event({ time: 2, status: 429, cause: 'rate-limit', category: 'rate-limit' }), 'https://b.example/');
    expect(groupBySite([a, b]).map((g) => g.site)).toEqual(['b.example', 'a.example']);
    expect(matchesQuery(b, '429 B.EXAMPLE')).toBe(true);
    expect(matchesQuery(a, '429')).toBe(false);
  });
});
