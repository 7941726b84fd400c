import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * CLI tests spawn the bin users run, and the parser thread imports compiled code even under
 * test: compile and bundle once, as `npm run compile` does, before any test runs.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const run = (script: string, ...args: string[]) => execFileSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url)), ...args], { cwd: root, stdio: 'inherit' });
  run('../node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json');
  run('../scripts/bundle-cli.mjs');
}
