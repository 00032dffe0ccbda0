import { useMemo } from 'preact/hooks';
import { diagnose } from '../engine/diagnose';
import { t } from '../shared/i18n';
import type { RefusalEvent } from '../shared/log';
import { observationOf } from '../shared/observation';
import { Finding } from './Finding';
import { OtherRefusals } from './OtherRefusals';
import { usePageExtras } from './use-page-extras';
import { useTabLog } from './use-tab-log';

export function App({ params }: { params: URLSearchParams }) {
  const state = useTabLog(params);
  const events = state.log?.events ?? [];
  const main = useMemo(() => pickMain(events, state.focus), [events, state.focus]);
  const extras = usePageExtras(state.tabId, main);
  const diagnosis = useMemo(() => (main ? diagnose(observationOf(main, extras)) : null), [main, extras]);

  if (state.loading) return <p class="muted">{t('loading')}</p>;
  if (state.tabId === null) return <p>{t('noTab')}</p>;
  if (!main || !diagnosis || !state.log) {
    return (
      <section class="clean" data-testid="clean">
        <h1>{t('cleanTitle')}</h1>
        <p class="muted">{t('cleanBody')}</p>
      </section>
    );
  }
  const focusMissed = state.focus !== null && main.url !== state.focus;
  return (
    <>
      {focusMissed && <p class="note">{t('focusNotFound', [state.focus ?? ''])}</p>}
      <Finding tabId={state.tabId} tabUrl={state.tabUrl} log={state.log} event={main} diagnosis={diagnosis} />
      <OtherRefusals events={events.filter((e) => e !== main)} />
      {state.log.dropped > 0 && <p class="muted small">{t('dropped', [String(state.log.dropped)])}</p>}
    </>
  );
}

/** The chosen resource if it was refused, else the page itself, else the newest of the worst. */
function pickMain(events: readonly RefusalEvent[], focus: string | null): RefusalEvent | null {
  if (events.length === 0) return null;
  if (focus) {
    const focused = findLast(events, (e) => e.url === focus);
    if (focused) return focused;
  }
  const page = findLast(events, (e) => e.severity === 2);
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
