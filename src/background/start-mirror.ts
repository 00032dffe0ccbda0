/**
 * What the worker must know synchronously when it starts, to register its listeners at once.
 * Firefox's event page has localStorage: listeners registered while its script first runs are the
 * ones Firefox keeps primed while it is suspended, and the only ones that get the events which
 * woke it (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/Background_scripts).
 * Chromium's service worker has no synchronous storage: there header-bridge.ts covers the gap.
 * storage.session stays the truth; this is a copy read only at start.
 */
function area(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readStartMirror(key: string): unknown {
  try {
    const text = area()?.getItem(key);
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

export function writeStartMirror(key: string, value: unknown): void {
  try {
    area()?.setItem(key, JSON.stringify(value));
  } catch {
    // Full or unavailable: the worker only starts a little less well informed.
  }
}
