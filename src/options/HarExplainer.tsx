import { useState } from 'preact/hooks';
import { reportFor } from '../engine/report';
import { confidenceWord } from '../engine/types';
import { keyPart, t } from '../shared/i18n';
import { vendorLabel as vendorName } from '../engine/vendor-label';
import { explainHar, HarError, type HarFinding } from '../engine/har';

type HarOutcome = { kind: 'ok'; findings: HarFinding[]; total: number } | { kind: 'invalid'; reason: string };

/** HAR files larger than this are refused before reading: a browser tab's HAR is rarely near it. */
const MAX_HAR_BYTES = 64 * 1024 * 1024;

/** "Explain a HAR file": drop or pick a file exported from DevTools; nothing leaves the browser. */
export function HarExplainer() {
  const [outcome, setOutcome] = useState<HarOutcome | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);

  const read = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setName(file.name);
    if (file.size > MAX_HAR_BYTES) {
      setOutcome({ kind: 'invalid', reason: '' });
      return;
    }
    setBusy(true);
    try {
      const { total, findings } = explainHar(await file.text());
      setOutcome({ kind: 'ok', total, findings });
    } catch (error) {
      // The engine's reason is one technical line in English, shown under the localised sentence.
      setOutcome({ kind: 'invalid', reason: error instanceof HarError ? error.message : '' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section id="har" aria-labelledby="har-h">
      <h2 id="har-h">{t('harHeading')}</h2>
      <p class="muted">{t('harIntro')}</p>
      <label
        class={`drop${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void read(e.dataTransfer?.files[0]);
        }}
      >
        <span>{t('harDrop')}</span>
        <input type="file" accept=".har,application/json" data-testid="har-input" onChange={(e) => void read((e.currentTarget as HTMLInputElement).files?.[0])} />
      </label>
      <div role="status" data-testid="har-status">
        {busy ? t('harReading', [name]) : outcome ? statusOf(outcome, name) : ''}
        {outcome?.kind === 'invalid' && outcome.reason && <p class="muted small">{outcome.reason}</p>}
      </div>
      {outcome?.kind === 'ok' && outcome.findings.length > 0 && (
        <ol class="har-findings" data-testid="har-findings">
          {outcome.findings.map(({ index, observation: o, diagnosis: d }) => (
            <li key={index} data-testid="har-finding" data-cause={d.cause}>
              <p>
                <strong>{t(`headline_${keyPart(d.category)}`)}</strong>{' '}
                <span class="muted">
                  {d.vendor ? `${t('byVendor', [vendorName(d.vendor)])} · ` : ''}
                  {t(`confidence_${confidenceWord(d.confidence)}`)}
                </span>
              </p>
              <p class="small">
                <strong>{o.status || o.error}</strong> {o.method} <span class="address">{o.url}</span>
              </p>
              {d.reference && (
                <p class="small">
                  {d.reference.label}: <code>{d.reference.value}</code>
                </p>
              )}
              <details>
                <summary>{t('harReport')}</summary>
                <textarea readOnly rows={7} value={reportFor(o, d)} aria-label={t('reportText')} />
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function statusOf(outcome: HarOutcome, name: string): string {
  if (outcome.kind === 'invalid') return t('harInvalid', [name]);
  return outcome.findings.length === 0
    ? t('harNone', [name, String(outcome.total)])
    : t('harFoundOf', [String(outcome.findings.length), String(outcome.total), name]);
}
