import { describe, expect, it } from 'vitest';
import { describeMissingBrowser, resolveBrowser } from '../../../src/pdf/resolve-browser.js';

const only = (...present: string[]) => (path: string) => present.includes(path);
const systemPaths = ['/usr/bin/chromium', '/usr/bin/google-chrome'];

describe('resolveBrowser', () => {
  it('takes the configured browser first', () => {
    expect(resolveBrowser({ configured: '/opt/c', puppeteerPath: () => '/cache/chrome', systemPaths, isExecutable: only('/opt/c', '/cache/chrome', '/usr/bin/chromium') })).toEqual({
      found: true,
      path: '/opt/c',
      source: 'configured',
    });
  });
  it('never replaces a configured browser that is missing with another one', () => {
    const resolved = resolveBrowser({ configured: '/opt/missing', puppeteerPath: () => '/cache/chrome', systemPaths, isExecutable: only('/cache/chrome', '/usr/bin/chromium') });
    expect(resolved).toEqual({ found: false, tried: ['/opt/missing'], configured: '/opt/missing' });
    if (resolved.found) throw new Error('unreachable');
    expect(describeMissingBrowser(resolved).message).toContain('/opt/missing');
  });
  it('then puppeteer’s cache, then system paths in order', () => {
    expect(resolveBrowser({ puppeteerPath: () => '/cache/chrome', systemPaths, isExecutable: only('/cache/chrome', '/usr/bin/chromium') })).toMatchObject({ path: '/cache/chrome', source: 'puppeteer-cache' });
    expect(resolveBrowser({ puppeteerPath: () => '/cache/chrome', systemPaths, isExecutable: only('/usr/bin/google-chrome') })).toMatchObject({ path: '/usr/bin/google-chrome', source: 'system' });
    expect(resolveBrowser({ puppeteerPath: () => undefined, systemPaths, isExecutable: only('/usr/bin/chromium') })).toMatchObject({ path: '/usr/bin/chromium' });
  });
  it('reports every place it looked, with a hint that names the fix', () => {
    const resolved = resolveBrowser({ puppeteerPath: () => '/cache/chrome', systemPaths, isExecutable: only() });
    expect(resolved).toEqual({ found: false, tried: ['/cache/chrome', ...systemPaths], configured: undefined });
    if (resolved.found) throw new Error('unreachable');
    const { message, hint } = describeMissingBrowser(resolved);
    expect(message).toContain('/usr/bin/chromium');
    expect(hint).toContain('apt-get install -y chromium');
    expect(hint).toContain('--browser');
    expect(hint).toContain('--formats html');
  });
  it('an empty configured value counts as unset', () => {
    expect(resolveBrowser({ configured: '', puppeteerPath: () => undefined, systemPaths, isExecutable: only('/usr/bin/chromium') })).toMatchObject({ source: 'system' });
  });
});
