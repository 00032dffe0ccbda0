import { describe, expect, it } from 'vitest';
import { Collector, MAX_FINDINGS, type Collected, type NetworkLog } from '../../src/devtools/collector';
import { explainHar } from '../../src/engine/har';
import { pathOf, recordedEntries, type RecordedEntry } from './recorded';

/**
 * The collector against DevTools as the recording shows it: entries without bodies, each body
 * only through getContent, some entries logged before the panel opened (getHAR) and the rest
 * finishing afterwards (onRequestFinished).
 */
interface FakeDevtools extends NetworkLog {
  finish(entry: unknown): void;
  asked: string[];
}

function withoutBody(entry: RecordedEntry): RecordedEntry {
  const copy = structuredClone(entry);
  delete copy.response.content.text;
  delete copy.response.content.encoding;
  return copy;
}

function fakeDevtools(before: RecordedEntry[], options: { silent?: (path: string) => boolean } = {}): FakeDevtools {
  const bodies = new Map(recordedEntries().map((e) => [`${e.startedDateTime as string} ${e.request.method} ${e.request.url}`, e.response.content]));
  const listeners = new Set<(entry: unknown) => void>();
  const asked: string[] = [];
  return {
    asked,
    entries: () => Promise.resolve(before.map(withoutBody)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    finish(entry) {
      for (const l of listeners) l(withoutBody(entry as RecordedEntry));
    },
    content(entry) {
      const e = entry as RecordedEntry;
      asked.push(`${e.request.method} ${pathOf(e.request.url)}`);
      // DevTools never answers for a body the page did not read.
      if (options.silent?.(pathOf(e.request.url))) return new Promise(() => undefined);
      const body = bodies.get(`${e.startedDateTime as string} ${e.request.method} ${e.request.url}`);
      return Promise.resolve(body?.text ? { text: body.text, ...(body.encoding ? { encoding: body.encoding } : {}) } : null);
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 20));
const summary = (state: Collected) => state.findings.map((f) => `${f.observation.method} ${pathOf(f.observation.url)} ${f.diagnosis.cause}`).sort();

describe('Collector', () => {
  const all = recordedEntries();
  const expected = explainHar({ log: { entries: all } }).findings.map((f) => `${f.observation.method} ${pathOf(f.observation.url)} ${f.diagnosis.cause}`).sort();

  it('finds from getHAR and onRequestFinished together what the HAR explainer finds in the full recording', async () => {
    const devtools = fakeDevtools(all.slice(0, 6));
    let state: Collected = { findings: [], seen: 0, dropped: 0 };
    const collector = new Collector(devtools, (s) => (state = s));
    await collector.start();
    // One request DevTools reports both ways (it finished while getHAR was answering).
    for (const entry of all.slice(5)) devtools.finish(entry);
    await settle();
    expect(summary(state)).toEqual(expected);
    expect(state.seen).toBe(all.length);
    collector.dispose();
  });

  it('asks DevTools for bodies of refusals and documents only', async () => {
    const devtools = fakeDevtools(all);
    await new Collector(devtools, () => undefined).start();
    expect(devtools.asked).not.toContain('GET /ok');
    expect(devtools.asked).not.toContain('GET /favicon.ico');
    expect(devtools.asked).toEqual(expect.arrayContaining(['GET /f5/rejected', 'GET /cloudflare/block', 'POST /api/orders', 'GET /img/photo.jpg']));
    expect(devtools.asked).toHaveLength(all.length - 2);
  });

  it('judges without the body when DevTools never answers getContent', async () => {
    const devtools = fakeDevtools(all, { silent: (path) => path === '/cloudflare/challenge' || path === '/f5/rejected' });
    let state: Collected = { findings: [], seen: 0, dropped: 0 };
    await new Collector(devtools, (s) => (state = s), 30).start();
    // The challenge is still Cloudflare's by its headers; F5's 200 page cannot be known without its body.
    expect(summary(state)).toContain('GET /cloudflare/challenge cloudflare-challenge');
    expect(summary(state).some((s) => s.includes('/f5/rejected'))).toBe(false);
  });

  it('stops listening when disposed, and Clear starts afresh', async () => {
    const devtools = fakeDevtools([]);
    let state: Collected = { findings: [], seen: 0, dropped: 0 };
    const collector = new Collector(devtools, (s) => (state = s));
    await collector.start();
    devtools.finish(all[2]);
    await settle();
    expect(state.findings).toHaveLength(1);
    collector.clear();
    expect(state).toEqual({ findings: [], seen: 0, dropped: 0 });
    // After Clear the same request, reported again, counts again.
    devtools.finish(all[2]);
    await settle();
    expect(state.findings).toHaveLength(1);
    collector.dispose();
    devtools.finish(all[3]);
    await settle();
    expect(state.findings).toHaveLength(1);
  });

  it(`keeps at most ${MAX_FINDINGS} findings, dropping the oldest`, async () => {
    const template = all.find((e) => pathOf(e.request.url) === '/api/search?q=shoes') as RecordedEntry;
    const many = Array.from({ length: MAX_FINDINGS + 7 }, (_, i) => ({ ...structuredClone(template), startedDateTime: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)).toISOString() }));
    let state: Collected = { findings: [], seen: 0, dropped: 0 };
    await new Collector(fakeDevtools(many), (s) => (state = s)).start();
    expect(state.findings).toHaveLength(MAX_FINDINGS);
    expect(state.dropped).toBe(7);
    expect(state.seen).toBe(MAX_FINDINGS + 7);
  });
});
