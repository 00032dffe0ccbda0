import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, isCounted, normalizeSettings } from '../../src/shared/settings';

vi.mock('../../src/shared/browser', () => ({ browser: {} }));

describe('settings', () => {
  it('fills in defaults for anything missing or malformed', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ badge: 'no', historyDays: 9999, ignoredStatuses: [429, 'x', 42] })).toEqual({
      ...DEFAULT_SETTINGS,
      historyDays: 365,
      ignoredStatuses: [429],
    });
  });

  it('leaves out the statuses and errors the user switched off', () => {
    const s = normalizeSettings({ ignoredStatuses: [429], ignoredErrors: ['ERR_BLOCKED_BY_CLIENT'] });
    expect(isCounted(s, 429)).toBe(false);
    expect(isCounted(s, 403)).toBe(true);
    expect(isCounted(s, 0, 'net::ERR_BLOCKED_BY_CLIENT')).toBe(false);
    expect(isCounted(s, 0, 'net::ERR_BLOCKED_BY_ADMINISTRATOR')).toBe(true);
  });
});
