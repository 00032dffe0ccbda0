import { describe, expect, it } from 'vitest';
import { isOwnSender, parseMessage } from '../../src/shared/messages';

describe('parseMessage', () => {
  it('accepts a well-formed fix', () => {
    expect(parseMessage({ type: 'fix', action: 'clear-cookies', tabId: 3, url: 'https://a.example/', thenRetry: true })).toEqual({
      type: 'fix',
      action: 'clear-cookies',
      tabId: 3,
      url: 'https://a.example/',
      thenRetry: true,
    });
  });

  it.each([
    null,
    'fix',
    { type: 'fix', action: 'rm -rf', tabId: 3, url: 'https://a.example/' },
    { type: 'fix', action: 'retry', tabId: -1, url: 'https://a.example/' },
    { type: 'fix', action: 'retry', tabId: 1.5, url: 'https://a.example/' },
    { type: 'fix', action: 'retry', tabId: '3', url: 'https://a.example/' },
    { type: 'fix', action: 'retry', tabId: 3, url: 42 },
    { type: 'fix', action: 'retry', tabId: 3, url: 'x'.repeat(9000) },
    { type: 'eval', tabId: 3 },
    { type: 'diagnose' },
    { type: 'diagnose', observations: 'x' },
    { type: 'diagnose', observations: Array.from({ length: 101 }, () => ({})) },
  ])('rejects %j', (raw) => {
    expect(parseMessage(raw)).toBeNull();
  });

  it('accepts a list of observations to diagnose, without a tab: the engine sanitizes each one', () => {
    const observations = [{ url: 'https://a.example/', status: 403 }, null];
    expect(parseMessage({ type: 'diagnose', observations })).toEqual({ type: 'diagnose', observations });
  });
});

describe('isOwnSender', () => {
  const origin = 'chrome-extension://abc';
  it('accepts this extension’s own pages', () => {
    expect(isOwnSender({ id: 'abc', url: `${origin}/src/popup/index.html` }, 'abc', origin)).toBe(true);
  });
  it('rejects content scripts and other extensions', () => {
    expect(isOwnSender({ id: 'abc', url: 'https://evil.example/' }, 'abc', origin)).toBe(false);
    expect(isOwnSender({ id: 'other', url: 'chrome-extension://other/x.html' }, 'abc', origin)).toBe(false);
    expect(isOwnSender({}, 'abc', origin)).toBe(false);
  });
});

describe('retry scheduling messages', () => {
  const now = 1_700_000_000_000;
  it('accepts a retry scheduled within a day', () => {
    expect(parseMessage({ type: 'schedule-retry', tabId: 2, url: 'https://a.example/', at: now + 90_000 }, now)).toEqual({
      type: 'schedule-retry',
      tabId: 2,
      url: 'https://a.example/',
      at: now + 90_000,
    });
    expect(parseMessage({ type: 'cancel-retry', tabId: 2 }, now)).toEqual({ type: 'cancel-retry', tabId: 2 });
  });

  it.each([
    { type: 'schedule-retry', tabId: 2, url: 'https://a.example/', at: now + 3 * 86_400_000 },
    { type: 'schedule-retry', tabId: 2, url: 'https://a.example/', at: Number.NaN },
    { type: 'schedule-retry', tabId: 2, url: 'javascript:alert(1)', at: now + 1000 },
    { type: 'schedule-retry', tabId: 2, at: now + 1000 },
  ])('rejects %j', (raw) => {
    expect(parseMessage(raw, now)).toBeNull();
  });
});

describe('reading a tab\u2019s headers on request', () => {
  it('accepts on and off for a tab', () => {
    expect(parseMessage({ type: 'read-headers', tabId: 3, on: true })).toEqual({ type: 'read-headers', tabId: 3, on: true });
    expect(parseMessage({ type: 'read-headers', tabId: 3, on: false })).toEqual({ type: 'read-headers', tabId: 3, on: false });
  });

  it.each([
    { type: 'read-headers', tabId: 3 },
    { type: 'read-headers', tabId: 3, on: 'yes' },
    { type: 'read-headers', tabId: -1, on: true },
    { type: 'read-headers', tabId: 1.5, on: true },
  ])('rejects %j', (raw) => {
    expect(parseMessage(raw)).toBeNull();
  });
});
