import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renumberStructureIds, structureId } from '../../../src/pdf/renumber-structure-ids.js';

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
