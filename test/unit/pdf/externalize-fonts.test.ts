import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { externalizeFonts, fontBase } from '../../../src/pdf/externalize-fonts.js';

const fontBytes = Buffer.from('wOF2 a font file long enough to be worth moving '.repeat(20));
const font = fontBytes.toString('base64');
const fontUrl = `${fontBase}${createHash('sha256').update(fontBytes).digest('hex')}`;
const strict = `default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:`;

function page(options: { policy?: string | undefined; style?: string; body?: string } = {}): string {
  const policy = 'policy' in options ? options.policy : strict;
  const meta = policy === undefined ? '' : `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const style = options.style ?? `@font-face { font-family: A; src: url(data:font/woff2;base64,${font}) format('woff2'); }`;
  return `<!doctype html><html><head>${meta}<style>${style}</style></head><body>${options.body ?? '<p>Text</p>'}</body></html>`;
}

describe('externalizeFonts', () => {
  it('serves the style sheets’ data: fonts from the virtual origin, named by their SHA-256, and lets only that path through the CSP', () => {
    const copy = externalizeFonts(page());
    expect(copy.html).toContain(`src: url("${fontUrl}") format('woff2')`);
    expect(copy.html).not.toContain('base64');
    expect(copy.html).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data: ${fontBase}"`);
    expect([...copy.assets.keys()]).toEqual([fontUrl]);
    expect(copy.assets.get(fontUrl)).toEqual({ contentType: 'font/woff2', body: fontBytes });
  });

  it('gives one asset for a font used by several faces, and moves quoted URLs too', () => {
    const style = `@font-face { src: url("data:font/woff2;base64,${font}"); } @font-face { src: url( 'data:font/woff2;base64,${font}' ); }`;
    const copy = externalizeFonts(page({ style }));
    expect(copy.html.split(fontUrl)).toHaveLength(3);
    expect(copy.assets.size).toBe(1);
  });

  it('writes font-src out from default-src when the policy has no font-src', () => {
    const copy = externalizeFonts(page({ policy: `default-src data:; style-src 'unsafe-inline'` }));
    expect(copy.html).toContain(`content="default-src data:; style-src 'unsafe-inline'; font-src data: ${fontBase}"`);
    expect(copy.assets.size).toBe(1);
  });

  it('moves fonts and adds no policy when the document has none', () => {
    const copy = externalizeFonts(page({ policy: undefined }));
    expect(copy.html).not.toMatch(/content-security-policy/i);
    expect(copy.assets.size).toBe(1);
  });

  it('never touches text outside style sheets, images, or fonts that are not data: URLs', () => {
    const body = `<p><code>url(data:font/woff2;base64,${font})</code></p><img src="data:image/png;base64,${font}" alt="">`;
    const style = `body { background: url(data:image/png;base64,${font}); } @font-face { src: url(fonts/a.woff2); }`;
    const html = page({ style, body });
    expect(externalizeFonts(html)).toEqual({ html, assets: new Map() });
    const mixed = page({ body });
    expect(externalizeFonts(mixed).html).toContain(`<code>url(data:font/woff2;base64,${font})</code>`);
  });

  it('prints the HTML as it is when the policy does not allow data: fonts, or cannot be read with certainty', () => {
    for (const html of [
      page({ policy: `default-src 'none'; style-src 'unsafe-inline'` }),
      page({ policy: `font-src 'self'` }),
      page().replace('<style>', `<meta http-equiv="Content-Security-Policy" content="img-src data:"><style>`),
      page({ policy: undefined }).replace('<head>', `<head><meta content="font-src 'none'" http-equiv="Content-Security-Policy">`),
      page({ body: `<p>${fontBase}0000</p>` }),
    ]) {
      expect(externalizeFonts(html)).toEqual({ html, assets: new Map() });
    }
  });
});
