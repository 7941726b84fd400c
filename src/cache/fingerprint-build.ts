import { resolve } from 'node:path';
import type { BuildOptions } from '../config/load-config.js';
import { cacheFormat } from './build-state.js';
import { fingerprintBrowser } from './fingerprint-browser.js';
import { fingerprintInputs } from './fingerprint-inputs.js';
import { fingerprintTool } from './fingerprint-tool.js';

/**
 * The fingerprint of a whole build: every input file, the tool, and each option or environment
 * variable that can change what is written or reported. Options are taken as given, not as
 * resolved (resolving means parsing the config file, which is itself an input). `strict`,
 * `concurrency` and `onProgress` are left out: they change neither bytes nor diagnostics.
 */
export async function fingerprintBuild(options: BuildOptions): Promise<string> {
  const root = resolve(options.root ?? '.');
  return fingerprintInputs(root, {
    format: cacheFormat,
    tool: await fingerprintTool(),
    out: options.out ?? null,
    only: options.only ?? [],
    formats: options.formats ?? null,
    browser: options.browser ?? null,
    // As given: a `pdf.browser` in the config file is an input file, hashed with the others, but
    // by its name only here (reading it means parsing the config); the unit keys stat it too.
    browserFiles: fingerprintBrowser(options.browser ?? process.env['BRIEFWRIGHT_BROWSER']),
    pdfTimeout: options.pdfTimeout ?? null,
    // fact-stale compares with today: a new day is a new build.
    today: options.today ?? new Date().toISOString().slice(0, 10),
    shard: options.shard ?? null,
    environment: { SOURCE_DATE_EPOCH: process.env['SOURCE_DATE_EPOCH'] ?? null, BRIEFWRIGHT_BROWSER: process.env['BRIEFWRIGHT_BROWSER'] ?? null },
  });
}
