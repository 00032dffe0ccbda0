import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { HarError } from '../engine/har-entry';
import { keyPart, t } from '../shared/i18n';
import { Collector, type Collected, type NetworkLog } from './collector';
import { FindingItem } from './FindingItem';
import { fileLog } from './file-log';
import { groupByCategory, harEntries } from './panel-findings';
import { refusedHar, refusedHarName } from './refused-har';
import { saveFile } from './save-file';

const EMPTY: Collected = { findings: [], seen: 0, dropped: 0 };

/**
 * The "Why Blocked" DevTools panel: the inspected tab's refused requests, grouped by cause. Inside
 * DevTools it reads DevTools' network log (`network`); opened as an ordinary extension page (no
 * DevTools API) it explains a HAR file the user picks instead, through the same collector.
 */
export function Panel({ network, version }: { network: NetworkLog | null; version: string }) {
  const [log, setLog] = useState<NetworkLog | null>(network);
  const [state, setState] = useState<Collected>(EMPTY);
  const [notice, setNotice] = useState('');
  const collector = useRef<Collector | null>(null);

  useEffect(() => {
    if (!log) return;
    const c = new Collector(log, setState);
    collector.current = c;
    void c.start();
    return () => c.dispose();
  }, [log]);

  const groups = useMemo(() => groupByCategory(state.findings), [state.findings]);
  const count = state.findings.length;

  const openFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    try {
      setState(EMPTY);
      setLog(fileLog(harEntries(await file.text())));
      setNotice('');
    } catch (error) {
      setNotice(`${t('harInvalid', [file.name])}${error instanceof HarError ? ` (${error.message})` : ''}`);
    }
  };

  const exportHar = (): void => {
    const name = refusedHarName(state.findings[0]?.observation.url ?? '', new Date());
    saveFile(name, refusedHar(state.findings, version), 'application/json');
    setNotice(t('devtoolsExported', [String(count), name]));
  };

  return (
    <main class="devtools">
      <header class="dt-header">
        <h1>{t('devtoolsHeading')}</h1>
        <div class="dt-tools">
          <button type="button" data-testid="devtools-export" disabled={count === 0} aria-describedby="dt-export-hint" onClick={exportHar}>
            {t('devtoolsExport')}
          </button>
          {network && (
            <button type="button" data-testid="devtools-clear" disabled={state.seen === 0} onClick={() => collector.current?.clear()}>
              {t('devtoolsClear')}
            </button>
          )}
        </div>
        <p id="dt-export-hint" class="muted small">
          {t('devtoolsExportHint')}
        </p>
      </header>
      {!network && (
        <section class="dt-outside" aria-labelledby="dt-open-h">
          <p id="dt-open-h">{t('devtoolsOutside')}</p>
          <label class="drop">
            <span>{t('devtoolsOpenHar')}</span>
            <input type="file" accept=".har,application/json" data-testid="devtools-har-input" onChange={(e) => void openFile((e.currentTarget as HTMLInputElement).files?.[0])} />
          </label>
        </section>
      )}
      <p role="status" data-testid="devtools-summary">
        {log ? (state.seen === 0 ? (network ? t('devtoolsEmpty') : '') : count === 0 ? t('devtoolsNone', [String(state.seen)]) : t('devtoolsSummary', [String(count), String(state.seen)])) : ''}
        {state.dropped > 0 && ` ${t('devtoolsDropped', [String(state.dropped)])}`}
      </p>
      <p role="status" class="small" data-testid="devtools-notice">
        {notice}
      </p>
      {groups.map((group) => (
        <section key={group.category} class="dt-group" data-testid="devtools-group" data-category={group.category} aria-labelledby={`g-${group.category}`}>
          <h2 id={`g-${group.category}`}>{t('devtoolsCategory', [t(`headline_${keyPart(group.category)}`), String(group.findings.length)])}</h2>
          <ol class="dt-list">
            {group.findings.map((finding) => (
              <FindingItem key={finding.key} finding={finding} />
            ))}
          </ol>
        </section>
      ))}
    </main>
  );
}
