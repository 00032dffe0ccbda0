/**
 * The "site" of a URL (registrable domain), close enough for hotlink detection without shipping
 * the Public Suffix List: the last two labels, or three under a known second-level suffix
 * (example.co.uk). IP addresses and single labels are their own site.
 */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'ne', 'or', 'go', 'gob', 'nic', 'ltd', 'plc', 'sch']);

export function siteOf(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  if (!host) return null;
  if (host.startsWith('[') || /^[\d.]+$/.test(host)) return host;
  const labels = host.split('.').filter(Boolean);
  if (labels.length <= 2) return labels.join('.');
  const tld = labels[labels.length - 1] ?? '';
  const second = labels[labels.length - 2] ?? '';
  const take = tld.length === 2 && SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-take).join('.');
}

/** True when both URLs are known and belong to different sites. */
export function isCrossSite(url: string, initiator: string | undefined): boolean {
  if (!initiator) return false;
  const a = siteOf(url);
  const b = siteOf(initiator);
  return a !== null && b !== null && a !== b;
}
