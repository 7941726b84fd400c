import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** CLI tests spawn the compiled bin: compile once before any test runs. */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
}
