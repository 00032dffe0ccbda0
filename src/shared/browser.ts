import browser from 'webextension-polyfill';

/** The one place the browser API comes from: tests and the engine never import it. */
export { browser };
export type { Runtime, Tabs, WebRequest } from 'webextension-polyfill';
