import { statSync } from 'node:fs';
import { systemBrowserPaths } from '../pdf/system-browser-paths.js';

/**
 * What identifies the browser a build would print with, without resolving it (resolving loads
 * puppeteer, which a no-change build never does): the configured executable, or else every
 * system browser present, each as path, size and mtime. Upgrading a browser, or installing the
 * headless shell that is preferred to `chromium`, changes it, so PDFs printed by the old one are
 * not reused and one out/ never mixes two browsers' layouts. Puppeteer's own downloads are not
 * looked at: a browser downloaded there later needs `--no-cache` once.
 */
export function fingerprintBrowser(configured: string | undefined): string {
  if (configured !== undefined && configured !== '') return identify(configured) ?? `${configured} missing`;
  return systemBrowserPaths
    .map(identify)
    .filter((line) => line !== undefined)
    .join('\n');
}

function identify(path: string): string | undefined {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats ? `${path} ${stats.size} ${stats.mtimeMs}` : undefined;
}
