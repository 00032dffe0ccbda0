import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Diagnosis } from '../engine/types';
import { browser } from '../shared/browser';
import { t } from '../shared/i18n';
import type { RefusalEvent } from '../shared/log';
import { observationOf } from '../shared/observation';
import { vendorName } from './vendor-names';
import { copyText } from './clipboard';
import { Recheck } from './Recheck';
import { diagnoseAll } from './engine-client';
import { headersThatMattered, toHar, toJson, type DevRow } from './dev-export';
import { confidenceText, statusText } from './wording';

interface Props {
  events: readonly RefusalEvent[];
  /** The main finding, already refined with the page's text: reused rather than diagnosed again. */
  main: RefusalEvent;
  mainDiagnosis: Diagnosis;
  /** The tab, for "Check this request" on each refused GET. */
  tabId?: number;
}

/** Every refused request of the page, with the headers that mattered, filterable and exportable. Loaded on demand. */
export function DevDetails({ events, main, mainDiagnosis, tabId }: Props) {
  const [others, failed] = useOthersDiagnosed(events, main);
  const rows = useMemo<DevRow[]>(
    () =>
      [...events]
        .reverse()
        .flatMap((event) => {
          const diagnosis = event === main ? mainDiagnosis : others?.get(event);
          return diagnosis ? [{ event, diagnosis }] : [];
        }),
    [events, main, mainDiagnosis, others],
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

  if (rows.length < events.length) return <p class="muted small">{failed ? t('devLoadFailed') : t('loading')}</p>;
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
          <DevItem key={e.seq} event={e} diagnosis={d} open={shown.length === 1 || e === main} tabId={tabId} />
        ))}
      </ol>
      <p class="small">{mainDiagnosis.developerNote}</p>
    </div>
  );
}

/** The other events' diagnoses, from the worker in one message: null until they arrive, and whether that failed. */
function useOthersDiagnosed(events: readonly RefusalEvent[], main: RefusalEvent): [Map<RefusalEvent, Diagnosis> | null, boolean] {
  const [found, setFound] = useState<{ events: readonly RefusalEvent[]; byEvent: Map<RefusalEvent, Diagnosis> } | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    const others = events.filter((event) => event !== main);
    diagnoseAll(others.map((event) => observationOf(event))).then(
      (diagnoses) => {
        if (live) setFound({ events, byEvent: new Map(others.map((event, i) => [event, diagnoses[i] as Diagnosis])) });
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [events, main]);
  return [found && found.events === events ? found.byEvent : null, failed];
}

function DevItem({ event: e, diagnosis: d, open, tabId }: { event: RefusalEvent; diagnosis: Diagnosis; open: boolean; tabId: number | undefined }) {
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
        <h3>{t('devHeaders')}</h3>
        {headers.length === 0 ? (
          <p class="muted small">{t(e.noHeaders ? 'devHeadersNotRead' : 'devNoHeaders')}</p>
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
        <h3>{t('evidenceHeading')}</h3>
        <ul class="dev-evidence">
          {d.evidence.map((ev, i) => (
            <li key={i}>
              <code>{ev.name}</code> {ev.value && <code>{ev.value}</code>} <span class="muted">{ev.note}</span>
            </li>
          ))}
        </ul>
        {tabId !== undefined && <Recheck tabId={tabId} event={e} idPrefix="dev-rc" />}
      </details>
    </li>
  );
}
