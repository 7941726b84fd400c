import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { fragmentId, readDestinationPages } from '../../../src/pdf/read-destination-pages.js';

describe('readDestinationPages', () => {
  it('maps named destinations to 1-based pages, from /Dests and the /Names tree', async () => {
    const pdf = await PDFDocument.create();
    const [, second, third] = [pdf.addPage(), pdf.addPage(), pdf.addPage()];
    const ctx = pdf.context;
    // Chromium's shape: the catalog's /Dests dictionary of [page /XYZ x y zoom] arrays, named by
    // the percent-encoded fragment (`#café` → /caf#25C3#25A9).
    pdf.catalog.set(PDFName.of('Dests'), ctx.register(ctx.obj({ overview: [second!.ref, 'XYZ', 6, 827, 0], 'caf%C3%A9': [third!.ref, 'Fit'], 'a%20b': [second!.ref, 'Fit'] })));
    // Other writers: a name tree, and a destination dictionary with /D.
    const leaf = ctx.register(ctx.obj({ Names: [PDFString.of('annex'), ctx.obj({ D: [third!.ref, 'Fit'] })] }));
    pdf.catalog.set(PDFName.of('Names'), ctx.obj({ Dests: ctx.obj({ Kids: [leaf] }) }));
    const pages = readDestinationPages(pdf);
    expect(Object.fromEntries(pages)).toEqual({ overview: 2, 'café': 3, 'a b': 2, annex: 3 });
  });

  it('decodes names whose bytes are UTF-8 and percent-encoded, and keeps a stray %', () => {
    expect(fragmentId('r%C3%A9sum%C3%A9')).toBe('résumé');
    expect(fragmentId(Buffer.from('日本', 'utf8').toString('latin1'))).toBe('日本');
    expect(fragmentId('100%')).toBe('100%');
  });

  it('is empty for a PDF without destinations', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    expect(readDestinationPages(pdf).size).toBe(0);
  });
});
