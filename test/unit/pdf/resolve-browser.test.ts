import { describe, expect, it } from 'vitest';
import { describeMissingBrowser, isHeadlessShell, resolveBrowser, systemBrowserPaths } from '../../../src/pdf/resolve-browser.js';

const only = (...present: string[]) => (path: string) => present.includes(path);
const systemPaths = ['/usr/bin/chromium', '/usr/bin/google-chrome'];

describe('resolveBrowser', () => {
  it('takes the configured browser first', () => {
    expect(resolveBrowser({ configured: '/opt/c', puppeteerPaths: () => ['/cache/chrome'], systemPaths, isExecutable: only('/opt/c', '/cache/chrome', '/usr/bin/chromium') })).toEqual({
      found: true,
      path: '/opt/c',
      source: 'configured',
    });
  });
  it('never replaces a configured browser that is missing with another one', () => {
    const resolved = resolveBrowser({ configured: '/opt/missing', puppeteerPaths: () => ['/cache/chrome'], systemPaths, isExecutable: only('/cache/chrome', '/usr/bin/chromium') });
    expect(resolved).toEqual({ found: false, tried: ['/opt/missing'], configured: '/opt/missing' });
    if (resolved.found) throw new Error('unreachable');
    expect(describeMissingBrowser(resolved).message).toContain('/opt/missing');
  });
  it('then puppeteer’s cache, then system paths in order', () => {
    expect(resolveBrowser({ puppeteerPaths: () => ['/cache/chrome'], systemPaths, isExecutable: only('/cache/chrome', '/usr/bin/chromium') })).toMatchObject({ path: '/cache/chrome', source: 'puppeteer-cache' });
    expect(resolveBrowser({ puppeteerPaths: () => ['/cache/chrome'], systemPaths, isExecutable: only('/usr/bin/google-chrome') })).toMatchObject({ path: '/usr/bin/google-chrome', source: 'system' });
    expect(resolveBrowser({ puppeteerPaths: () => [], systemPaths, isExecutable: only('/usr/bin/chromium') })).toMatchObject({ path: '/usr/bin/chromium' });
  });
  it('reports every place it looked, with a hint that names the fix', () => {
    const resolved = resolveBrowser({ puppeteerPaths: () => ['/cache/chrome'], systemPaths, isExecutable: only() });
    expect(resolved).toEqual({ found: false, tried: ['/cache/chrome', ...systemPaths], configured: undefined });
    if (resolved.found) throw new Error('unreachable');
    const { message, hint } = describeMissingBrowser(resolved);
    expect(message).toContain('/usr/bin/chromium');
    expect(hint).toContain('apt-get install -y chromium');
    expect(hint).toContain('--browser');
    expect(hint).toContain('--formats html');
  });
  it('an empty configured value counts as unset', () => {
    expect(resolveBrowser({ configured: '', puppeteerPaths: () => [], systemPaths, isExecutable: only('/usr/bin/chromium') })).toMatchObject({ source: 'system' });
  });
  it('prefers Chromium’s headless shell, in puppeteer’s cache and on the system', () => {
    const puppeteerPaths = () => ['/cache/chrome-headless-shell', '/cache/chrome'];
    expect(resolveBrowser({ puppeteerPaths, systemPaths, isExecutable: only('/cache/chrome', '/cache/chrome-headless-shell') })).toMatchObject({ path: '/cache/chrome-headless-shell' });
    expect(resolveBrowser({ puppeteerPaths: () => [], isExecutable: only('/usr/bin/chromium', '/usr/lib/chromium/chromium-headless-shell') })).toMatchObject({
      path: '/usr/lib/chromium/chromium-headless-shell',
      source: 'system',
    });
    expect(systemBrowserPaths.indexOf('/usr/lib/chromium/chromium-headless-shell')).toBeLessThan(systemBrowserPaths.indexOf('/usr/bin/chromium'));
  });
  it('tells the headless shell from a full browser by its file name', () => {
    expect(isHeadlessShell('/usr/lib/chromium/chromium-headless-shell')).toBe(true);
    expect(isHeadlessShell('/root/.cache/puppeteer/chrome-headless-shell/linux-1/chrome-headless-shell-linux64/chrome-headless-shell')).toBe(true);
    expect(isHeadlessShell('C:\\b\\chrome-headless-shell.exe')).toBe(true);
    expect(isHeadlessShell('/usr/bin/chromium')).toBe(false);
    expect(isHeadlessShell('/cache/chrome-headless-shell-linux64/chrome')).toBe(false);
  });
});
