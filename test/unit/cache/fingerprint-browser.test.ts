import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintBrowser } from '../../../src/cache/fingerprint-browser.js';
import { systemBrowserPaths } from '../../../src/pdf/system-browser-paths.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefwright-browser-id-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fingerprintBrowser', () => {
  it('names a configured browser by path, size and mtime, and changes when it is replaced', async () => {
    const browser = join(dir, 'chrome');
    await writeFile(browser, 'v1');
    await utimes(browser, 1_000, 1_000);
    const before = fingerprintBrowser(browser);
    expect(before).toBe(`${browser} 2 1000000`);
    expect(fingerprintBrowser(browser)).toBe(before);
    await utimes(browser, 2_000, 2_000);
    expect(fingerprintBrowser(browser)).not.toBe(before);
    await writeFile(browser, 'v22');
    await utimes(browser, 1_000, 1_000);
    expect(fingerprintBrowser(browser)).not.toBe(before);
  });
  it('says when a configured browser is missing, and never looks past it', () => {
    expect(fingerprintBrowser(join(dir, 'none'))).toBe(`${join(dir, 'none')} missing`);
  });
  it('unset (or empty), lists the system browsers that exist, in resolution order', () => {
    const lines = fingerprintBrowser(undefined).split('\n').filter((l) => l !== '');
    const paths = lines.map((l) => l.replace(/ \d+ [\d.]+$/, ''));
    expect(paths.every((p) => systemBrowserPaths.includes(p))).toBe(true);
    expect(paths).toEqual(systemBrowserPaths.filter((p) => paths.includes(p)));
    expect(fingerprintBrowser('')).toBe(fingerprintBrowser(undefined));
  });
});
