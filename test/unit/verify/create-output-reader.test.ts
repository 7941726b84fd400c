import { describe, expect, it } from 'vitest';
import { createOutputReader } from '../../../src/verify/create-output-reader.js';
import { readOutput } from '../../../src/verify/read-output.js';

const page = (n: number) =>
  `<!doctype html><html><head><title>Page ${n}</title><style>@font-face{src:url("data:font/woff2;base64,${'QUJD'.repeat(200)}")}</style></head>` +
  `<body><h1 id="h${n}">Heading ${n}</h1><p>Text of page ${n} <a href="#h${n}">back</a> <img alt="Chart ${n}" src="x.png"></p></body></html>`;

describe('createOutputReader', () => {
  it('reads on its thread exactly what readOutput reads here, each output its own reading', async () => {
    const reader = createOutputReader({ threaded: true });
    try {
      const pages = Array.from({ length: 12 }, (_, i) => page(i));
      const readings = await Promise.all(pages.map((p) => reader.read(p)));
      // Still on the thread: a thread that failed to start would have handed the readings back here.
      expect(reader.threaded).toBe(true);
      expect(readings).toEqual(pages.map((p) => readOutput(p)));
      expect([...readings[3]!.ids]).toEqual(['h3']);
    } finally {
      await reader.close();
    }
  });

  it('reads here when not threaded', async () => {
    const reader = createOutputReader({ threaded: false });
    expect(reader.threaded).toBe(false);
    expect(await reader.read(page(2))).toEqual(readOutput(page(2)));
    await reader.close();
  });

  it('reads here once closed', async () => {
    const reader = createOutputReader({ threaded: true });
    await reader.close();
    expect(reader.threaded).toBe(false);
    expect(await reader.read(page(1))).toEqual(readOutput(page(1)));
  });
});
