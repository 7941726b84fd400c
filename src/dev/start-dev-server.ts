import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { build, type BuildResult } from '../build.js';
import { cacheDirName } from '../cache/build-state.js';
import { formatDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import { injectLiveReload } from './inject-live-reload.js';
import { clientPath, eventsPath, liveReloadClient } from './live-reload-client.js';
import { readServedFile } from './read-served-file.js';
import { watchProject } from './watch-project.js';

export interface DevServerOptions {
  readonly root: string;
  /**
   * Where the preview is built. Default: `.briefwright-cache/dev/`, not out/ — an HTML-only
   * preview written to out/ would delete the PDFs of the last real build.
   */
  readonly out?: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Print PDFs on every rebuild too (default: HTML only). */
  readonly pdf?: boolean;
  readonly today?: string;
  readonly color?: boolean;
  /** Where the terminal half of the diagnostics goes (default: nowhere). */
  readonly log?: (text: string) => void;
}

export interface DevServer {
  readonly url: string;
  readonly port: number;
  /** Resolves when the rebuild for everything saved so far is done. */
  rebuild(): Promise<BuildResult>;
  close(): Promise<void>;
}

type BuildState = { state: 'building' } | { state: 'ok' | 'error'; diagnostics: readonly Diagnostic[] };

/**
 * `briefwright dev`: builds once, serves out/ on 127.0.0.1, and rebuilds on every save —
 * through the build cache, so only outputs whose inputs changed are rendered again. Open pages
 * reload after a good build and show an overlay (file:line:col, message, hint) after a bad
 * one, while the terminal prints the same diagnostics. Requests must name the server by its
 * loopback address (the Host header is checked, against DNS rebinding) and may only read
 * what the build wrote.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const root = resolve(options.root);
  const log = options.log ?? (() => undefined);
  const clients = new Set<ServerResponse>();
  let status: BuildState = { state: 'building' };
  const out = options.out ?? join(cacheDirName, 'dev');
  let outDir = resolve(root, out);

  const send = (event: string, data: unknown) => {
    for (const client of clients) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  // One build at a time; saves during a build ask for exactly one more after it.
  let running: Promise<BuildResult> | undefined;
  let again = false;
  const runBuild = async (): Promise<BuildResult> => {
    const started = performance.now();
    status = { state: 'building' };
    const result = await build({
      root,
      formats: options.pdf ? ['html', 'pdf'] : ['html'],
      out,
      ...(options.today === undefined ? {} : { today: options.today }),
    });
    if (result.outDir) outDir = result.outDir;
    const ms = Math.round(performance.now() - started);
    log(formatDiagnostics(result.diagnostics, 'pretty', { color: options.color ?? false }));
    const reused = result.reused?.length ?? 0;
    log(
      result.errors > 0
        ? `briefwright dev: ${result.errors} error${result.errors === 1 ? '' : 's'} (${ms} ms) — shown in the page\n`
        : `briefwright dev: built in ${ms} ms — ${result.outputs.length - reused} rendered, ${reused} reused\n`,
    );
    status = { state: result.errors > 0 ? 'error' : 'ok', diagnostics: result.diagnostics };
    send('status', status);
    if (result.errors === 0) send('reload', {});
    return result;
  };
  const rebuild = (): Promise<BuildResult> => {
    if (running) {
      again = true;
      return running.then(() => rebuild());
    }
    running = runBuild().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        void rebuild();
      }
    });
    return running;
  };

  await rebuild();
  const watcher = watchProject(root, (paths) => {
    log(`briefwright dev: changed ${paths.join(', ')}\n`);
    void rebuild();
  });

  let port = options.port;
  const server = createServer((req, res) => void handle(req, res).catch(() => respond(res, 500, 'Internal error')));
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return respond(res, 403, 'Forbidden: unexpected Host header');
    if (req.method !== 'GET' && req.method !== 'HEAD') return respond(res, 405, 'Method not allowed');
    const path = new URL(req.url ?? '/', `http://${host}`).pathname;
    if (path === eventsPath) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`event: status\ndata: ${JSON.stringify(status)}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (path === clientPath) return respond(res, 200, liveReloadClient, 'text/javascript; charset=utf-8');
    const file = await readServedFile(outDir, path);
    if (!file) {
      // Before the first good build there is no index: a page that can show the overlay.
      if (path === '/' || path === '/index.html') return respond(res, 200, injectLiveReload(placeholderPage), 'text/html; charset=utf-8');
      return respond(res, 404, 'Not found');
    }
    if (file.contentType.startsWith('text/html')) return respond(res, 200, injectLiveReload(file.bytes.toString('utf8')), file.contentType);
    return respond(res, 200, file.bytes, file.contentType);
  };
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    rebuild,
    async close() {
      watcher.close();
      for (const client of clients) client.end();
      await new Promise<void>((done) => server.close(() => done()));
      await running?.catch(() => undefined);
    },
  };
}

function respond(res: ServerResponse, code: number, body: string | Buffer, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(code, { 'content-type': contentType, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

const placeholderPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>briefwright dev</title></head><body><p>No build yet: fix the errors shown and save.</p></body></html>
`;
