import { render } from 'preact';
import { t } from '../shared/i18n';

function Options() {
  return (
    <>
      <h1>{t('extName')}</h1>
      <p>{t('extDescription')}</p>
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<Options />, root);
