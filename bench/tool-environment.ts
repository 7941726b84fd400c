import { spawnSync } from 'node:child_process';

/**
 * Removes NODE_EXTRA_CA_CERTS from the environment every tool in the bench inherits, and says
 * what it cost. Node reads and parses that file before any JavaScript runs, in every process: a
 * sandbox that points it at the whole system bundle (≈150 certificates) adds ≈75 ms to every
 * start of node — briefwright, the floor and md-to-pdf alike, not pandoc. No tool in the bench
 * opens a TLS connection, so the variable does nothing for them; it only skews node against
 * native tools. Returns the note for the report, or undefined when the variable is not set.
 */
export function removeExtraCaCerts(): string | undefined {
  const file = process.env['NODE_EXTRA_CA_CERTS'];
  if (file === undefined) return undefined;
  const withIt = medianStartMs(process.env);
  delete process.env['NODE_EXTRA_CA_CERTS'];
  const without = medianStartMs(process.env);
  return (
    `NODE_EXTRA_CA_CERTS (${file}) was removed from every tool's environment: with it, node took ` +
    `${withIt} ms to start here (\`node -e 0\`, median of 5), without it ${without} ms. ` +
    'No tool in the bench opens a TLS connection; the variable only slows every node start.'
  );
}

function medianStartMs(env: NodeJS.ProcessEnv): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    spawnSync(process.execPath, ['-e', '0'], { env, stdio: 'ignore' });
    times.push(performance.now() - started);
  }
  return Math.round(times.sort((a, b) => a - b)[2]!);
}
