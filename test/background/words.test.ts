import { afterEach, describe, expect, it, vi } from 'vitest';

const RULES = [{ cause: 'words-rate-limit', category: 'rate-limit', confidence: 0.66, fixes: ['wait-and-retry'], phrases: ['too many requests'] }];

async function freshWords() {
  vi.resetModules();
  const { lexicon } = await import('../../src/engine/lexicon');
  const { wordsReady } = await import('../../src/background/words');
  return { lexicon, wordsReady };
}

afterEach(() => vi.unstubAllGlobals());

describe('the worker fetches the lexicon on first use', () => {
  it('once, however many diagnoses wait for it at the same time', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(RULES)));
    vi.stubGlobal('fetch', fetch);
    const { lexicon, wordsReady } = await freshWords();
    expect(lexicon()).toEqual([]);
    await Promise.all([wordsReady(), wordsReady(), wordsReady()]);
    await wordsReady();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(lexicon()).toEqual(RULES);
  });

  it('tries again after a failed load, and never rejects', async () => {
    const fetch = vi.fn(async () => new Response('gone', { status: 404 }));
    vi.stubGlobal('fetch', fetch);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { lexicon, wordsReady } = await freshWords();
    await expect(wordsReady()).resolves.toBeUndefined();
    expect(lexicon()).toEqual([]);
    fetch.mockImplementation(async () => new Response(JSON.stringify(RULES)));
    await wordsReady();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(lexicon()).toEqual(RULES);
  });
});
