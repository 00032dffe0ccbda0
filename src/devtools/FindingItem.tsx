import { useState } from 'preact/hooks';
import { reportFor } from '../engine/report';
import { confidenceWord } from '../engine/types';
import { vendorLabel } from '../engine/vendor-label';
import { t } from '../shared/i18n';
import { copyText } from './copy-text';
import { bounded, vendorsInFront, type PanelFinding } from './panel-findings';

type CopyState = 'idle' | 'copied' | 'failed';

/** One refused request: what was asked, who refused it, the reference, the evidence, the report. All page-controlled values are text. */
export function FindingItem({ finding }: { finding: PanelFinding }) {
  const { observation: o, diagnosis: d } = finding;
  const [copy, setCopy] = useState<CopyState>('idle');
  const report = reportFor(o, d);
  const inFront = vendorsInFront(d);
  const id = `f-${finding.key.replace(/[^a-z0-9]/gi, '').slice(-40)}`;

  return (
    <li class="dt-finding" data-testid="devtools-finding" data-cause={d.cause} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} class="dt-request">
        <span class="status">{o.status || bounded(o.error ?? '', 80)}</span> <span class="method">{bounded(o.method, 16)}</span>{' '}
        <span class="address">{bounded(o.url, 300)}</span>
      </h3>
      <p class="meta">
        {d.vendor && <span data-testid="devtools-vendor">{t('byVendor', [vendorLabel(d.vendor)])}</span>}
        <span class={`confidence ${confidenceWord(d.confidence)}`}>{t(`confidence_${confidenceWord(d.confidence)}`)}</span>
        <span class="muted">{o.type}</span>
        <code class="muted">{d.cause}</code>
      </p>
      {inFront.length > 0 && (
        <p class="in-front" data-testid="devtools-in-front">
          {t('devtoolsInFront', [inFront.map(vendorLabel).join(', ')])}
        </p>
      )}
      {d.reference && (
        <p class="small" data-testid="devtools-reference">
          {bounded(d.reference.label, 80)}: <code>{bounded(d.reference.value, 200)}</code>
        </p>
      )}
      <p>{d.summary}</p>
      <details>
        <summary>{t('evidenceHeading')}</summary>
        <ul class="dt-evidence">
          {d.evidence.map((e, i) => (
            <li key={i} data-testid="devtools-evidence" data-kind={e.kind}>
              <span class="ev-name">{bounded(e.name, 120)}</span> {e.value && <code class="ev-value">{bounded(e.value, 300)}</code>}
              <span class="ev-note">{e.note}</span>
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>{t('devtoolsDeveloperNote')}</summary>
        <p class="small">{d.developerNote}</p>
      </details>
      <div class="dt-actions">
        <button
          type="button"
          data-testid="devtools-copy-report"
          onClick={() => void copyText(report).then((ok) => setCopy(ok ? 'copied' : 'failed'))}
        >
          {t('copyReport')}
        </button>
        <span role="status" class="small" data-testid="devtools-copy-status">
          {copy === 'copied' ? t('devtoolsCopied') : copy === 'failed' ? t('copyFailed') : ''}
        </span>
      </div>
      {copy === 'failed' && <textarea readOnly rows={7} value={report} aria-label={t('reportText')} />}
    </li>
  );
}
