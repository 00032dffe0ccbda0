import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { ERROR_CHOICES, HISTORY_DAY_CHOICES, STATUS_CHOICES, statusWordKey, writeSettings, type Settings } from '../shared/settings';

/** Every setting saves as soon as it changes; the worker follows storage changes. */
export function SettingsForm({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const [status, setStatus] = useState('');
  const save = async (change: Partial<Settings>): Promise<void> => {
    try {
      onSaved(await writeSettings(change));
      setStatus(t('settingsSaved'));
    } catch (error) {
      setStatus(t('fixErrorFailed', [String((error as Error)?.message ?? error)]));
    }
  };
  const toggleIn = <T,>(list: readonly T[], item: T, ignored: boolean): T[] =>
    ignored ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

  return (
    <section id="settings" aria-labelledby="settings-h">
      <h2 id="settings-h">{t('settingsHeading')}</h2>
      <fieldset>
        <legend>{t('settingsCounted')}</legend>
        <p class="muted small">{t('settingsCountedHint')}</p>
        <div class="choices">
          {STATUS_CHOICES.map((code) => (
            <label key={code}>
              <input
                type="checkbox"
                data-testid={`setting-status-${code}`}
                checked={!settings.ignoredStatuses.includes(code)}
                onChange={(e) => void save({ ignoredStatuses: toggleIn(settings.ignoredStatuses, code, !(e.currentTarget as HTMLInputElement).checked) })}
              />{' '}
              {code} <span class="muted">{t(statusWordKey(code))}</span>
            </label>
          ))}
          {ERROR_CHOICES.map((name) => (
            <label key={name}>
              <input
                type="checkbox"
                data-testid={`setting-error-${name}`}
                checked={!settings.ignoredErrors.includes(name)}
                onChange={(e) => void save({ ignoredErrors: toggleIn(settings.ignoredErrors, name, !(e.currentTarget as HTMLInputElement).checked) })}
              />{' '}
              <code>{name}</code> <span class="muted">{t(`error_${name}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('settingsHeaders')}</legend>
        <label>
          <input
            type="checkbox"
            data-testid="setting-all-headers"
            aria-describedby="hint-all-headers"
            checked={settings.allHeaders}
            onChange={(e) => void save({ allHeaders: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          {t('settingsAllHeaders')}
        </label>
        <p class="muted small" id="hint-all-headers">
          {t('settingsAllHeadersHint')}
        </p>
      </fieldset>
      <fieldset>
        <legend>{t('settingsDisplay')}</legend>
        <label>
          <input type="checkbox" data-testid="setting-badge" checked={settings.badge} onChange={(e) => void save({ badge: (e.currentTarget as HTMLInputElement).checked })} />{' '}
          {t('settingsBadge')}
        </label>
        <label>
          <input
            type="checkbox"
            data-testid="setting-notifications"
            checked={settings.notifications}
            onChange={(e) => void save({ notifications: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          {t('settingsNotifications')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('settingsHistory')}</legend>
        <label>
          <input type="checkbox" data-testid="setting-history" checked={settings.history} onChange={(e) => void save({ history: (e.currentTarget as HTMLInputElement).checked })} />{' '}
          {t('settingsHistoryOn')}
        </label>
        <label>
          {t('settingsHistoryDays')}{' '}
          <select
            data-testid="setting-history-days"
            value={String(settings.historyDays)}
            disabled={!settings.history}
            onChange={(e) => void save({ historyDays: Number((e.currentTarget as HTMLSelectElement).value) })}
          >
            {[...new Set([...HISTORY_DAY_CHOICES, settings.historyDays])]
              .sort((a, b) => a - b)
              .map((days) => (
                <option key={days} value={String(days)}>
                  {t('days', [String(days)])}
                </option>
              ))}
          </select>
        </label>
      </fieldset>
      <p role="status" class="small">
        {status}
      </p>
    </section>
  );
}
