import { render } from 'preact';
import { t } from '../shared/i18n';
import { App } from './App';
import { preloadProse } from './engine-client';
import { POPUP_SCRIPT_STARTED } from './use-tab-log';

// Everything before this mark is the browser loading the page and its scripts; the flood test
// tells that apart from the popup's own reads (issue 10).
performance.mark(POPUP_SCRIPT_STARTED);

// The language of the messages actually shown (a French browser falls back to English ones).
document.documentElement.lang = t('locale');
document.title = t('extName');
const root = document.getElementById('app');
if (root) render(<App params={new URLSearchParams(location.search)} />, root);
preloadProse();
