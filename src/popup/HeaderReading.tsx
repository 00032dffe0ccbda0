import { useState } from 'preact/hooks';
import { browser } from '../shared/browser';
import { t } from '../shared/i18n';
import type { RefusalEvent } from '../shared/log';
import type { FixResult, WorkerRequest } from '../shared/messages';
import { describeResult } from './fix-run';

interface Props {
  tabId: number;
  event: RefusalEvent;
  /** The site this tab reads every request's headers for, or null. */
  reading: string | null;
}

/**
 * A subresource's headers are read only on request (they cost every page's speed): offers to
 * reload the tab with them read, and says when they are being read, with a way to stop.
 */
export function HeaderReading({ tabId, event, reading }: Props) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  if (!reading && !event.noHeaders) return null;

  const send = async (on: boolean): Promise<void> => {
    setBusy(true);
    const request: WorkerRequest = { type: 'read-headers', tabId, on };
    try {
      const result = (await browser.runtime.sendMessage(request)) as FixResult | undefined;
      setOutcome(result ? describeResult(result) : t('fixErrorNoAnswer'));
    } catch (error) {
      setOutcome(t('fixErrorFailed', [String((error as Error)?.message ?? error)]));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="header-reading" aria-labelledby="hr-h" data-testid="header-reading">
      <h2 id="hr-h">{t('headersHeading')}</h2>
      {reading ? (
        <>
          <p data-testid="headers-reading">{t('headersReadingNote', [hostWithPortOf(reading)])}</p>
          <button type="button" data-testid="stop-headers" disabled={busy} onClick={() => void send(false)}>
            {t('headersStop')}
          </button>
        </>
      ) : (
        <>
          <p class="muted small" data-testid="no-headers">
            {t('noHeadersNote')}
          </p>
          <button type="button" data-testid="read-headers" disabled={busy} onClick={() => void send(true)}>
            {t('readHeadersButton')}
          </button>
        </>
      )}
      <p role="status" class={outcome ? 'note' : undefined} data-testid="headers-outcome">
        {outcome ?? ''}
      </p>
    </section>
  );
}

function hostWithPortOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}
