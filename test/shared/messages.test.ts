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
  ])('rejects %j', (raw) => {
    expect(parseMessage(raw)).toBeNull();
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
