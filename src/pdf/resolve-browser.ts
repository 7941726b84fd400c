import { accessSync, constants, statSync } from 'node:fs';
import puppeteer from 'puppeteer';
import { systemBrowserPaths } from './system-browser-paths.js';

export { systemBrowserPaths };

export type BrowserSource = 'configured' | 'puppeteer-cache' | 'system';

export type ResolvedBrowser =
  | { readonly found: true; readonly path: string; readonly source: BrowserSource }
  | { readonly found: false; readonly tried: readonly string[]; readonly configured: string | undefined };

export interface ResolveBrowserOptions {
  /** --browser / BRIEFWRIGHT_BROWSER / pdf.browser (config.browser). When set it is the only candidate. */
  readonly configured?: string | undefined;
  /** Test seams; default to puppeteer's cache paths (headless shell, then Chrome) and the real filesystem. */
  readonly puppeteerPaths?: () => readonly string[];
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
  for (const cached of (options.puppeteerPaths ?? puppeteerCachePaths)()) {
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
    hint: 'Install one (`apt-get install -y chromium-headless-shell` or `apt-get install -y chromium` on Debian), or pass --browser PATH / set BRIEFWRIGHT_BROWSER; `--formats html` builds without a browser.',
  };
}

/**
 * Where puppeteer's download of the headless shell and of Chrome would be (it downloads both
 * by default); puppeteer names them whether or not they were ever downloaded.
 */
function puppeteerCachePaths(): readonly string[] {
  const paths: string[] = [];
  for (const headless of ['shell', true] as const) {
    try {
      paths.push(puppeteer.executablePath({ headless }));
    } catch {
      // Throws when puppeteer's configuration names no such browser for this platform.
    }
  }
  return [...new Set(paths)];
}

/** Chromium's headless shell (Debian's `chromium-headless-shell`, puppeteer's `chrome-headless-shell`). */
export function isHeadlessShell(path: string): boolean {
  return /(?:^|[/\\])(?:chromium|chrome)-headless-shell(?:\.exe)?$/.test(path);
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
