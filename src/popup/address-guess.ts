/**
 * Addresses worth trying instead of a refused one: a likely typo corrected first, then the path one
 * level up. Pure; never suggests the address itself or a non-web address.
 */
const TLD_TYPOS: Record<string, string> = {
  con: 'com', cmo: 'com', ocm: 'com', comm: 'com', vom: 'com', xom: 'com', coom: 'com',
  ogr: 'org', orgg: 'org', rog: 'org',
  nte: 'net', nett: 'net', ent: 'net',
};
/** Characters a copied link often drags along from the sentence around it. */
const TRAILING_JUNK = /(?:[.,;:!)\]}'"»”’]|%20|%22|%29|%5D)+$/i;

export function addressGuesses(address: string): string[] {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return [];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [];
  url.hash = '';
  const original = url.href;
  const guesses: string[] = [];
  const push = (candidate: URL): void => {
    if (candidate.href !== original && !guesses.includes(candidate.href)) guesses.push(candidate.href);
  };

  const fixed = new URL(url.href);
  const labels = fixed.hostname.split('.');
  const tld = labels[labels.length - 1] ?? '';
  const tldFix = TLD_TYPOS[tld];
  if (tldFix && labels.length > 1) labels[labels.length - 1] = tldFix;
  if (/^w{2}$|^w{4,}$/.test(labels[0] ?? '') && labels.length > 2) labels[0] = 'www';
  fixed.hostname = labels.join('.');
  fixed.pathname = fixed.pathname.replace(/\/{2,}/g, '/').replace(TRAILING_JUNK, '');
  if (!fixed.search) fixed.pathname = fixed.pathname || '/';
  push(fixed);

  const segments = url.pathname.split('/').filter(Boolean);
  if (segments.length > 0) {
    const up = new URL(url.origin);
    up.pathname = segments.length > 1 ? `/${segments.slice(0, -1).join('/')}/` : '/';
    push(up);
  }
  return guesses;
}
