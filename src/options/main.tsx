import { render } from 'preact';
import { t } from '../shared/i18n';
import { Options } from './Options';

document.documentElement.lang = t('locale');
document.title = t('optionsTitle');
const root = document.getElementById('app');
if (root) render(<Options />, root);
