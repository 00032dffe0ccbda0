import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { floodPage, loadPage, plainPage, refusedPage } from './pages';

/**
 * The bench's own server on 127.0.0.1: pages from pages.ts and the resources they load. A
 * resource's status is in its URL (`s=`); refusals look like a small web server's: an HTML body,
 * a request id, and Retry-After on 429.
 */
export interface BenchServer {
  origin: string;
  close(): Promise<void>;
}

// A 1x1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const SCRIPT = Buffer.from(`window.__scripts = (window.__scripts || 0) + 1;\n/* ${'x'.repeat(400)} */\n`);
const JSON_BODY = Buffer.from(JSON.stringify({ ok: true, items: Array.from({ length: 8 }, (_, i) => ({ id: i, name: `item ${i}` })) }));
const REFUSED_BODY: Record<number, Buffer> = {
  403: Buffer.from('<!doctype html><html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1><p>You don\u2019t have permission to access this resource.</p></body></html>'),
  429: Buffer.from('<!doctype html><html><head><title>429 Too Many Requests</title></head><body><h1>Too Many Requests</h1><p>Slow down.</p></body></html>'),
};

let requestSeq = 0;

function send(res: ServerResponse, status: number, type: string, body: Buffer | string, extra: Record<string, string> = {}): void {
  const buffer = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, {
    'content-type': type,
    'content-length': String(buffer.length),
    'cache-control': 'no-store',
    server: 'bench-lab',
    'x-request-id': (++requestSeq).toString(16).padStart(12, '0'),
    vary: 'accept-encoding',
    ...extra,
  });
  res.end(buffer);
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const run = url.searchParams.get('run') ?? '0';
  switch (url.pathname) {
    case '/load':
      return send(res, 200, 'text/html; charset=utf-8', loadPage(run));
    case '/refused':
      return send(res, 200, 'text/html; charset=utf-8', refusedPage(Math.min(5000, Number(url.searchParams.get('n')) || 200), run));
    case '/flood':
      return send(res, 200, 'text/html; charset=utf-8', floodPage());
    case '/plain':
      return send(res, 200, 'text/html; charset=utf-8', plainPage());
    case '/favicon.ico':
      res.writeHead(204, { 'cache-control': 'no-store' });
      return void res.end();
  }
  const kind = url.pathname.startsWith('/res/') ? url.pathname.slice(5) : '';
  const status = Number(url.searchParams.get('s')) || 200;
  if (status !== 200) {
    const body = REFUSED_BODY[status] ?? REFUSED_BODY[403] as Buffer;
    return send(res, status, 'text/html; charset=utf-8', body, status === 429 ? { 'retry-after': '30' } : {});
  }
  if (kind === 'img') return send(res, 200, 'image/png', PNG);
  if (kind === 'js') return send(res, 200, 'text/javascript; charset=utf-8', SCRIPT);
  if (kind === 'xhr') return send(res, 200, 'application/json', JSON_BODY);
  send(res, 404, 'text/plain', 'not found');
}

export async function startServer(): Promise<BenchServer> {
  const server = createServer(handle);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
