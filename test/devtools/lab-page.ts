import type { LabRoutes } from '../../e2e/lab/server';

/**
 * One page of the block lab whose requests are refused in as many ways as the lab knows: a
 * Cloudflare block and challenge in frames, a 429 and a 403 from scripts (GET and POST), the site's own 403 passed on
 * by Cloudflare, a refused
 * image, a 200 F5 block page in a frame, Cloudflare's hostile page, and two ordinary answers. The
 * DevTools panel's recorded fixtures (test/fixtures/har/devtools-lab-*.har) and its end-to-end test
 * load this same page.
 */
export const DEVTOOLS_LAB_PATH = '/devtools-lab';

export const F5_SUPPORT_ID = '18324565874638291745';

const HTML = 'text/html; charset=UTF-8';

export function devtoolsLabRoutes(): LabRoutes {
  return {
    [DEVTOOLS_LAB_PATH]: {
      status: 200,
      headers: { 'content-type': HTML },
      body: `<!doctype html><html lang="en"><head><title>DevTools lab</title></head><body>
<h1>DevTools lab</h1>
<img src="/img/photo.jpg" alt="photo" width="32" height="32">
<iframe src="/cloudflare/block" title="block"></iframe>
<iframe src="/cloudflare/challenge" title="challenge"></iframe>
<iframe src="/f5/rejected" title="f5"></iframe>
<iframe src="/hostile" title="hostile"></iframe>
<script>
  // Settles once every request is done, so a recorder knows when the page is finished.
  // Each body is read, as a real app does: DevTools keeps only the bodies the page read.
  const read = (url, init) => fetch(url, init).then((r) => r.text());
  window.labDone = Promise.allSettled([
    read('/api/search?q=shoes'),
    read('/api/orders'),
    read('/api/orders', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"item":1}' }),
    read('/api/account'),
    read('/ok'),
  ]).then(() => true);
</script>
</body></html>`,
    },
    // The site's own 403 passed on by Cloudflare: Cloudflare is in front, it did not refuse.
    '/api/account': {
      status: 403,
      headers: { 'content-type': 'application/json', server: 'cloudflare', 'cf-ray': '8f3c2b1a4d5e6f72-FRA', 'cf-cache-status': 'DYNAMIC' },
      body: JSON.stringify({ error: 'forbidden', message: 'Your plan does not include the account API.' }),
    },
    // F5 BIG-IP ASM answers with 200; only its page says it refused.
    '/f5/rejected': {
      status: 200,
      headers: { 'content-type': HTML, 'cache-control': 'no-cache', connection: 'close' },
      body: `<html><head><title>Request Rejected</title></head><body>The requested URL was rejected. Please consult with your administrator.<br><br>Your support ID is: ${F5_SUPPORT_ID}<br><br><a href='javascript:history.back();'>[Go Back]</a></body></html>`,
    },
  };
}
