import { PDFDocument, PDFRawStream, type PDFObject } from 'pdf-lib';

/** An object as text: a stream by its dictionary and its bytes, anything else as pdf-lib writes it. */
export const describeObject = (o: PDFObject | undefined) => (o instanceof PDFRawStream ? `${o.dict.toString()} ${Buffer.from(o.contents).toString('hex')}` : String(o));

/** Every object of a file as pdf-lib parses it whole, by object number. */
export async function objectsOf(bytes: Uint8Array): Promise<Map<number, string>> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  return new Map(pdf.context.enumerateIndirectObjects().map(([ref, o]) => [ref.objectNumber, describeObject(o)]));
}
