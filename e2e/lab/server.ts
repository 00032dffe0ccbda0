import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SCENARIOS } from './scenarios';

/**
 * The block lab: a local server that answers as real block sources do. Tests declare extra routes
 * inline (`startLab({ '/x': { status: 403, ... } })` or `lab.route(...)`) so the server's answer
 * sits next to the assertion about it.
 */

/** What a route answers. Header values may be arrays (several Set-Cookie lines). */
export interface LabAnswer {
  status?: number;
  headers?: Record<string, string | readonly string[]>;
  body?: string;
  /** Send the headers at once and the body this much later (a slow server or a big page). */
  bodyDelayMs?: number;
  /** Answer nothing for this long, then answer in full (a request still in flight). */
  delayMs?: number;
}

/** A route: a fixed answer, or a function of the request (and how many times it was hit). */
export type LabRoute = LabAnswer | ((req: IncomingMessage, hits: number) => LabAnswer);

export type LabRoutes = Record<string, LabRoute>;

/** Two sites on one server: browsers treat 127.0.0.1 and localhost as different sites. */
export type LabSite = 'a' | 'b';

export interface Lab {
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** http://localhost:PORT, a different site for cookies and storage. */
  otherOrigin: string;
  /** Absolute URL of a path on site a (default) or b. */
  url(path: string, site?: LabSite): string;
  /** Adds (or replaces) a route and returns its URL on site a. */
  route(path: string, answer: LabRoute): string;
  /** How many requests reached a path (query string ignored). */
  hits(path: string): number;
  close(): Promise<void>;
}

const HTML = 'text/html; charset=UTF-8';

/** Routes every lab has: the scenarios, their helpers, the index and a quiet favicon. */
function builtInRoutes(): LabRoutes {
  const routes: LabRoutes = {
    '/': { status: 200, headers: { 'content-type': HTML }, body: indexPage() },
    // A 404 favicon is not a refusal, but an empty 204 keeps logs quiet in both browsers.
    '/favicon.ico': { status: 204, headers: { 'cache-control': 'max-age=86400' } },
  };
  for (const scenario of SCENARIOS) Object.assign(routes, scenario.routes);
  return routes;
}

function indexPage(): string {
  const items = SCENARIOS.map(
    (s) =>
      `<li>${s.before ? `<a href="${s.before}">first this</a>, then ` : ''}<a href="${s.path}" data-scenario="${s.id}">${s.title}</a>` +
      ` <small>expects ${s.expected.category ?? 'nothing refused'}${s.expected.vendor ? ` (${s.expected.vendor})` : ''}</small></li>`,
  ).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Why Blocked block lab</title></head>
<body><h1>Why Blocked block lab</h1><p>Each link answers as a real block source does.</p><ul>
${items}
</ul></body></html>`;
}

export async function startLab(extra: LabRoutes = {}): Promise<Lab> {
  const routes: LabRoutes = { ...builtInRoutes(), ...extra };
  const counts = new Map<string, number>();

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://lab').pathname;
    const hits = (counts.get(path) ?? 0) + 1;
    counts.set(path, hits);
    const route = routes[path];
    const answer: LabAnswer = route === undefined
      ? { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found in the block lab' }
      : typeof route === 'function' ? route(req, hits) : route;
    if (answer.delayMs) {
      const timer = setTimeout(() => respond(req, res, { ...answer, delayMs: 0 }), answer.delayMs);
      res.once('close', () => clearTimeout(timer));
      return;
    }
    respond(req, res, answer);
  });
  // Browsers keep connections alive; close them on shutdown rather than waiting minutes.
  server.keepAliveTimeout = 1000;

  function respond(req: IncomingMessage, res: ServerResponse, answer: LabAnswer): void {
    const headers: Record<string, string | string[]> = { 'cache-control': 'no-store' };
    for (const [name, value] of Object.entries(answer.headers ?? {})) {
      headers[name.toLowerCase()] = typeof value === 'string' ? value : [...value];
    }
    const body = answer.body ?? '';
    if (body && !headers['content-type']) headers['content-type'] = HTML;
    headers['content-length'] = String(Buffer.byteLength(body));
    res.writeHead(answer.status ?? 200, headers);
    if (!answer.bodyDelayMs) {
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    res.flushHeaders();
    const timer = setTimeout(() => res.end(req.method === 'HEAD' ? undefined : body), answer.bodyDelayMs);
    res.once('close', () => clearTimeout(timer));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const otherOrigin = `http://localhost:${port}`;

  return {
    port,
    origin,
    otherOrigin,
    url: (path, site = 'a') => `${site === 'a' ? origin : otherOrigin}${path}`,
    route(path, answer) {
      routes[path] = answer;
      return `${origin}${path}`;
    },
    hits: (path) => counts.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
