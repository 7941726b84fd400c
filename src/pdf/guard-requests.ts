import type { ConsoleMessage, HTTPRequest, Page } from 'puppeteer';
import { blockedUrlFromConsole } from './blocked-url-from-console.js';
import type { PrintAsset } from './externalize-fonts.js';
import { virtualOrigin } from './virtual-origin.js';

export interface RequestGuard {
  /** URLs the page tried to load and was refused, in the order seen, each once. */
  readonly blocked: readonly string[];
  /** Removes the listeners, so a reused tab answers only its next document. */
  dispose(): void;
}

/**
 * Installs the print page's only network: the document URL is answered with the HTML, the
 * document's own fonts (moved out of its data: URLs, see externalize-fonts.ts) with their bytes,
 * data: URLs (how assets are inlined) load, and everything else — file://, http(s) anywhere,
 * loopback, other pages — is aborted and recorded, as are requests Chromium refuses itself.
 * Call before navigating.
 */
export async function guardRequests(
  page: Page,
  document: { readonly url: string; readonly html: string },
  assets: ReadonlyMap<string, PrintAsset> = new Map(),
): Promise<RequestGuard> {
  const blocked: string[] = [];
  const block = (url: string) => {
    // Chromium asks for the origin's favicon on its own (and logs its refusal); no content caused it.
    if (url === `${virtualOrigin}/favicon.ico`) return;
    if (!blocked.includes(url)) blocked.push(url);
  };
  await page.setRequestInterception(true);
  const onRequest = (request: HTTPRequest) => {
    const url = request.url();
    const asset = request.method() === 'GET' ? assets.get(url) : undefined;
    const answer =
      url === document.url && request.method() === 'GET'
        ? request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: document.html })
        : asset
          ? // The URL names the bytes (a SHA-256), so the tab may keep them for the next document.
            request.respond({ status: 200, contentType: asset.contentType, headers: { 'cache-control': 'public, max-age=31536000, immutable' }, body: asset.body })
          : url.startsWith('data:')
          ? request.continue()
          : (() => {
              block(url);
              return request.abort('blockedbyclient');
            })();
    // The page may close (timeout, crash) before Chromium takes the answer.
    answer.catch(() => undefined);
  };
  const onConsole = (message: ConsoleMessage) => {
    const url = blockedUrlFromConsole(message.type(), message.text());
    if (url !== undefined) block(url);
  };
  page.on('request', onRequest);
  page.on('console', onConsole);
  return {
    blocked,
    dispose: () => {
      page.off('request', onRequest);
      page.off('console', onConsole);
    },
  };
}
