import { describe, expect, it } from 'vitest';
import { injectLiveReload } from '../../src/dev/inject-live-reload.js';

const page = (policy: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}"><title>t</title></head><body><p>x</p></body></html>`;
const policyOf = (html: string) => /Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];

describe('injectLiveReload', () => {
  it('adds the client script in the head and exactly script-src/connect-src self to the policy', () => {
    const html = injectLiveReload(page("default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:"));
    expect(policyOf(html)).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; script-src 'self'; connect-src 'self'");
    expect(html).toMatch(/<script src="\/__briefwright\/client\.js" defer><\/script>\n<\/head>/);
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('replaces an existing script-src or connect-src rather than adding a second one (the first would win)', () => {
    const html = injectLiveReload(page("default-src 'none'; script-src 'none'; connect-src https://x.example"));
    expect(policyOf(html)).toBe("default-src 'none'; script-src 'self'; connect-src 'self'");
  });

  it('works on a page without a policy or a head', () => {
    expect(injectLiveReload('<p>bare</p>')).toBe('<script src="/__briefwright/client.js" defer></script>\n<p>bare</p>');
  });
});
