import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { readSettings, watchSettings, type Settings } from '../shared/settings';
import { HarExplainer } from './HarExplainer';
import { History } from './History';
import { SettingsForm } from './SettingsForm';

/** History, settings and the HAR explainer on one page, with a table of contents. */
export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void readSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  return (
    <>
      <header>
        <h1>{t('optionsTitle')}</h1>
        <nav aria-label={t('optionsNav')}>
          <ul>
            <li>
              <a href="#history">{t('historyHeading')}</a>
            </li>
            <li>
              <a href="#settings">{t('settingsHeading')}</a>
            </li>
            <li>
              <a href="#har">{t('harHeading')}</a>
            </li>
          </ul>
        </nav>
      </header>
      {settings ? (
        <>
          <History settings={settings} />
          <SettingsForm settings={settings} onSaved={setSettings} />
        </>
      ) : (
        <p class="muted">{t('loading')}</p>
      )}
      <HarExplainer />
    </>
  );
}
