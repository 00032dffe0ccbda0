import { t } from '../shared/i18n';

/**
 * The `devtools_page`: loaded when DevTools opens on a tab, and only then. It adds the panel;
 * the panel reads DevTools' own network log itself, so nothing runs while DevTools is closed.
 * Paths start at the extension's root: Firefox resolves them against this page, Chrome against
 * the root. https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/devtools/panels/create
 */
interface PanelsApi {
  create(title: string, iconPath: string, pagePath: string): unknown;
}

const g = globalThis as { chrome?: { devtools?: { panels?: PanelsApi } }; browser?: { devtools?: { panels?: PanelsApi } } };
const panels = g.chrome?.devtools?.panels ?? g.browser?.devtools?.panels;
void panels?.create(t('extName'), '/icons/icon-32.png', '/src/devtools/panel.html');
