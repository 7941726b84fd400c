import { PDFDict, PDFDocument, PDFInvalidObject, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadPdf, UnparsedObject } from '../../../src/pdf/load-pdf.js';
import { objectsOf } from '../../helpers/pdf-objects.js';

/** A small PDF in Chromium's shape: one classic cross-reference table, no object streams. */
async function samplePdf(options: { objectStreams?: boolean } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.addPage([200, 200]).drawText('Hello', { x: 20, y: 100 });
  pdf.addPage([200, 200]);
  const note = pdf.context.register(pdf.context.obj({ Type: 'Note', Text: PDFString.of('kept as written') }));
  pdf.catalog.set(PDFName.of('Note'), note);
  return pdf.save({ useObjectStreams: options.objectStreams ?? false });
}

const unparsedCount = (pdf: PDFDocument) => pdf.context.enumerateIndirectObjects().filter(([, o]) => o instanceof UnparsedObject).length;
describe('loadPdf', () => {
  it('parses an object only when it is looked up', async () => {
    const pdf = await loadPdf(await samplePdf());
    const total = pdf.context.enumerateIndirectObjects().length;
    // The constructor looked up the catalog; nothing else has been parsed yet.
    expect(unparsedCount(pdf)).toBe(total - 1);
    expect(pdf.getPageCount()).toBe(2);
    expect(unparsedCount(pdf)).toBeLessThan(total - 1);
    expect(pdf.catalog.lookup(PDFName.of('Note'), PDFDict).get(PDFName.of('Text'))).toEqual(PDFString.of('kept as written'));
  });

  it('saves a file with the same objects, the changed ones changed, the others byte for byte', async () => {
    const bytes = await samplePdf();
    const pdf = await loadPdf(bytes);
    pdf.setTitle('Changed');
    const saved = await pdf.save({ useObjectStreams: false });
    const before = await objectsOf(bytes);
    const after = await objectsOf(saved);
    expect([...after.keys()].sort()).toEqual([...new Set([...before.keys(), ...after.keys()])].sort());
    const changed = [...after].filter(([n, text]) => before.get(n) !== text).map(([n]) => n);
    // The Info dictionary, and the catalog it sets /ViewerPreferences on (pdf-lib's setTitle).
    expect(changed.length).toBeLessThanOrEqual(3);
    expect((await PDFDocument.load(saved)).getTitle()).toBe('Changed');
    // An untouched object is copied, not re-serialized: its bytes are in the output as they were.
    const unparsed = (await loadPdf(bytes)).context.enumerateIndirectObjects().find(([, o]) => o instanceof UnparsedObject)![1] as UnparsedObject;
    expect(Buffer.from(saved).indexOf(Buffer.from(unparsed.bytes))).toBeGreaterThan(0);
  });

  it('keeps an object it cannot parse as its bytes, as the whole-file load does', async () => {
    const bytes = Buffer.from(await samplePdf());
    const at = bytes.toString('latin1').indexOf('/Type /Note');
    const broken = bytes.toString('latin1').lastIndexOf('<<', at);
    bytes.write('))', broken, 'latin1');
    const pdf = await loadPdf(new Uint8Array(bytes));
    const note = pdf.catalog.get(PDFName.of('Note'));
    expect(pdf.context.lookup(note)).toBeInstanceOf(PDFInvalidObject);
    const saved = Buffer.from(await pdf.save({ useObjectStreams: false }));
    expect(saved.toString('latin1')).toContain('))\n/Type /Note');
    expect((await PDFDocument.load(saved)).getPageCount()).toBe(2);
  });

  it('loads any other file whole: object streams, an incremental update, a damaged table', async () => {
    const streams = await loadPdf(await samplePdf({ objectStreams: true }));
    expect(unparsedCount(streams)).toBe(0);
    expect(streams.getPageCount()).toBe(2);

    const base = await samplePdf();
    const updated = await PDFDocument.load(base, { updateMetadata: false });
    updated.setTitle('Second');
    // pdf-lib cannot write an incremental update; append one by hand: a new Info object, a table, a trailer with /Prev.
    const startxref = Number(/startxref\s+(\d+)/.exec(Buffer.from(base).toString('latin1').slice(-64))![1]);
    const size = updated.context.largestObjectNumber + 1;
    const object = `${size} 0 obj\n<< /Title (Second) >>\nendobj\n`;
    const xrefAt = base.length + object.length;
    const tail = `${object}xref\n0 1\n0000000000 65535 f\r\n${size} 1\n${String(base.length).padStart(10, '0')} 00000 n\r\ntrailer\n<< /Size ${size + 1} /Root ${updated.context.trailerInfo.Root!.toString()} /Info ${size} 0 R /Prev ${startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const incremental = Buffer.concat([Buffer.from(base), Buffer.from(tail, 'latin1')]);
    const loaded = await loadPdf(new Uint8Array(incremental));
    expect(unparsedCount(loaded)).toBe(0);
    expect(loaded.getTitle()).toBe('Second');

    const damaged = Buffer.from(base);
    const entry = Buffer.from(damaged).toString('latin1').indexOf(' 00000 n');
    damaged.write('9999999999', entry - 10, 'latin1');
    const whole = await loadPdf(new Uint8Array(damaged));
    expect(unparsedCount(whole)).toBe(0);
    expect(whole.getPageCount()).toBe(2);
  });
});
