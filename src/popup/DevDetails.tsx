import { useMemo, useState } from 'preact/hooks';
import { diagnose } from '../engine/diagnose';
import type { Diagnosis } from '../engine/types';
import { browser } from '../shared/browser';
import { t } from '../shared/i18n';
import type { RefusalEvent } from '../shared/log';
import { observationOf } from '../shared/observation';
import { vendorLabel as vendorName } from '../engine/vendor-label';
import { copyText } from './clipboard';
import { headersThatMattered, toHar, toJson, type DevRow } from './dev-export';
import { confidenceText, statusText } from './wording';

interface Props {
  events: readonly RefusalEvent[];
  /** The main finding, already refined with the page's text: reused rather than diagnosed again. */
  main: RefusalEvent;
  mainDiagnosis: Diagnosis;
}

/** Every refused request of the page, with the headers that mattered, filterable and exportable. Loaded on demand. */
export function DevDetails({ events, main, mainDiagnosis }: Props) {
  const rows = useMemo<DevRow[]>(
    () =>
      [...events].reverse().map((event) => ({ event, diagnosis: event === main ? mainDiagnosis : diagnose(observationOf(event)) })),
    [events, main, mainDiagnosis],
  );
  const causes = useMemo(() => {
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.diagnosis.cause, (counts.get(row.diagnosis.cause) ?? 0) + 1);
    return [...counts];
  }, [rows]);
  const [cause, setCause] = useState('');
  const [copied, setCopied] = useState('');
  const shown = cause ? rows.filter((r) => r.diagnosis.cause === cause) : rows;

  const copy = async (what: 'json' | 'har'): Promise<void> => {
    const text = what === 'json' ? toJson(shown) : toHar(shown, browser.runtime.getManifest().version);
    setCopied((await copyText(text)) ? t(what === 'json' ? 'copiedJson' : 'copiedHar', [String(shown.length)]) : t('copyFailed'));
  };

  return (
    <div class="dev" data-testid="dev-details">
      <div class="dev-tools">
        <label>
          {t('filterByCause')}{' '}
          <select value={cause} onChange={(e) => setCause((e.currentTarget as HTMLSelectElement).value)} data-testid="dev-filter">
            <option value="">{t('allCauses', [String(rows.length)])}</option>
            {causes.map(([id, count]) => (
              <option key={id} value={id}>
                {id} ({count})
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="copy-json" onClick={() => void copy('json')}>
          {t('copyJson')}
        </button>
        <button type="button" data-testid="copy-har" onClick={() => void copy('har')}>
          {t('copyHar')}
        </button>
        <span role="status" class="small">
          {copied}
        </span>
      </div>
      <ol class="dev-list">
        {shown.map(({ event: e, diagnosis: d }) => (
          <DevItem key={e.seq} event={e} diagnosis={d} open={shown.length === 1 || e === main} />
        ))}
      </ol>
      <p class="small">{mainDiagnosis.developerNote}</p>
    </div>
  );
}

function DevItem({ event: e, diagnosis: d, open }: { event: RefusalEvent; diagnosis: Diagnosis; open: boolean }) {
  const mattered = headersThatMattered(d);
  const headers = Object.entries(e.headers);
  return (
    <li data-testid="dev-row" data-cause={d.cause}>
      <details open={open}>
        <summary>
          <span class="status">{statusText(e.status, e.error)}</span> <span class="method">{e.method}</span>{' '}
          <span class="type">{e.type}</span> <time dateTime={new Date(e.time).toISOString()}>{new Date(e.time).toLocaleTimeString()}</time>
          <span class="url">{e.url}</span>
        </summary>
        <dl class="dev-facts">
          <dt>{t('devCause')}</dt>
          <dd>
            <code>{d.cause}</code> · {d.category}
            {d.vendor ? ` · ${vendorName(d.vendor)}` : ''} · {confidenceText(d)} ({Math.round(d.confidence * 100)} %)
          </dd>
          {d.reference && (
            <>
              <dt>{d.reference.label}</dt>
              <dd>
                <code>{d.reference.value}</code>
              </dd>
            </>
          )}
          {e.initiator && (
            <>
              <dt>{t('devInitiator')}</dt>
              <dd>{e.initiator}</dd>
            </>
          )}
        </dl>
        <h4>{t('devHeaders')}</h4>
        {headers.length === 0 ? (
          <p class="muted small">{t('devNoHeaders')}</p>
        ) : (
          <table class="headers">
            <tbody>
              {headers.map(([name, value]) => (
                <tr key={name} class={mattered.has(name) ? 'mattered' : undefined}>
                  <th scope="row">{mattered.has(name) ? <mark title={t('devMattered')}>{name}</mark> : name}</th>
                  <td>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h4>{t('evidenceHeading')}</h4>
        <ul class="dev-evidence">
          {d.evidence.map((ev, i) => (
            <li key={i}>
              <code>{ev.name}</code> {ev.value && <code>{ev.value}</code>} <span class="muted">{ev.note}</span>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}
