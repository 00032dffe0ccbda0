import { useEffect, useState } from 'preact/hooks';
import type { Diagnosis, FixId } from '../engine/types';
import { browser } from '../shared/browser';
import { t } from '../shared/i18n';
import type { FixAction, FixResult, Request } from '../shared/messages';
import { canClearCachePerSite, siteOf } from '../shared/platform';
import { formatWait } from './wording';

const ONE_CLICK: readonly FixAction[] = ['clear-cookies', 'clear-cache', 'retry'];
const MANUAL: readonly FixId[] = ['sign-in', 'check-url', 'disable-vpn', 'pause-extensions', 'contact-owner'];

interface Props {
  tabId: number;
  pageUrl: string;
  diagnosis: Diagnosis;
}

type Status = { state: 'idle' } | { state: 'confirm'; action: FixAction } | { state: 'working' } | { state: 'done'; text: string; ok: boolean };

/** One-click fixes, most useful first, each with a visible result; the rest as advice. */
export function Fixes({ tabId, pageUrl, diagnosis }: Props) {
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const site = siteOf(pageUrl);
  const actions = orderActions(diagnosis.fixes);
  const manual = diagnosis.fixes.filter((f) => MANUAL.includes(f));

  const run = async (action: FixAction, confirmed = false): Promise<void> => {
    if (action === 'clear-cache' && !canClearCachePerSite() && !confirmed) {
      setStatus({ state: 'confirm', action });
      return;
    }
    setStatus({ state: 'working' });
    const request: Request = { type: 'fix', action, tabId, url: pageUrl, thenRetry: action !== 'retry' };
    try {
      const result = (await browser.runtime.sendMessage(request)) as FixResult | undefined;
      setStatus(result ? { state: 'done', text: describe(result), ok: result.ok } : { state: 'done', text: t('fixErrorNoAnswer'), ok: false });
    } catch (error) {
      setStatus({ state: 'done', text: t('fixErrorFailed', [String((error as Error)?.message ?? error)]), ok: false });
    }
  };

  return (
    <section class="fixes" aria-labelledby="fixes-h">
      <h2 id="fixes-h">{t('fixesHeading')}</h2>
      <div class="buttons">
        {diagnosis.retryAfterSeconds ? <WaitAndRetry seconds={diagnosis.retryAfterSeconds} onDue={() => void run('retry')} /> : null}
        {actions.map((action) => {
          const disabled = action !== 'retry' && !site;
          const hint = disabled ? t('fixDisabledNotWebsite') : hintOf(action, site?.hostname ?? '');
          return (
            <button
              key={action}
              type="button"
              data-testid={`fix-${action}`}
              disabled={disabled || status.state === 'working'}
              title={hint}
              aria-describedby={`hint-${action}`}
              onClick={() => void run(action)}
            >
              {t(`fix_${action.replace(/-/g, '_')}`)}
              <span id={`hint-${action}`} class="visually-hidden">
                {hint}
              </span>
            </button>
          );
        })}
      </div>
      {status.state === 'confirm' && (
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
          <p id="confirm-text">{t('fix_clear_cache_gecko')}</p>
          <button type="button" data-testid="confirm" onClick={() => void run(status.action, true)}>
            {t('confirm')}
          </button>
          <button type="button" onClick={() => setStatus({ state: 'idle' })}>
            {t('cancel')}
          </button>
        </div>
      )}
      <p class={`result ${status.state === 'done' && !status.ok ? 'error' : ''}`} data-testid="fix-result" role="status">
        {status.state === 'working' ? t('working') : status.state === 'done' ? status.text : ''}
      </p>
      {manual.length > 0 && (
        <>
          <h3>{t('manualFixes')}</h3>
          <ul class="manual">
            {manual.map((fix) => (
              <li key={fix}>{t(`fix_${fix.replace(/-/g, '_')}`)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The diagnosis's own order first, then the remaining one-click fixes. */
function orderActions(fixes: readonly FixId[]): FixAction[] {
  const first = fixes.filter((f): f is FixAction => (ONE_CLICK as readonly string[]).includes(f));
  return [...first, ...ONE_CLICK.filter((a) => !first.includes(a))];
}

function hintOf(action: FixAction, host: string): string {
  if (action === 'retry') return t('fix_retry_hint');
  if (action === 'clear-cookies') return t('fix_clear_cookies_hint', [host]);
  return canClearCachePerSite() ? t('fix_clear_cache_hint', [host]) : t('fix_clear_cache_gecko');
}

function describe(result: FixResult): string {
  const parts = [t(result.message, result.detail !== undefined ? [result.detail] : undefined)];
  if (result.retry) {
    const status = result.retry.status === null ? null : String(result.retry.status || t('networkError'));
    parts.push(status === null ? t('retryUnknown') : result.retry.refused ? t('retryStillRefused', [status]) : t('retryOk', [status]));
  }
  return parts.join(' ');
}

/** Counts down Retry-After, then retries once by itself. */
function WaitAndRetry({ seconds, onDue }: { seconds: number; onDue: () => void }) {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    if (left <= 0) {
      onDue();
      return;
    }
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return (
    <button type="button" data-testid="fix-wait" disabled aria-live="off">
      {t('fix_wait', [formatWait(Math.max(0, left))])}
    </button>
  );
}
