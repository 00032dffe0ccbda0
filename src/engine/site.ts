/**
 * The "site" of a URL (registrable domain), close enough for hotlink detection without shipping
 * the Public Suffix List: the last two labels, or three under a known second-level suffix
 * (example.co.uk), or one more than a hosting suffix under which every name is its own site
 * (alice.github.io and bob.github.io are two sites). IP addresses and single labels are their own
 * site. test/public-suffix.test.ts checks these lists against the Public Suffix List (tldts).
 */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'ne', 'or', 'go', 'gob', 'nic', 'ltd', 'plc', 'sch']);

/** Hosting and storage suffixes that refusals come from (pages, CDNs, buckets), from the PSL's private part. */
export const HOSTING_SUFFIXES: ReadonlySet<string> = new Set([
  'github.io', 'gitlab.io', 'bitbucket.io', 'codeberg.page',
  'vercel.app', 'netlify.app', 'pages.dev', 'workers.dev', 'web.app', 'firebaseapp.com', 'appspot.com',
  'herokuapp.com', 'fly.dev', 'onrender.com', 'deno.dev', 'replit.app', 'up.railway.app', 'amplifyapp.com',
  'azurewebsites.net', 'azurestaticapps.net', 'azureedge.net', 'blob.core.windows.net', 'web.core.windows.net',
  'cloudfront.net', 'akamaized.net', 'global.ssl.fastly.net', 'cdn.cloudflare.net', 'trycloudflare.com',
  'r2.dev', 's3.amazonaws.com', 'googleapis.com', 'elasticbeanstalk.com', 'cloudfunctions.net',
  'blogspot.com', 'myshopify.com', 'wixsite.com', 'supabase.co', 'surge.sh', 'ngrok.io', 'ngrok-free.app',
]);

/** AWS names its regional suffixes by service: bucket.s3.us-east-1.amazonaws.com, id.execute-api.<region>... */
const AWS_SERVICE = /^(s3|s3-[a-z0-9-]+|execute-api|lambda-url)$/;

export function registrableDomainOf(url: string): string | null {
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
  for (let i = 1; i < labels.length - 1; i++) {
    const suffix = labels.slice(i).join('.');
    const isAws = (suffix.endsWith('.amazonaws.com') || suffix.endsWith('.on.aws')) && AWS_SERVICE.test(labels[i] ?? '');
    if (isAws || HOSTING_SUFFIXES.has(suffix)) {
      return labels.slice(i - 1).join('.');
    }
  }
  const tld = labels[labels.length - 1] ?? '';
  const second = labels[labels.length - 2] ?? '';
  const take = tld.length === 2 && SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-take).join('.');
}

/** True when both URLs are known and belong to different sites. */
export function isCrossSite(url: string, initiator: string | undefined): boolean {
  if (!initiator) return false;
  const a = registrableDomainOf(url);
  const b = registrableDomainOf(initiator);
  return a !== null && b !== null && a !== b;
}
