/**
 * The plainest static file server there is: files from one folder under a sub-path
 * (/microcosm/), as a project page or a school's web server would serve the build. No
 * rewrites, no fallbacks, no knowledge of the app.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  /** The site's address, ending in the sub-path and a slash. */
  url: string;
  /** Every path asked for, in order, with the status it got. */
  log: { path: string; status: number }[];
  close(): Promise<void>;
}

export async function serveStatic(folder: string, prefix = '/microcosm/'): Promise<StaticServer> {
  const dir = resolve(folder);
  const log: StaticServer['log'] = [];
  const send = (res: ServerResponse, path: string, status: number, body: string | Buffer = '', headers: Record<string, string> = {}) => {
    log.push({ path, status });
    res.writeHead(status, headers).end(body);
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === prefix.slice(0, -1)) return send(res, path, 301, '', { location: prefix });
    if (!path.startsWith(prefix)) return send(res, path, 404, 'not found');
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (file !== dir && !file.startsWith(dir + sep)) return send(res, path, 404, 'not found');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      send(res, path, 200, await readFile(file), { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    } catch {
      send(res, path, 404, 'not found');
    }
  };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    log,
    close: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}
