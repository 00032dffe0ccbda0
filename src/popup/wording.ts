import type { Diagnosis } from '../engine/types';
import { t } from '../shared/i18n';

/** A message key, or null when the locale has no such message. */
function optional(key: string, subs?: string[]): string | null {
  const text = t(key, subs);
  return text === key ? null : text;
}

export function formatWait(seconds: number): string {
  return seconds >= 90 ? t('minutes', [String(Math.ceil(seconds / 60))]) : t('seconds', [String(seconds)]);
}

/** One plain sentence of what happened, e.g. "You are sending requests too fast: try again in 2 min". */
export function headlineOf(d: Diagnosis): string {
  if (d.category === 'rate-limit' && d.retryAfterSeconds) return t('headline_rate_limit_wait', [formatWait(d.retryAfterSeconds)]);
  return t(`headline_${d.category.replace(/-/g, '_')}`);
}

/** The cause's own sentence: localised where the locale has it, else the engine's English. */
export function summaryOf(d: Diagnosis): string {
  return optional(`cause_${d.cause.replace(/-/g, '_')}`) ?? d.summary;
}
