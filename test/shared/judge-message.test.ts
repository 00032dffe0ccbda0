import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../src/shared/messages';

describe('the judge message', () => {
  it('carries one observation object', () => {
    const observation = { url: 'https://a.example/', method: 'GET', type: 'main_frame', status: 200, headers: {}, time: 1 };
    expect(parseMessage({ type: 'judge', observation })).toEqual({ type: 'judge', observation });
  });

  it('refuses anything else', () => {
    for (const observation of [undefined, null, 'x', 3, [{}]]) expect(parseMessage({ type: 'judge', observation })).toBeNull();
  });
});
