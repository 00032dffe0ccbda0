import { describe, expect, it } from 'vitest';
import { hasMarkerHeader, isBlockingError, isRefusal, statusVerdict, watchedStatuses } from '../../src/engine/precheck';
import { SIGNATURES } from '../../src/engine/signatures';
import { FIXTURES } from '../fixtures';

describe('precheck', () => {
  it('costs one array read for ordinary statuses', () => {
    for (const status of [200, 201, 204, 206, 301, 302, 304, 404, 500, 502]) expect(statusVerdict(status)).toBe(0);
  });

  it('records the statuses generic signatures stand on', () => {
    for (const status of [401, 403, 407, 429, 431, 451, 999]) expect(statusVerdict(status)).toBe(1);
  });

  it('records 400 for documents only (oversized cookies), unless a marker header says otherwise', () => {
    expect(statusVerdict(400, 'main_frame')).toBe(1);
    expect(statusVerdict(400, 'sub_frame')).toBe(1);
    expect(statusVerdict(400, 'xmlhttprequest')).toBe(2);
    expect(isRefusal(400, { server: 'nginx' }, undefined, 'xmlhttprequest')).toBe(false);
  });

  it('records 202 and 405 only with x-amzn-waf-action, and 503 with a challenge header', () => {
    expect(isRefusal(202, { 'x-amzn-waf-action': 'challenge' }, undefined, 'xmlhttprequest')).toBe(true);
    expect(isRefusal(202, { 'content-type': 'application/json' }, undefined, 'xmlhttprequest')).toBe(false);
    expect(isRefusal(405, { 'x-amzn-waf-action': 'captcha' }, undefined, 'xmlhttprequest')).toBe(true);
    expect(isRefusal(405, { allow: 'GET' }, undefined, 'xmlhttprequest')).toBe(false);
    expect(hasMarkerHeader(503, ['cf-mitigated'])).toBe(true);
    expect(isRefusal(503, { 'cf-mitigated': 'challenge' }, undefined, 'script')).toBe(true);
    expect(isRefusal(503, {}, undefined, 'script')).toBe(false);
  });

  it('never records 2xx documents by their body (that would mean reading every page)', () => {
    expect(statusVerdict(200, 'main_frame')).toBe(0);
    expect(watchedStatuses().filter((s) => s >= 200 && s < 300)).toEqual([202]);
  });

  it('knows the blocking network errors from the signatures', () => {
    expect(isBlockingError('net::ERR_BLOCKED_BY_CLIENT')).toBe(true);
    expect(isBlockingError('net::ERR_BLOCKED_BY_ADMINISTRATOR')).toBe(true);
    expect(isBlockingError('NS_ERROR_XFO_VIOLATION')).toBe(true);
    expect(isBlockingError('net::ERR_ABORTED')).toBe(false);
    expect(isBlockingError('net::ERR_CONNECTION_RESET')).toBe(false);
  });

  it('catches every positive fixture in the browser, except page-only sources served with 2xx', () => {
    // Found by reading the page (the popup on a tab with nothing recorded, a HAR file): the
    // listener never reads a 2xx body.
    const pageOnly = new Set(
      SIGNATURES.filter((s) => (!s.statuses || s.statuses.every((st) => st < 300)) && s.acted.every((m) => 'body' in m || 'title' in m)).map((s) => s.id),
    );
    const missed = FIXTURES.filter((f) => f.kind === 'positive' && f.expect.category !== 'fine')
      .filter((f) => !isRefusal(f.obs.status, f.obs.headers, f.obs.error, f.obs.type))
      .filter((f) => !(pageOnly.has(f.signature) && f.obs.status < 300))
      .map((f) => f.name);
    expect(missed).toEqual([]);
  });
});
