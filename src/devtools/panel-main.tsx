import { render } from 'preact';
import { browser } from '../shared/browser';
import { t } from '../shared/i18n';
import { devtoolsNetwork } from './network';
import { Panel } from './Panel';

document.documentElement.lang = t('locale');
document.title = t('extName');
const root = document.getElementById('app');
if (root) render(<Panel network={devtoolsNetwork()} version={browser.runtime.getManifest().version} />, root);
