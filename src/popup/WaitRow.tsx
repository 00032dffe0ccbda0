import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser';
import { t } from '../shared/i18n';
import type { WorkerRequest } from '../shared/messages';
import { isScheduledRetry, type ScheduledRetry } from '../shared/scheduled-retry';
import { describeResult, requestFix } from './fix-run';
import { FixRow, type Outcome } from './FixRow';
import { rememberOutcome } from './last-outcome';
import { useNow } from './use-scheduled-retry';
import { formatClock } from './wording';

interface Props {
  tabId: number;
  pageUrl: string;
  /** When the rate limit's wait ends, ms since the epoch. */
  at: number;
  /** When the refusal happened: a retry record older than this belongs to an earlier refusal. */
  since: number;
  /** Schedule without a click (the page itself was refused, so reloading it loses nothing). */
  auto: boolean;
  scheduled: ScheduledRetry | null;
}

/** Scheduled at most once without a click per popup: a site that keeps refusing must not loop. */
let autoUsed = false;

/**
 * Counts down the rate limit's wait, then retries. The worker does the retry from an alarm, so it
 * happens with the popup closed; if the worker does not answer, the popup retries while it is open.
 */
export function WaitRow({ tabId, pageUrl, at, since, auto, scheduled }: Props) {
  const [local, setLocal] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const pending = scheduled?.state === 'scheduled' && scheduled.at >= since ? scheduled : null;
  const target = pending?.at ?? local ?? at;
  const now = useNow(true);
  const left = Math.max(0, (target - now) / 1000);

  const schedule = async (): Promise<void> => {
    const request: WorkerRequest = { type: 'schedule-retry', tabId, url: pageUrl, at };
    try {
      const ack: unknown = await browser.runtime.sendMessage(request);
      if (!isScheduledRetry(ack)) throw new Error('not scheduled');
    } catch {
      setLocal(at);
    }
  };
  const cancel = async (): Promise<void> => {
    if (local !== null) setLocal(null);
    else await browser.runtime.sendMessage({ type: 'cancel-retry', tabId } satisfies WorkerRequest).catch(() => undefined);
    setOutcome({ ok: true, text: t('autoRetryCancelled') });
  };

  useEffect(() => {
    const done = scheduled?.state === 'done' && scheduled.at >= since;
    if (auto && !autoUsed && !pending && !done && at > Date.now()) {
      autoUsed = true;
      void schedule();
    }
  }, []);

  useEffect(() => {
    if (scheduled?.state === 'done' && scheduled.result) {
      setOutcome({ ok: scheduled.result.ok && !scheduled.result.retry?.refused, text: describeResult(scheduled.result) });
    }
  }, [scheduled?.state, scheduled?.at]);

  useEffect(() => {
    if (local === null || left > 0) return;
    setLocal(null);
    setOutcome({ ok: true, text: t('working') });
    void requestFix('retry', tabId, pageUrl).then((result) => {
      rememberOutcome(result);
      setOutcome(result);
    });
  }, [local, left <= 0]);

  const waiting = pending !== null || local !== null;
  const over = !waiting && left <= 0;
  return (
    <FixRow
      id="fix-wait"
      testId="fix-wait"
      label={waiting ? t('cancelAutoRetry') : over ? t('waitOver') : t('fix_wait', [formatClock(left)])}
      hint={
        waiting ? (
          <>
            <strong class="countdown" role="timer" aria-live="off">
              {t('retryingIn', [formatClock(left)])}
            </strong>{' '}
            {local !== null ? t('autoRetryKeepOpen') : t('autoRetryHint')}
          </>
        ) : over ? (
          t('waitOverHint')
        ) : (
          t('fix_wait_hint')
        )
      }
      disabled={over}
      outcome={outcome}
      onClick={() => void (waiting ? cancel() : schedule())}
    />
  );
}
