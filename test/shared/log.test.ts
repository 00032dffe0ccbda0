import { describe, expect, it } from 'vitest';
import { appendEvent, emptyLog, MAX_EVENTS, SEVERITY, severityName, severityOf, type RefusalEvent } from '../../src/shared/log';

const event = (over: Partial<RefusalEvent> = {}): Omit<RefusalEvent, 'seq'> => ({
  time: 1,
  url: 'https://example.com/img.png',
  method: 'GET',
  type: 'image',
  status: 403,
  frameId: 0,
  headers: {},
  cause: 'insufficient-permissions',
  category: 'insufficient-permissions',
  vendor: null,
  severity: 0,
  ...over,
});

describe('tab log', () => {
  it('keeps the newest events, counts what it dropped and the total', () => {
    const log = emptyLog(1, 'https://example.com/');
    for (let i = 0; i < MAX_EVENTS + 25; i++) appendEvent(log, event({ url: `https://example.com/${i}` }));
    expect(log.events).toHaveLength(MAX_EVENTS);
    expect(log.dropped).toBe(25);
    expect(log.total).toBe(MAX_EVENTS + 25);
    expect(log.events.at(-1)?.url).toBe(`https://example.com/${MAX_EVENTS + 24}`);
    expect(log.events[0]?.url).toBe('https://example.com/25');
  });

  it('never drops the page’s own refusal, however many images follow', () => {
    const log = emptyLog(1, 'https://example.com/');
    appendEvent(log, event({ type: 'main_frame', severity: 2, url: 'https://example.com/' }));
    for (let i = 0; i < 1000; i++) appendEvent(log, event());
    expect(log.events.filter((e) => e.severity === 2)).toHaveLength(1);
    expect(log.worst).toBe(2);
    expect(log.events).toHaveLength(MAX_EVENTS);
  });

  it('stays within 64 KB stored per tab with headers at their bound', () => {
    const log = emptyLog(1, 'https://example.com/');
    const headers = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`x-h${i}`, 'v'.repeat(230)]));
    for (let i = 0; i < 20_000; i++) appendEvent(log, event({ headers, url: `https://example.com/${'p'.repeat(900)}${i}` }));
    expect(JSON.stringify(log).length).toBeLessThanOrEqual(64 * 1024);
  });
});

describe('severityOf', () => {
  it('ranks the page over the parts it needs over the rest', () => {
    expect(['main_frame', 'sub_frame', 'script', 'xmlhttprequest', 'stylesheet', 'image', 'media', 'other'].map((t) => severityName(severityOf(t)))).toEqual([
      'page', 'part', 'part', 'part', 'part', 'minor', 'minor', 'minor',
    ]);
    expect(SEVERITY.page > SEVERITY.part && SEVERITY.part > SEVERITY.minor).toBe(true);
  });
});
