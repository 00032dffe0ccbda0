import { render } from 'preact';
import { t } from '../shared/i18n';
import { App } from './App';
import { preloadProse } from './engine-client';

// The language of the messages actually shown (a French browser falls back to English ones).
document.documentElement.lang = t('locale');
document.title = t('extName');
const root = document.getElementById('app');
if (root) render(<App params={new URLSearchParams(location.search)} />, root);
preloadProse();
