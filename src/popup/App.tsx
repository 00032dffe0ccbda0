import { useMemo } from 'preact/hooks';
import { t } from '../shared/i18n';
import { SEVERITY, type RefusalEvent } from '../shared/log';
import type { ScheduledRetry } from '../shared/scheduled-retry';
import { DeveloperSection } from './DeveloperSection';
import { describeResult } from './fix-run';
import { Finding } from './Finding';
import { HostAccess } from './HostAccess';
import { LoadedPage } from './LoadedPage';
import { useLastOutcome } from './last-outcome';
import { OtherRefusals } from './OtherRefusals';
import { usePageExtras } from './use-page-extras';
import { useScheduledRetry } from './use-scheduled-retry';
import { useDiagnosis } from './use-diagnosis';
import { useLoadedPage } from './use-loaded-page';
import { useTabLog } from './use-tab-log';
import { useWriteBack } from './use-write-back';

export function App({ params }: { params: URLSearchParams }) {
  const state = useTabLog(params);
  const events = state.log?.events ?? [];
  const main = useMemo(() => pickMain(events, state.focus), [events, state.focus]);
  const extras = usePageExtras(state.tabId, main);
  const found = useDiagnosis(main, extras);
  const scheduled = useScheduledRetry(state.tabId);
  useWriteBack(state.tabId, main, found?.settled ? found.diagnosis : null);
  // Nothing recorded: the page itself may still be a block page that came with 200 (F5's).
  const loaded = useLoadedPage(state.tabId, state.tabUrl, !state.loading && !main);

  if (state.loading) return <p class="muted">{t('loading')}</p>;
  if (state.tabId === null) return <p>{t('noTab')}</p>;
  if (!main || !found || !state.log) {
    if (loaded === null) return <p class="muted" aria-busy="true">{t('readingPage')}</p>;
    if (loaded !== 'clean') {
      return (
        <>
          <HostAccess url={state.tabUrl} />
          <LoadedPage tabId={state.tabId} tabUrl={state.tabUrl} found={loaded} scheduled={scheduled} readingHeaders={state.readingHeaders} />
        </>
      );
    }
    return <><HostAccess url={state.tabUrl} /><Clean scheduled={scheduled} /></>;
  }
  const focusMissed = state.focus !== null && main.url !== state.focus;
  return (
    <>
      <HostAccess url={state.tabUrl} />
      {focusMissed && <p class="note">{t('focusNotFound', [state.focus ?? ''])}</p>}
      <Finding
        tabId={state.tabId}
        tabUrl={state.tabUrl}
        log={state.log}
        event={main}
        diagnosis={found.diagnosis}
        settled={found.settled}
        scheduled={scheduled}
        pageText={extras?.pageText}
        readingHeaders={state.readingHeaders}
      />
      <OtherRefusals events={events.filter((e) => e !== main)} />
      {state.log.dropped > 0 && <p class="muted small" data-testid="dropped">{t('dropped', [String(state.log.dropped)])}</p>}
      <DeveloperSection events={events} main={main} mainDiagnosis={found.diagnosis} tabId={state.tabId} />
    </>
  );
}

/** Nothing refused; if a retry (automatic, or one clicked in this popup) just made the page load, say so. */
function Clean({ scheduled }: { scheduled: ScheduledRetry | null }) {
  const clicked = useLastOutcome();
  const auto = scheduled?.state === 'done' && scheduled.result && Date.now() - scheduled.at < 10 * 60_000 ? scheduled : null;
  const text =
    clicked && (!auto || clicked.at >= auto.at) ? clicked.text : auto?.result ? t('autoRetryDone', [describeResult(auto.result)]) : null;
  return (
    <section class="clean" data-testid="clean" aria-labelledby="clean-h">
      <h1 id="clean-h">{t('cleanTitle')}</h1>
      {/* Always rendered, so screen readers announce the outcome when it arrives after the switch. */}
      <p class={text ? 'note' : undefined} role="status" data-testid="retry-outcome">
        {text ?? ''}
      </p>
      <p class="muted">{t('cleanBody')}</p>
    </section>
  );
}

/** The chosen resource if it was refused, else the page itself, else the newest of the worst. */
function pickMain(events: readonly RefusalEvent[], focus: string | null): RefusalEvent | null {
  if (events.length === 0) return null;
  if (focus) {
    const focused = findLast(events, (e) => e.url === focus);
    if (focused) return focused;
  }
  const page = findLast(events, (e) => e.severity === SEVERITY.page);
  if (page) return page;
  let worst = events[events.length - 1] ?? null;
  for (const e of events) if (worst && e.severity > worst.severity) worst = e;
  return worst;
}

function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item !== undefined && test(item)) return item;
  }
  return undefined;
}
