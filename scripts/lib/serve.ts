/** A static file server on 127.0.0.1 for the demo and test pages (Firefox runs no content script on file://). */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** A generated file, or one answered only when the function's promise settles (a page that is slow to finish loading). */
export type ServedFile = string | (() => Promise<string>);

/** `pages`: generated files served at the given paths (`/long/1000.html`), beside the directory's files. */
export async function serveDirectory(root: string, port = 0, pages: Record<string, ServedFile> = {}): Promise<StaticServer> {
  const base = path.resolve(root);
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (Object.hasOwn(pages, pathname)) {
      const page = pages[pathname]!;
      void (typeof page === 'string' ? Promise.resolve(page) : page()).then((body) =>
        response.writeHead(200, { 'content-type': TYPES[path.extname(pathname)] ?? 'text/plain', 'cache-control': 'no-store' }).end(body),
      );
      return;
    }
    const file = path.resolve(base, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file)
      .then((body) => {
        // Asked for again on every load, so no fixture is ever served stale; not no-store, which keeps a page out of
        // Firefox's back/forward cache, where the tests must be able to send it.
        response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
        response.end(body);
      })
      .catch(() => response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found'));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
