import { describe, expect, it } from 'vitest';
import { readOutput, withoutDataPayloads } from '../../../src/verify/read-output.js';

const payload = 'QUJD'.repeat(5_000);

describe('readOutput', () => {
  it('reads the same text, ids and links whether or not embedded data: URLs carry their payload', () => {
    const page = (data: string) =>
      `<!doctype html><html><head><title>T</title><style>@font-face{src:url("data:font/woff2;base64,${data}")}</style></head>` +
      `<body><h1 id="top">Heading</h1><p>Before <img alt="Chart of 25,000 accounts" src="data:image/png;base64,${data}"> after.</p>` +
      `<p><a href="#top">back</a></p></body></html>`;
    const full = readOutput(page(payload));
    const empty = readOutput(page(''));
    expect(full.text).toBe(empty.text);
    expect(full.text).toContain('Chart of 25,000 accounts');
    expect(full.text).toContain('Before');
    expect(full.text).toContain('after.');
    expect([...full.ids]).toEqual(['top']);
    expect(full.hrefs).toEqual(['#top']);
  });

  it('drops data: URL payloads once and for all: a second pass changes nothing', () => {
    const html = `<img src="data:image/png;base64,${payload}"><style>@font-face{src:url(data:font/woff2;base64,${payload})}</style>`;
    const stripped = withoutDataPayloads(html);
    expect(stripped).toBe('<img src="data:image/png;base64,"><style>@font-face{src:url(data:font/woff2;base64,)}</style>');
    expect(withoutDataPayloads(stripped)).toBe(stripped);
  });

  it('still reads text that merely looks like base64 when it is not a data: URL payload', () => {
    const word = 'A'.repeat(300);
    expect(readOutput(`<p>${word} 25000</p>`).text).toContain(`${word} 25000`);
  });

  it('reads ids, links and the attributes readers meet, and skips style sheets and templates', () => {
    const reading = readOutput(
      '<!doctype html><html><head><meta name="description" content="Indexed summary"><style>p::after{content:"Hidden style"}</style></head>' +
        '<body><a name="old-anchor" href="#sec" aria-label="Jump to the section">Jump</a><map><area href="faq.html#costs" alt="Costs"></map>' +
        '<section id="sec"><p title="Tooltip">Body</p></section><template><p id="inert">Inert</p></template>' +
        '<svg><a xlink:href="#svg-target"><text>Chart</text></a></svg></body></html>',
    );
    expect([...reading.ids]).toEqual(['old-anchor', 'sec']);
    expect(reading.hrefs).toEqual(['#sec', 'faq.html#costs']);
    for (const seen of ['Indexed summary', 'Jump to the section', 'Costs', 'Tooltip', 'Body', 'Chart']) expect(reading.text).toContain(seen);
    expect(reading.text).not.toContain('Hidden style');
    expect(reading.text).not.toContain('Inert');
  });
});
