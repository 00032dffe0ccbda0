import { browser } from '../shared/browser';
import { t } from '../shared/i18n';
import type { FixAction } from '../engine/fixes';
import type { FixResult, WorkerRequest } from '../shared/messages';

/** Asks the worker to carry out a one-click fix; every failure comes back as words, never a throw. */
export async function requestFix(action: FixAction, tabId: number, url: string): Promise<{ ok: boolean; text: string }> {
  const request: WorkerRequest = { type: 'fix', action, tabId, url, thenRetry: action !== 'retry' };
  try {
    const result = (await browser.runtime.sendMessage(request)) as FixResult | undefined;
    return result ? { ok: result.ok && !result.retry?.refused, text: describeResult(result) } : { ok: false, text: t('fixErrorNoAnswer') };
  } catch (error) {
    return { ok: false, text: t('fixErrorFailed', [String((error as Error)?.message ?? error)]) };
  }
}

/** What a fix did, and after a retry whether the page loads now. */
export function describeResult(result: FixResult): string {
  const parts = [t(result.message, result.detail !== undefined ? [result.detail] : undefined)];
  if (result.retry) {
    const status = result.retry.status === null ? null : String(result.retry.status || t('networkError'));
    parts.push(status === null ? t('retryUnknown') : result.retry.refused ? t('retryStillRefused', [status]) : t('retryOk', [status]));
  }
  return parts.join(' ');
}
