import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser';
import { focusKey, HEADER_TABS_KEY, tabKey, type HeaderTabs, type TabLog } from '../shared/log';

export interface TabState {
  tabId: number | null;
  tabUrl: string;
  log: TabLog | null;
  /** The resource chosen in the context menu, if any. */
  focus: string | null;
  /** The site this tab reads every request's headers for (on the user's request), or null. */
  readingHeaders: string | null;
  loading: boolean;
}

/**
 * Reads the tab's log straight from storage.session (no round trip to a worker that may be asleep)
 * and follows changes while the popup is open.
 */
export function useTabLog(params: URLSearchParams): TabState {
  const [state, setState] = useState<TabState>({ tabId: null, tabUrl: '', log: null, focus: null, readingHeaders: null, loading: true });

  // A layout effect starts the reads right after the first render; a plain effect waits a frame.
  useLayoutEffect(() => {
    let tabId: number | null = null;
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
      if (area !== 'session' || tabId === null) return;
      const change = changes[tabKey(tabId)];
      if (change) setState((s) => ({ ...s, log: (change.newValue as TabLog | undefined) ?? null }));
      const reading = changes[HEADER_TABS_KEY];
      if (reading) setState((s) => ({ ...s, readingHeaders: readingFor(reading.newValue, tabId) }));
    };
    browser.storage.onChanged.addListener(onChanged);
    void (async () => {
      // With the tab named in the address (the explanation page), its log is read while the tab is looked up.
      const named = tabIdParam(params);
      const early = named === null ? null : readStored(named);
      const tab = await resolveTab(named);
      if (!tab) {
        setState({ tabId: null, tabUrl: '', log: null, focus: null, readingHeaders: null, loading: false });
        return;
      }
      tabId = tab.id;
      const stored = await (early ?? readStored(tab.id));
      const focus = params.get('focus') ?? (stored[focusKey(tab.id)] as string | undefined) ?? null;
      if (stored[focusKey(tab.id)] !== undefined) void browser.storage.session.remove(focusKey(tab.id));
      setState({
        tabId: tab.id,
        tabUrl: tab.url,
        log: (stored[tabKey(tab.id)] as TabLog | undefined) ?? null,
        focus: focus || null,
        readingHeaders: readingFor(stored[HEADER_TABS_KEY], tab.id),
        loading: false,
      });
    })();
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  // When the tab's log is on screen: the flood test measures the popup by it (issue 10).
  useEffect(() => {
    if (!state.loading) performance.mark(TAB_LOG_SHOWN);
  }, [state.loading]);

  return state;
}

/** A performance mark: the popup has shown what it read of the tab's log. */
export const TAB_LOG_SHOWN = 'why-blocked:tab-log-shown';
/** A performance mark: the popup's script has started (the page and its chunks are loaded). */
export const POPUP_SCRIPT_STARTED = 'why-blocked:popup-script-started';

function tabIdParam(params: URLSearchParams): number | null {
  const fromParam = Number(params.get('tabId'));
  return params.has('tabId') && Number.isInteger(fromParam) && fromParam >= 0 ? fromParam : null;
}

function readStored(tabId: number): Promise<Record<string, unknown>> {
  return browser.storage.session.get([tabKey(tabId), focusKey(tabId), HEADER_TABS_KEY]);
}

async function resolveTab(named: number | null): Promise<{ id: number; url: string } | null> {
  try {
    if (named !== null) {
      const tab = await browser.tabs.get(named);
      return { id: named, url: tab.url ?? '' };
    }
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id !== undefined ? { id: tab.id, url: tab.url ?? '' } : null;
  } catch {
    return null;
  }
}

function readingFor(value: unknown, tabId: number | null): string | null {
  if (tabId === null || typeof value !== 'object' || value === null) return null;
  const origin = (value as HeaderTabs)[tabId];
  return typeof origin === 'string' ? origin : null;
}
