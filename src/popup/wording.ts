import { confidenceWord, type Diagnosis } from '../engine/types';
import { keyPart, t } from '../shared/i18n';
import { vendorName, vendorNamesLoaded } from './vendor-names';

/** A wait in words: "45 s", "2 min". */
export function formatWait(seconds: number): string {
  return seconds >= 90 ? t('minutes', [String(Math.ceil(seconds / 60))]) : t('seconds', [String(Math.max(0, Math.ceil(seconds)))]);
}

/** A countdown: "1:05". */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const hours = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60));
  const ss = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm.padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/** One plain sentence of what happened, e.g. "You are sending requests too fast: try again in 2 min". */
export function headlineOf(d: Diagnosis, waitLeftSeconds: number): string {
  if (d.category === 'rate-limit' && waitLeftSeconds > 0) return t('headline_rate_limit_wait', [formatWait(waitLeftSeconds)]);
  return t(`headline_${keyPart(d.category)}`);
}

/** What it means for the user: the sentence after the headline, never a repeat of it. */
export function adviceOf(d: Diagnosis, waitLeftSeconds: number): string {
  if (d.category === 'rate-limit' && d.retryAfterSeconds !== null && waitLeftSeconds <= 0) return t('advice_rate_limit_over');
  return t(`advice_${keyPart(d.category)}`);
}

/** "Refused by Cloudflare", or null when no vendor is known. */
export function vendorLine(d: Diagnosis): string | null {
  // The provisional finding shows before the names arrive: no chip rather than a raw id.
  return d.vendor && vendorNamesLoaded() ? t('byVendor', [vendorName(d.vendor)]) : null;
}

/** "Cloudflare is in front of this site but did not refuse this": never read as the blocker. */
export function inFrontLine(d: Diagnosis): string | null {
  const names = (d.inFront ?? []).filter((v) => v !== d.vendor).map(vendorName);
  return names.length ? t('inFrontOf', [names.join(', ')]) : null;
}

export function confidenceText(d: Diagnosis): string {
  return t(`confidence_${confidenceWord(d.confidence)}`);
}

/** Status as people see it in DevTools: "403", or the network error's name. */
export function statusText(status: number, error?: string): string {
  return status ? String(status) : (error ?? t('networkError'));
}
