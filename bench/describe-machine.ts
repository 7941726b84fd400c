import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { createRequire } from 'node:module';

export interface MachineInfo {
  readonly date: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly loadAverage: readonly number[];
  readonly os: string;
  readonly node: string;
  readonly chromium: string;
  readonly puppeteer: string;
  readonly briefwright: string;
  readonly mdToPdf: string;
  readonly pandoc: string | undefined;
}

const require = createRequire(import.meta.url);

/** What a reader needs to compare these numbers with theirs. */
export function describeMachine(browser: string, pandoc: string | undefined): MachineInfo {
  const osRelease = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]+)"?$/m)?.[1] ?? 'unknown';
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    os: osRelease,
    node: process.version,
    chromium: `${firstLine(execFileSync(browser, ['--version'], { encoding: 'utf8' }))} (${browser})`,
    puppeteer: packageVersion('puppeteer'),
    briefwright: packageVersion('../../package.json'),
    mdToPdf: packageVersion('md-to-pdf'),
    pandoc: pandoc === undefined ? undefined : firstLine(execFileSync(pandoc, ['--version'], { encoding: 'utf8' })),
  };
}

function packageVersion(name: string): string {
  const path = name.endsWith('.json') ? name : `${name}/package.json`;
  return (require(path) as { version: string }).version;
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}
