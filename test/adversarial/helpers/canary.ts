import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPdf } from '../../pdf/helpers/read-pdf.js';

/**
 * Bait for a hostile build: a secret file outside the project whose token must never reach an
 * output, and an HTTP server on 127.0.0.1 that must never be asked for anything. The server
 * closes itself after `lifetimeMs` even if a test forgets to.
 */
export interface Canary {
  readonly token: string;
  readonly dir: string;
  /** Absolute path of the secret file. */
  readonly file: string;
  /** A path that must never be created (code execution would create it). */
  readonly created: string;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly requests: readonly string[];
  close(): Promise<void>;
}

export async function startCanary(lifetimeMs = 600_000): Promise<Canary> {
  const token = `CANARY-${randomBytes(8).toString('hex')}`;
  const dir = await mkdtemp(join(tmpdir(), 'briefwright-canary-'));
  const file = join(dir, 'secret.txt');
  await writeFile(file, `${token}\n`);
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.end(token);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('canary server has no port');
  const stop = setTimeout(() => server.close(), lifetimeMs);
  stop.unref();
  return {
    token,
    dir,
    file,
    created: join(dir, 'created-by-content.txt'),
    origin: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        clearTimeout(stop);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every file below `dir` (relative paths), dot files included. */
export async function listTree(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (abs: string, rel: string): Promise<void> => {
    for (const entry of await readdir(abs, { withFileTypes: true }).catch(() => [])) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(join(abs, entry.name), childRel);
      else out.push(childRel);
    }
  };
  await walk(dir, '');
  return out.sort();
}

/** Files of out/ whose bytes, or whose PDF text, contain the token. */
export async function filesLeaking(outDir: string, token: string): Promise<string[]> {
  const leaks: string[] = [];
  for (const path of await listTree(outDir)) {
    const bytes = await readFile(join(outDir, path));
    let text = bytes.toString('utf8') + bytes.toString('latin1');
    if (path.endsWith('.pdf')) text += (await readPdf(bytes)).text.join('\n');
    if (text.includes(token)) leaks.push(path);
  }
  return leaks;
}
