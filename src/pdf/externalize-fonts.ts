import { createHash } from 'node:crypto';
import { cspMetaPattern, setCspDirective } from '../templates/set-csp-directive.js';
import { virtualOrigin } from './virtual-origin.js';

/** A font the print page loads from the virtual origin, answered by the request guard. */
export interface PrintAsset {
  readonly contentType: string;
  readonly body: Buffer;
}

/** What the print tab is given instead of the output's HTML. */
export interface PrintCopy {
  readonly html: string;
  /** Absolute URL on the virtual origin → the font behind it. Empty when nothing was moved. */
  readonly assets: ReadonlyMap<string, PrintAsset>;
}

/** Where moved fonts live; each URL ends in the SHA-256 of the font, so it names only those bytes. */
export const fontBase = `${virtualOrigin}/fonts/`;

// Outputs are serialized by briefwright: raw text inside <style> cannot hold `</style`, and
// section Markdown cannot add a <style> (sanitized), so these are the template's style sheets.
const styleElement = /(<style\b[^>]*>)([\s\S]*?)(<\/style\s*>)/gi;
const fontDataUrl = /url\(\s*(["']?)data:(font\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/]+={0,2})\1\s*\)/gi;
const cspMeta = new RegExp(cspMetaPattern, 'gi');

/**
 * The copy of an output the print tab loads: fonts embedded as data: URLs in its style sheets
 * are served from the virtual origin instead, and the copy's CSP allows exactly that path for
 * fonts. Chromium decodes a data: font again for every document, but keeps a font it fetched
 * (immutable, same URL) in the tab's memory cache: with the same four fonts in every letter,
 * that decoding was about a quarter of Chromium's time per one-page letter (BENCHMARKS.md).
 * The PDF bytes are unchanged (same font files, same subsets); the output file on disk keeps
 * its data: URLs. When the copy's CSP cannot be read with certainty, or does not let the
 * document load data: fonts anyway, the HTML is printed as it is.
 */
export function externalizeFonts(html: string): PrintCopy {
  const unchanged: PrintCopy = { html, assets: new Map() };
  // A document that names the font path itself must meet the output's own policy (and be
  // reported as blocked), not a font some earlier document left in the tab's cache.
  if (html.includes(fontBase)) return unchanged;
  const policies = [...html.matchAll(cspMeta)];
  // Any other spelling of a CSP (another attribute order, a header-like mention) is not rewritten.
  if (policies.length !== (html.match(/content-security-policy/gi)?.length ?? 0) || policies.length > 1) return unchanged;
  const policy = policies[0]?.[2];
  if (policy !== undefined && !allowsDataFonts(policy)) return unchanged;

  const assets = new Map<string, PrintAsset>();
  const moved = html.replace(styleElement, (_match, open: string, css: string, close: string) => {
    const sheet = moveFonts(css);
    for (const [url, asset] of sheet.assets) assets.set(url, asset);
    return `${open}${sheet.css}${close}`;
  });
  if (assets.size === 0) return unchanged;
  return {
    html: policy === undefined ? moved : moved.replace(cspMeta, (_match, open: string, content: string, close: string) => `${open}${allowFontBase(content)}${close}`),
    assets,
  };
}

interface MovedSheet {
  readonly css: string;
  readonly assets: ReadonlyMap<string, PrintAsset>;
}

/** Style sheets seen last, by their text: every document of a layout carries the same one. */
const recentSheets = new Map<string, MovedSheet>();
const recentSheetLimit = 8;

/**
 * One style sheet with its data: fonts moved. Remembered by its text, because scanning the
 * base64 of four fonts cost more per letter (≈1.6 ms) than the rest of the print copy.
 */
function moveFonts(css: string): MovedSheet {
  const known = recentSheets.get(css);
  if (known) return known;
  const assets = new Map<string, PrintAsset>();
  const moved = css.replace(fontDataUrl, (_url, _quote: string, contentType: string, payload: string) => {
    const body = Buffer.from(payload, 'base64');
    const url = `${fontBase}${createHash('sha256').update(body).digest('hex')}`;
    assets.set(url, { contentType, body });
    return `url("${url}")`;
  });
  const sheet = { css: moved, assets };
  if (recentSheets.size >= recentSheetLimit) recentSheets.delete(recentSheets.keys().next().value!);
  recentSheets.set(css, sheet);
  return sheet;
}

/** The sources a directive allows, or undefined when the policy does not name it. */
function sourcesOf(policy: string, name: string): string[] | undefined {
  for (const directive of policy.split(';')) {
    const [directiveName, ...sources] = directive.trim().split(/\s+/);
    if (directiveName?.toLowerCase() === name) return sources;
  }
  return undefined;
}

/** Fonts fall back to default-src, and with neither directive anything loads. */
function fontSources(policy: string): string[] | undefined {
  return sourcesOf(policy, 'font-src') ?? sourcesOf(policy, 'default-src');
}

function allowsDataFonts(policy: string): boolean {
  const sources = fontSources(policy);
  return sources === undefined || sources.some((s) => s.toLowerCase() === 'data:');
}

/** The policy with font-src (written out from default-src when it was implicit) also allowing fontBase. */
function allowFontBase(policy: string): string {
  const sources = fontSources(policy);
  return sources === undefined ? policy : setCspDirective(policy, 'font-src', [...sources, fontBase]);
}
