/**
 * Seconds to wait before retrying, from Retry-After (seconds or an HTTP date) or a rate-limit
 * reset header (epoch seconds, or seconds from now when small). Null when nothing usable.
 */
export function retryAfterSeconds(headers: Record<string, string>, now: number): number | null {
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter) {
    if (/^\d{1,9}$/.test(retryAfter)) return clamp(Number(retryAfter));
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return clamp(Math.ceil((date - now) / 1000));
  }
  const reset = (headers['x-ratelimit-reset'] ?? headers['ratelimit-reset'])?.trim();
  if (reset && /^\d{1,12}$/.test(reset)) {
    const value = Number(reset);
    // Values above ~1e9 are epoch seconds (GitHub style); smaller ones are delta seconds (IETF draft).
    return clamp(value > 1e9 ? Math.ceil(value - now / 1000) : value);
  }
  return null;
}

const DAY = 86_400;
function clamp(seconds: number): number {
  return Math.max(0, Math.min(seconds, DAY));
}
