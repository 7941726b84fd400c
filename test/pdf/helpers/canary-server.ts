import { createServer, type Server } from 'node:http';

export interface CanaryServer {
  readonly origin: string;
  /** Request paths received, in order. */
  readonly hits: readonly string[];
  close(): Promise<void>;
}

/** An HTTP server on an ephemeral loopback port that records every request it gets. */
export async function startCanaryServer(): Promise<CanaryServer> {
  const hits: string[] = [];
  const server: Server = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'text/plain' }).end('CANARY RESPONSE TEXT');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('Expected a TCP address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
