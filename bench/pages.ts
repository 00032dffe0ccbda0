/**
 * The bench's pages, as HTML strings. Every URL carries the run number so no load is served from
 * a cache, and every response says `no-store` as well.
 */
export const LOAD_COUNTS = { images: 200, scripts: 150, xhrs: 150 } as const;
export const LOAD_TOTAL = LOAD_COUNTS.images + LOAD_COUNTS.scripts + LOAD_COUNTS.xhrs;

/** Every tenth resource of each kind at a fixed offset is refused: 20 + 15 + 15 = 50. */
const REFUSED_AT = { img: 3, js: 5, xhr: 7 } as const;
export const LOAD_REFUSED = 50;

type Kind = keyof typeof REFUSED_AT;

function statusOf(kind: Kind, i: number): number {
  if (i % 10 !== REFUSED_AT[kind]) return 200;
  return Math.floor(i / 10) % 2 === 0 ? 403 : 429;
}

export const resourceUrl = (kind: Kind, i: number, run: string, status: number): string =>
  `/res/${kind}?i=${i}&run=${encodeURIComponent(run)}&s=${status}`;

/** 500 subresources (images, deferred scripts, fetches), 50 of them answered 403 or 429. */
export function loadPage(run: string): string {
  const xhrs: string[] = [];
  for (let i = 0; i < LOAD_COUNTS.xhrs; i++) xhrs.push(JSON.stringify(resourceUrl('xhr', i, run, statusOf('xhr', i))));
  const images: string[] = [];
  for (let i = 0; i < LOAD_COUNTS.images; i++) images.push(`<img src="${resourceUrl('img', i, run, statusOf('img', i))}" width="1" height="1" alt="">`);
  const scripts: string[] = [];
  for (let i = 0; i < LOAD_COUNTS.scripts; i++) scripts.push(`<script defer src="${resourceUrl('js', i, run, statusOf('js', i))}"></script>`);
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Bench: 500 subresources</title>
<script>
window.__bench = new Promise(function (resolve) {
  var urls = [${xhrs.join(',')}];
  var pending = urls.length;
  var loaded = false;
  function check() { if (pending === 0 && loaded) resolve({ ms: performance.now(), scripts: window.__scripts || 0 }); }
  urls.forEach(function (url) {
    fetch(url).then(function (r) { return r.text(); }).catch(function () {}).then(function () { pending--; check(); });
  });
  addEventListener('load', function () { loaded = true; check(); });
});
</script></head>
<body>
${images.join('\n')}
${scripts.join('\n')}
</body></html>`;
}

/** `n` refused requests (images and fetches, 403 and 429), for the popup to explain. */
export function refusedPage(n: number, run: string): string {
  const items: string[] = [];
  for (let i = 0; i < n; i++) {
    const status = i % 2 === 0 ? 403 : 429;
    items.push(JSON.stringify({ url: resourceUrl(i % 4 < 2 ? 'img' : 'xhr', i, run, status), img: i % 4 < 2 }));
  }
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Bench: ${n} refusals</title></head><body>
<script>
window.__bench = Promise.all([${items.join(',')}].map(function (item) {
  if (!item.img) return fetch(item.url).then(function (r) { return r.text(); }).catch(function () {});
  return new Promise(function (done) { var img = new Image(); img.onload = img.onerror = done; img.src = item.url; document.body.appendChild(img); });
})).then(function () { return { ms: performance.now() }; });
</script></body></html>`;
}

/** A page that fires `count` refused fetches on demand, `concurrency` at a time. */
export function floodPage(): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Bench: flood</title></head><body>
<script>
window.__flooded = 0;
window.flood = function (count, concurrency, run) {
  return new Promise(function (resolve) {
    var next = 0, done = 0, start = performance.now();
    function one() {
      if (next >= count) return;
      var i = next++;
      fetch('/res/xhr?i=' + i + '&run=' + run + '&s=' + (i % 2 ? 429 : 403))
        .then(function (r) { return r.arrayBuffer(); }).catch(function () {})
        .then(function () { done++; window.__flooded = done; if (done === count) resolve({ ms: performance.now() - start }); else one(); });
    }
    for (var k = 0; k < concurrency; k++) one();
  });
};
</script></body></html>`;
}

export function plainPage(): string {
  return '<!doctype html><html><head><meta charset="utf-8"><title>Bench: plain</title></head><body><p>Nothing refused here.</p></body></html>';
}
