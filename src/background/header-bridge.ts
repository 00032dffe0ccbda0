import { browser } from '../shared/browser';

type Details = { tabId: number; type: string };

/** Far more than a page loads in the few milliseconds a restore takes. */
const MAX_HELD = 500;

/**
 * A worker woken by a page's request does not know yet which tabs read headers, nor whether the
 * user reads them everywhere: storage answers a few milliseconds later, while the page that woke it
 * is already loading its images, whose headers would be gone by then (issue 10). Until `known`
 * settles, one listener with headers on every response holds the subresources' answers; then those
 * of the tabs that read headers go to `forward`, and the listener goes. Registered synchronously,
 * at the worker's start, like every listener.
 */
export function bridgeHeadersUntil(known: Promise<unknown>, forward: (details: never) => void): void {
  const held: Details[] = [];
  const hold = (details: Details): void => {
    if (details.type !== 'main_frame' && details.type !== 'sub_frame' && held.length < MAX_HELD) held.push(details);
  };
  try {
    browser.webRequest.onHeadersReceived.addListener(hold as never, { urls: ['<all_urls>'] }, ['responseHeaders']);
  } catch (error) {
    console.warn('Why Blocked: could not read headers while starting', error);
    return;
  }
  void known.finally(() => {
    // The tabs' own listeners are registered by now: removing this one after them loses nothing.
    browser.webRequest.onHeadersReceived.removeListener(hold as never);
    for (const details of held.splice(0)) {
      try {
        forward(details as never);
      } catch (error) {
        console.warn('Why Blocked: could not record a response', error);
      }
    }
  });
}
