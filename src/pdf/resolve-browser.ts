import { accessSync, constants, statSync } from 'node:fs';
import puppeteer from 'puppeteer';

/** Where system packages put Chromium or Chrome (Debian/Ubuntu, Fedora, snap, Google's .deb, macOS). */
export const systemBrowserPaths: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export type BrowserSource = 'configured' | 'puppeteer-cache' | 'system';

export type ResolvedBrowser =
  | { readonly found: true; readonly path: string; readonly source: BrowserSource }
  | { readonly found: false; readonly tried: readonly string[]; readonly configured: string | undefined };

export interface ResolveBrowserOptions {
  /** --browser / BRIEFWRIGHT_BROWSER / pdf.browser (config.browser). When set it is the only candidate. */
  readonly configured?: string | undefined;
  /** Test seams; default to puppeteer's cache path and the real filesystem. */
  readonly puppeteerPath?: () => string | undefined;
  readonly systemPaths?: readonly string[];
  readonly isExecutable?: (path: string) => boolean;
}

/**
 * Picks the browser: the configured path (an explicit choice is never silently replaced by
 * another browser), else puppeteer's own download if it exists, else the first system path.
 */
export function resolveBrowser(options: ResolveBrowserOptions = {}): ResolvedBrowser {
  const isExecutable = options.isExecutable ?? isExecutableFile;
  if (options.configured !== undefined && options.configured !== '') {
    return isExecutable(options.configured)
      ? { found: true, path: options.configured, source: 'configured' }
      : { found: false, tried: [options.configured], configured: options.configured };
  }
  const tried: string[] = [];
  const cached = (options.puppeteerPath ?? puppeteerCachePath)();
  if (cached !== undefined) {
    if (isExecutable(cached)) return { found: true, path: cached, source: 'puppeteer-cache' };
    tried.push(cached);
  }
  for (const path of options.systemPaths ?? systemBrowserPaths) {
    if (isExecutable(path)) return { found: true, path, source: 'system' };
    tried.push(path);
  }
  return { found: false, tried, configured: undefined };
}

/** The message and hint of `pdf-browser-missing` for a failed resolution. */
export function describeMissingBrowser(resolved: Extract<ResolvedBrowser, { found: false }>): { message: string; hint: string } {
  if (resolved.configured !== undefined) {
    return {
      message: `The browser \`${resolved.configured}\` (from --browser, BRIEFWRIGHT_BROWSER or pdf.browser) does not exist or is not executable`,
      hint: 'Point it at a Chromium or Chrome executable, or unset it to use puppeteer’s cache or a system Chromium.',
    };
  }
  return {
    message: `No Chromium or Chrome found to print PDFs (looked in puppeteer’s cache and ${resolved.tried.filter((p) => p.startsWith('/usr')).join(', ')})`,
    hint: 'Install one (`apt-get install -y chromium` on Debian/Ubuntu), or pass --browser PATH / set BRIEFWRIGHT_BROWSER; `--formats html` builds without a browser.',
  };
}

/** puppeteer.executablePath() names the cached download whether or not it was ever downloaded. */
function puppeteerCachePath(): string | undefined {
  try {
    return puppeteer.executablePath();
  } catch {
    // Throws when puppeteer's configuration names no browser for this platform.
    return undefined;
  }
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
