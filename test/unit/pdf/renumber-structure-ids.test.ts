import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadPdf, UnparsedObject } from '../../../src/pdf/load-pdf.js';
import { renumberStructureIds, structureId } from '../../../src/pdf/renumber-structure-ids.js';
import { objectsOf } from '../../helpers/pdf-objects.js';

/**
 * A tagged table shaped like Chromium's: header cells carry /ID (Blink node ids), body cells
 * point at them through /Headers, and /IDTree maps the ids back to the elements.
 */
async function taggedTable(firstNodeId: number): Promise<{ pdf: PDFDocument; th: PDFRef[]; td: PDFRef[] }> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.addPage();
  const ctx = pdf.context;
  const id = (n: number) => PDFString.of(structureId(n));
  const th = [ctx.register(ctx.obj({ Type: 'StructElem', S: 'TH', ID: id(firstNodeId), K: 0 })), ctx.register(ctx.obj({ Type: 'StructElem', S: 'TH', ID: id(firstNodeId + 1), K: 1 }))];
  // Chromium's shape: /A [<< /O /Table /Headers [(id)] >> << /O /Table /RowSpan 1 >>].
  const cell = (header: number, k: number) =>
    ctx.register(ctx.obj({ Type: 'StructElem', S: 'TD', A: [ctx.obj({ O: 'Table', Headers: [id(header)] }), ctx.obj({ O: 'Table', RowSpan: 1 })], K: k }));
  const td = [cell(firstNodeId, 2), cell(firstNodeId + 1, 3)];
  const rows = [ctx.register(ctx.obj({ Type: 'StructElem', S: 'TR', K: th })), ctx.register(ctx.obj({ Type: 'StructElem', S: 'TR', K: td }))];
  const table = ctx.register(ctx.obj({ Type: 'StructElem', S: 'Table', K: rows }));
  // Sorted by the old ids, as Chromium writes it: a root with one leaf kid.
  const leaf = ctx.register(ctx.obj({ Names: [id(firstNodeId), th[0]!, id(firstNodeId + 1), th[1]!], Limits: [id(firstNodeId), id(firstNodeId + 1)] }));
  const idTree = ctx.register(ctx.obj({ Kids: [leaf] }));
  pdf.catalog.set(PDFName.of('StructTreeRoot'), ctx.register(ctx.obj({ Type: 'StructTreeRoot', K: table, IDTree: idTree })));
  return { pdf, th, td };
}

const text = (v: unknown) => (v instanceof PDFString ? v.decodeText() : undefined);

