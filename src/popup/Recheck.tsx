import { useState } from 'preact/hooks';
import type { Diagnosis } from '../engine/types';
import { browser } from '../shared/browser';
import { t } from '../shared/i18n';
import type { RefusalEvent } from '../shared/log';
import { RECHECK_METHODS, type RecheckReply, type WorkerRequest } from '../shared/messages';
import { wordCore } from './engine-client';
import { headlineOf, statusText, vendorLine } from './wording';

/** A refused subresource asked by GET or HEAD, which the worker can ask again without changing anything. */
export function canRecheck(event: RefusalEvent): boolean {
  return event.type !== 'main_frame' && event.type !== 'sub_frame' && event.requestId !== undefined && RECHECK_METHODS.includes(event.method.toUpperCase()) && /^https?:/i.test(event.url);
}

type Outcome = { kind: 'done'; time: number; status: number; diagnosis: Diagnosis | null } | { kind: 'error'; text: string };

/**
 * "Check this request": one click, one request from the extension to the same address with the
 * site's cookies; the answer's status, headers and body start are judged and shown as a re-check,
 * with its time and whether it differs from what the page got.
 */
export function Recheck({ tabId, event, idPrefix = 'rc' }: { tabId: number; event: RefusalEvent; idPrefix?: string }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  if (!canRecheck(event)) return null;
  const headingId = `${idPrefix}-h-${event.seq}`;

  const run = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    const request: WorkerRequest = { type: 'recheck', tabId, requestId: event.requestId as string };
    try {
      const reply = (await browser.runtime.sendMessage(request)) as RecheckReply | undefined;
      if (!reply) setOutcome({ kind: 'error', text: t('fixErrorNoAnswer') });
      else if (!reply.ok) setOutcome({ kind: 'error', text: t(reply.message, reply.detail ? [reply.detail] : undefined) });
      else setOutcome({ kind: 'done', time: reply.time, status: reply.status, diagnosis: reply.core && (await wordCore(reply.core)) });
    } catch (error) {
      setOutcome({ kind: 'error', text: t('recheckFailed', [String((error as Error)?.message ?? error)]) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="recheck" aria-labelledby={headingId} data-testid="recheck">
      <h2 id={headingId}>{t('recheckHeading')}</h2>
      <p class="muted small">{t('recheckHint', [hostOf(event.url)])}</p>
      <button type="button" data-testid="recheck-button" disabled={busy} aria-busy={busy} onClick={() => void run()}>
        {busy ? t('recheckRunning') : t('recheckButton')}
      </button>
      <div role="status" data-testid="recheck-outcome">
        {outcome?.kind === 'error' && <p class="note">{outcome.text}</p>}
        {outcome?.kind === 'done' && <RecheckResult event={event} outcome={outcome} />}
      </div>
    </section>
  );
}

function RecheckResult({ event, outcome }: { event: RefusalEvent; outcome: Extract<Outcome, { kind: 'done' }> }) {
  const { diagnosis, status, time } = outcome;
  const at = new Date(time);
  const was = statusText(event.status, event.error);
  const differs = !diagnosis ? t('recheckFineNow', [String(status)]) : status !== event.status ? t('recheckDiffers', [String(status), was]) : null;
  const vendor = diagnosis ? vendorLine(diagnosis) : null;
  return (
    <div
      class="recheck-result"
      data-testid="recheck-result"
      data-status={String(status)}
      data-category={diagnosis?.category ?? ''}
      data-vendor={diagnosis?.vendor ?? ''}
      data-cause={diagnosis?.cause ?? ''}
    >
      <p class="small">
        <time dateTime={at.toISOString()} data-testid="recheck-time">
          {t('recheckAt', [at.toLocaleTimeString()])}
        </time>
      </p>
      {differs && (
        <p class="note" data-testid="recheck-differs">
          {differs}
        </p>
      )}
      {diagnosis && (
        <>
          <p class="headline-small">
            <strong>{headlineOf(diagnosis, 0)}</strong>
            {vendor && <span class="vendor"> · {vendor}</span>}
          </p>
          {diagnosis.reference && (
            <p data-testid="recheck-reference">
              {diagnosis.reference.label}: <code>{diagnosis.reference.value}</code>
            </p>
          )}
          <ul class="small">
            {diagnosis.evidence.map((ev, i) => (
              <li key={i} data-testid="recheck-evidence">
                <code>{ev.name}</code> {ev.value && <code>{ev.value}</code>} <span class="muted">{ev.note}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 64);
  }
}
