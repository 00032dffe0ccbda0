import type { NetworkLog } from './collector';

/**
 * DevTools' network API in either browser. Both expose it to the devtools page and its panels
 * only. The `chrome` namespace takes callbacks in both (Chrome's getHAR has no promise form);
 * Firefox's getContent returns a promise of [body, mimeType] instead of calling back with
 * (body, encoding): https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/devtools.network/onRequestFinished
 */
interface DevtoolsNetworkApi {
  getHAR(callback: (log: { entries?: unknown[] }) => void): unknown;
  onRequestFinished: { addListener(fn: (entry: unknown) => void): void; removeListener(fn: (entry: unknown) => void): void };
}

interface ContentSource {
  getContent?: (callback?: (content: string | null, encoding: string) => void) => unknown;
}

interface DevtoolsGlobal {
  chrome?: { devtools?: { network?: DevtoolsNetworkApi; inspectedWindow?: { tabId?: number } } };
  browser?: { devtools?: { network?: DevtoolsNetworkApi } };
}

/** The inspected tab's network log, or null outside DevTools (the panel page opened as a tab). */
export function devtoolsNetwork(): NetworkLog | null {
  const g = globalThis as DevtoolsGlobal;
  const network = g.chrome?.devtools?.network ?? g.browser?.devtools?.network;
  if (!network) return null;
  return {
    entries: () =>
      new Promise((resolve) => {
        const done = (log: { entries?: unknown[] } | undefined): void => resolve(Array.isArray(log?.entries) ? log.entries : []);
        const returned = network.getHAR(done);
        if (isThenable(returned)) void returned.then((log) => done(log as { entries?: unknown[] }), () => done(undefined));
      }),
    subscribe(listener) {
      network.onRequestFinished.addListener(listener);
      return () => network.onRequestFinished.removeListener(listener);
    },
    content: (entry) =>
      new Promise((resolve, reject) => {
        const getContent = (entry as ContentSource).getContent;
        if (typeof getContent !== 'function') return resolve(null);
        try {
          const returned = getContent.call(entry, (content, encoding) => resolve(content ? { text: content, ...(encoding ? { encoding } : {}) } : null));
          // Firefox: [body, mimeType]; the body is text, never base64.
          if (isThenable(returned)) void returned.then((value) => resolve(Array.isArray(value) && typeof value[0] === 'string' && value[0] ? { text: value[0] } : null), reject);
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      }),
  };
}

function isThenable(value: unknown): value is Promise<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
