/**
 * The `devtools_page`: loaded when DevTools opens on a tab, and only then. It adds the panel;
 * the panel reads DevTools' own log itself, so nothing runs while DevTools is closed. It imports
 * nothing, so that, as an entry of the main build, it splits no chunk the worker or the popup
 * loads. Paths start at the extension's root: Firefox resolves them against this page, Chrome
 * against the root. https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/devtools/panels/create
 */
interface PanelsApi {
  create(title: string, iconPath: string, pagePath: string): unknown;
}
interface Api {
  devtools?: { panels?: PanelsApi };
  i18n?: { getMessage(key: 'extName'): string };
}

const g = globalThis as { chrome?: Api; browser?: Api };
const api = g.chrome?.devtools ? g.chrome : g.browser;
void api?.devtools?.panels?.create(api.i18n?.getMessage('extName') || 'Why Blocked', '/icons/icon-32.png', '/src/devtools/panel.html');