describe('renumberStructureIds', () => {
  it('renames ids in object-number order and rewrites /Headers and /IDTree to match', async () => {
    const { pdf, th, td } = await taggedTable(42);
    expect(renumberStructureIds(pdf)).toBe(2);
    const lookup = (ref: PDFRef) => pdf.context.lookup(ref, PDFDict);
    expect(th.map((r) => text(lookup(r).get(PDFName.of('ID'))))).toEqual(['node00000001', 'node00000002']);
    const headerOf = (r: PDFRef) => lookup(r).lookup(PDFName.of('A'), PDFArray).lookup(0, PDFDict).lookup(PDFName.of('Headers'), PDFArray).get(0);
    expect(td.map((r) => text(headerOf(r)))).toEqual(['node00000001', 'node00000002']);
    const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const tree = root.lookup(PDFName.of('IDTree'), PDFDict);
    expect(tree.get(PDFName.of('Kids'))).toBeUndefined();
    const names = tree.lookup(PDFName.of('Names'), PDFArray).asArray();
    expect(names.map((n) => text(n) ?? n)).toEqual(['node00000001', th[0], 'node00000002', th[1]]);
  });

  it('makes documents that differ only in Blink’s node counter byte-identical', async () => {
    const save = async (first: number) => {
      const { pdf } = await taggedTable(first);
      renumberStructureIds(pdf);
      return pdf.save({ useObjectStreams: false });
    };
    const [a, b] = [await save(14), await save(15)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('numbers by object number, Chromium’s order of writing, not by the ids it had', async () => {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    const ctx = pdf.context;
    const first = ctx.register(ctx.obj({ Type: 'StructElem', S: 'TH', ID: PDFString.of(structureId(90)) }));
    const second = ctx.register(ctx.obj({ Type: 'StructElem', S: 'TH', ID: PDFString.of(structureId(26)) }));
    pdf.catalog.set(PDFName.of('StructTreeRoot'), ctx.register(ctx.obj({ Type: 'StructTreeRoot', K: [second, first] })));
    expect(renumberStructureIds(pdf)).toBe(2);
    expect([first, second].map((r) => text(pdf.context.lookup(r, PDFDict).get(PDFName.of('ID'))))).toEqual(['node00000001', 'node00000002']);
  });

  it('leaves untagged PDFs alone', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    expect(renumberStructureIds(pdf)).toBe(0);
  });
});

/**
 * A tagged table written byte for byte as Chromium writes one (`<</Type /StructElem\n/S /TH …`,
 * one classic cross-reference table), so that loadPdf leaves its objects unparsed. The third
 * header cell carries alt text that looks like a node id (by default, the second cell's): it
 * must not be renamed.
 */
function chromiumTable(first: number, altId = first + 1): Uint8Array {
  const node = (n: number) => `(${structureId(first + n)})`;
  const cell = (header: number, k: number) => `<</Type /StructElem\n/S /TD\n/P 11 0 R\n/K ${k}\n/A [<</O /Table\n/Headers [${node(header)}]>> <</O /Table\n/RowSpan 1>> <</O /Table\n/ColSpan 1>>]>>`;
  const objects = [
    '<</Type /Catalog\n/Pages 2 0 R\n/StructTreeRoot 3 0 R>>',
    '<</Type /Pages\n/Count 0\n/Kids []>>',
    '<</Type /StructTreeRoot\n/K 11 0 R\n/IDTree 4 0 R>>',
    '<</Kids [5 0 R]>>',
    `<</Names [${node(0)} 6 0 R ${node(1)} 7 0 R ${node(2)} 8 0 R]\n/Limits [${node(0)} ${node(2)}]>>`,
    `<</Type /StructElem\n/S /TH\n/P 11 0 R\n/K [0 12 0 R]\n/A [<</O /Table\n/Scope /Column>>]\n/ID ${node(0)}>>`,
    `<</Type /StructElem\n/S /TH\n/P 11 0 R\n/K 1\n/A [<</O /Table\n/Scope /Column>>]\n/ID ${node(1)}>>`,
    `<</Type /StructElem\n/S /TH\n/P 11 0 R\n/Alt (see (${structureId(altId)}))\n/K 2\n/ID ${node(2)}>>`,
    cell(0, 3),
    cell(1, 4),
    `<</Type /StructElem\n/S /Table\n/K [6 0 R 7 0 R 8 0 R 9 0 R 10 0 R]>>`,
    '<</Type /MCR\n/MCID 5>>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f\r\n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n\r\n`;
  body += `trailer\n<</Size ${objects.length + 1}\n/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

async function renumbered(bytes: Uint8Array, load: (bytes: Uint8Array) => Promise<PDFDocument>): Promise<{ pdf: PDFDocument; saved: Uint8Array }> {
  const pdf = await load(bytes);
  expect(renumberStructureIds(pdf)).toBe(3);
  return { pdf, saved: await pdf.save({ useObjectStreams: false, addDefaultPage: false }) };
}

describe('renumberStructureIds on a file as Chromium writes it', () => {
  it('renames plain cells in their bytes, with the same result as parsing them', async () => {
    const bytes = chromiumTable(36);
    const lazy = await renumbered(bytes, loadPdf);
    const whole = await renumbered(bytes, (b) => PDFDocument.load(b, { updateMetadata: false }));
    expect(await objectsOf(lazy.saved)).toEqual(await objectsOf(whole.saved));
    // The plain cells were not parsed: their bytes keep Chromium's form.
    const kept = lazy.pdf.context.enumerateIndirectObjects().filter(([, o]) => o instanceof UnparsedObject).map(([ref]) => ref.objectNumber);
    expect(kept).toEqual(expect.arrayContaining([6, 7, 9, 10]));
    expect(kept).not.toContain(8);
    const text = Buffer.from(lazy.saved).toString('latin1');
    expect(text).toContain('/Scope /Column>>]\n/ID (node00000001)>>');
    expect(text).toContain('/Headers [(node00000002)]>>');
  });

  it('leaves text that only looks like a node id alone', async () => {
    const { saved } = await renumbered(chromiumTable(36), loadPdf);
    const alt = (await PDFDocument.load(saved)).context.lookup(PDFRef.of(8), PDFDict);
    expect(text(alt.get(PDFName.of('Alt')))).toBe('see (node00000037)');
    expect(text(alt.get(PDFName.of('ID')))).toBe('node00000003');
  });

  it('makes files that differ only in Blink’s node counter byte-identical', async () => {
    const [a, b] = [await renumbered(chromiumTable(14, 99), loadPdf), await renumbered(chromiumTable(915, 99), loadPdf)];
    expect(Buffer.from(a.saved).equals(Buffer.from(b.saved))).toBe(true);
  });
});
