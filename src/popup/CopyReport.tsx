import { useState } from 'preact/hooks';
import type { Diagnosis } from '../engine/types';
import { t } from '../shared/i18n';
import type { RefusalEvent } from '../shared/log';
import { observationOf } from '../shared/observation';
import { reportFor } from '../engine/report';

/** Copies the ready-to-send report (URL, time, status, vendor, reference id; never cookies). */
export function CopyReport({ event, diagnosis }: { event: RefusalEvent; diagnosis: Diagnosis }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const report = reportFor(observationOf(event), diagnosis);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(report);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <section class="report">
      <button type="button" data-testid="copy-report" onClick={() => void copy()}>
        {t('copyReport')}
      </button>
      <span role="status" class="small">
        {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : ''}
      </span>
      {state === 'failed' && <textarea readOnly value={report} rows={6} aria-label={t('copyReport')} />}
    </section>
  );
}
