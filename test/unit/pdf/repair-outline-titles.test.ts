import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readHeadingTexts } from '../../../src/pdf/read-heading-texts.js';
import { repairOutlineTitles } from '../../../src/pdf/repair-outline-titles.js';

/** A PDF whose outline is a flat list of the given titles, as Chromium would have written them. */
async function pdfWithOutline(titles: string[]): Promise<PDFDocument> {
  const pdf = await PDFDocument.create();
  pdf.addPage();
  const outlinesRef = pdf.context.nextRef();
  const refs: PDFRef[] = titles.map(() => pdf.context.nextRef());
  titles.forEach((title, i) => {
    const item = pdf.context.obj({ Title: PDFString.of(title), Parent: outlinesRef }) as PDFDict;
    if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i < titles.length - 1) item.set(PDFName.of('Next'), refs[i + 1]!);
    pdf.context.assign(refs[i]!, item);
  });
  pdf.context.assign(outlinesRef, pdf.context.obj({ Type: 'Outlines', First: refs[0]!, Last: refs.at(-1)!, Count: titles.length }));
  pdf.catalog.set(PDFName.of('Outlines'), outlinesRef);
  return pdf;
}

function titles(pdf: PDFDocument): string[] {
  const out: string[] = [];
  const outlines = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict);
  for (let item = outlines.lookupMaybe(PDFName.of('First'), PDFDict); item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
    out.push((item.lookup(PDFName.of('Title')) as PDFString | PDFHexString).decodeText());
  }
  return out;
}

describe('readHeadingTexts', () => {
  it('reads each heading of the body in order, decoded, with and without citation marks', () => {
    const html =
      '<html><head><title>T</title></head><body><h1 class="t">The alleged<br>campaign</h1><p>x</p>' +
      '<h2 id="a">Costs &amp; harms<sup class="cite"><a href="#s">1</a></sup></h2><h3>\n  Q &lt;1&gt;  </h3></body></html>';
    expect(readHeadingTexts(html)).toEqual([
      { text: 'The alleged campaign', withMarks: 'The alleged campaign' },
      { text: 'Costs & harms', withMarks: 'Costs & harms1' },
      { text: 'Q <1>', withMarks: 'Q <1>' },
    ]);
  });
});

describe('repairOutlineTitles', () => {
  const headings = readHeadingTexts(
    '<body><h1>Memorandum</h1><h2>The alleged<br>distillation campaign</h2><h2>Legal options</h2><h2>Costs<sup>2</sup></h2></body>',
  );

  it("retitles Chromium's bookmarks with the headings' own text: case, lost spaces, doubled titles, citation marks", async () => {
    const pdf = await pdfWithOutline(['MEMORANDUM', 'The alleged distillationcampaign', 'Legal optionsLegal options', 'Costs2']);
    expect(repairOutlineTitles(pdf, headings)).toBe(4);
    expect(titles(pdf)).toEqual(['Memorandum', 'The alleged distillation campaign', 'Legal options', 'Costs']);
  });

  it('skips headings without a bookmark (a hidden heading makes none)', async () => {
    const pdf = await pdfWithOutline(['MEMORANDUM', 'Costs2']);
    expect(repairOutlineTitles(pdf, headings)).toBe(2);
    expect(titles(pdf)).toEqual(['Memorandum', 'Costs']);
  });

  it('leaves the whole outline as written when any bookmark matches no heading', async () => {
    const pdf = await pdfWithOutline(['MEMORANDUM', 'Something else']);
    expect(repairOutlineTitles(pdf, headings)).toBe(0);
    expect(titles(pdf)).toEqual(['MEMORANDUM', 'Something else']);
  });

  it('does nothing to a PDF without an outline', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    expect(repairOutlineTitles(pdf, headings)).toBe(0);
  });
});
