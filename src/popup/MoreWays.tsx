import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser';
import { t } from '../shared/i18n';
import { websiteUrlOf } from '../shared/platform';
import { addressGuesses } from './address-guess';

interface Props {
  tabId: number;
  pageUrl: string;
  /** Offer address corrections (only when the page itself was refused: the user may have mistyped it). */
  checkAddress: boolean;
}

type Private = 'checking' | 'ok' | 'not-allowed' | 'already' | 'unsupported';

/** Ways around the refusal that need no worker: another window, another address, an archived copy. */
export function MoreWays({ tabId, pageUrl, checkAddress }: Props) {
  const site = websiteUrlOf(pageUrl);
  const [privateState, setPrivateState] = useState<Private>('checking');
  const [error, setError] = useState('');
  useEffect(() => {
    void privateAvailability(tabId).then(setPrivateState);
  }, [tabId]);
  if (!site) return null;

  const home = `${site.origin}/`;
  const atHome = site.pathname === '/' && !site.search;
  const guesses = checkAddress ? addressGuesses(pageUrl).slice(0, 2) : [];
  const go = async (url: string): Promise<void> => {
    try {
      await browser.tabs.update(tabId, { url, active: true });
      // The toolbar popup closes to show the tab; the explanation page (?tabId=) stays open.
      if (!new URLSearchParams(location.search).has('tabId')) window.close();
    } catch (e) {
      setError(t('fixErrorFailed', [String((e as Error)?.message ?? e)]));
    }
  };
  const openPrivate = async (): Promise<void> => {
    try {
      await browser.windows.create({ url: pageUrl, incognito: true });
    } catch (e) {
      setError(t('fixErrorFailed', [String((e as Error)?.message ?? e)]));
    }
  };
  const privateReason: Record<Exclude<Private, 'ok'>, string> = {
    checking: '',
    'not-allowed': t('privateNotAllowed'),
    already: t('privateAlready'),
    unsupported: t('privateUnsupported'),
  };
  const archive = `https://web.archive.org/web/*/${site.origin}${site.pathname}`;

  return (
    <section class="more" aria-labelledby="more-h">
      <h2 id="more-h">{t('moreWaysHeading')}</h2>
      <ul class="fix-list">
        <li class="fix">
          <button type="button" data-testid="fix-private" disabled={privateState !== 'ok'} aria-describedby="hint-private" onClick={() => void openPrivate()}>
            {t('openPrivate')}
          </button>
          <span id="hint-private" class="hint">
            {privateState === 'ok' ? t('openPrivateHint') : privateReason[privateState]}
          </span>
        </li>
        <li class="fix">
          <button type="button" data-testid="fix-home" disabled={atHome} aria-describedby="hint-home" onClick={() => void go(home)}>
            {t('goHome')}
          </button>
          <span id="hint-home" class="hint">
            {atHome ? t('goHomeAlready') : site.host}
          </span>
        </li>
        {checkAddress && (
          <li class="fix">
            {guesses.length === 0 ? (
              <>
                <button type="button" data-testid="fix-check-url" disabled aria-describedby="hint-address">
                  {t('checkAddress')}
                </button>
                <span id="hint-address" class="hint">
                  {t('checkAddressNone')}
                </span>
              </>
            ) : (
              <>
                <span class="fix-label" id="label-address">
                  {t('checkAddress')}
                </span>
                <span class="guesses" role="group" aria-labelledby="label-address">
                  {guesses.map((guess, i) => (
                    <button key={guess} type="button" data-testid={i === 0 ? 'fix-check-url' : undefined} onClick={() => void go(guess)}>
                      {t('tryAddress', [shortUrl(guess)])}
                    </button>
                  ))}
                </span>
              </>
            )}
          </li>
        )}
        <li class="fix">
          <a href={archive} target="_blank" rel="noopener noreferrer" data-testid="fix-archive" aria-describedby="hint-archive">
            {t('archivedCopy')}
          </a>
          <span id="hint-archive" class="hint">
            {t('archivedCopyHint')}
          </span>
        </li>
      </ul>
      <p role="status" class="outcome error">
        {error}
      </p>
    </section>
  );
}

async function privateAvailability(tabId: number): Promise<Private> {
  try {
    if (!browser.windows?.create) return 'unsupported';
    const tab = await browser.tabs.get(tabId);
    if (tab.incognito) return 'already';
    return (await browser.extension.isAllowedIncognitoAccess()) ? 'ok' : 'not-allowed';
  } catch {
    return 'unsupported';
  }
}

/** "https://example.com/a/" -> "example.com/a/" */
function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, '');
}
