import { ParseSpeeds, PDFContext, PDFDict, PDFDocument, PDFInvalidObject, PDFName, PDFObject, PDFObjectParser, PDFRef } from 'pdf-lib';

/**
 * An object of the loaded file that nothing has looked at yet: its bytes, between `N G obj` and
 * `endobj`, written back unchanged when the document is saved.
 */
export class UnparsedObject extends PDFObject {
  readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    super();
    this.bytes = bytes;
  }

  /** Whether `token` occurs in the object's bytes: a cheap test before parsing it. */
  mentions(token: Uint8Array): boolean {
    return this.#view().indexOf(token) !== -1;
  }

  /** The bytes as a Buffer over the same memory, not a copy. */
  #view(): Buffer {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
  }

  override clone(): UnparsedObject {
    return this;
  }

  override toString(): string {
    return this.#view().toString('latin1');
  }

  override sizeInBytes(): number {
    return this.bytes.byteLength;
  }

  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    buffer.set(this.bytes, offset);
    return this.bytes.byteLength;
  }
}

/**
 * Loads a PDF for post-processing without letting pdf-lib stamp its own producer and the clock.
 *
 * Chromium's files are loaded lazily: an object is parsed the first time the document looks it
 * up, and every other object is written back as the bytes it came in. Post-processing changes a
 * few dozen of a briefing's ≈520 objects (most of them the tagged structure tree), and parsing
 * all of them was most of its cost: 20 briefings' load and save took 1,018 ms of CPU cold
 * (350 ms warm), and 586 ms (170 ms) this way. This needs the file's shape that Chromium
 * (Skia) writes: one classic cross-reference table whose offsets locate every object, and no
 * encryption. Any other file, or any surprise while reading the table, is loaded whole by
 * pdf-lib, as before.
 *
 * pdf-lib yields to the event loop every 100 objects by default (a setTimeout each, ≥1 ms); a
 * 5-page briefing spent more time waiting than parsing, so it parses at full speed here.
 */
export async function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return tryLoadLazily(bytes) ?? PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

function tryLoadLazily(bytes: Uint8Array): PDFDocument | undefined {
  try {
    return loadLazily(bytes);
  } catch {
    // A trailer or catalog pdf-lib's parser cannot read: the whole-file load decides what to do.
    return undefined;
  }
}

/** pdf-lib's object parser, with the members it keeps out of its typings. */
interface ObjectParser {
  skipWhitespaceAndComments(): void;
  parseObject(): PDFObject;
}

/** PDFContext's object table, which its typings keep private. */
interface ContextInternals {
  indirectObjects: Map<PDFRef, PDFObject>;
}

/** The document, or undefined when the file is not the simple shape this reads. */
function loadLazily(bytes: Uint8Array): PDFDocument | undefined {
  // Decoded once, one byte per character: the table and the objects' bounds are read in this
  // (a string per entry and per object bound was ≈100 ms of 20 briefings' post-processing).
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(Math.max(0, bytes.length - 64)));
  if (!end) return undefined;
  const xrefAt = Number(end[1]);
  const table = /^xref\s+0\s+(\d+)\r?\n/.exec(text.slice(xrefAt, xrefAt + 40));
  if (!table) return undefined;

  // Entries are exactly 20 bytes: `oooooooooo ggggg n` and a two-byte line end (PDF 32000 §7.5.4).
  const entries: { ref: PDFRef; offset: number }[] = [];
  let at = xrefAt + table[0].length;
  for (let number = 0; number < Number(table[1]); number++, at += 20) {
    const entry = xrefEntry(text, at);
    if (!entry) return undefined;
    if (entry.used) {
      if (entry.offset <= 0 || entry.offset >= xrefAt) return undefined;
      entries.push({ ref: PDFRef.of(number, entry.generation), offset: entry.offset });
    }
  }

  const context = PDFContext.create();
  const trailerKeyword = /^\s*trailer/.exec(text.slice(at, at + 16));
  if (!trailerKeyword) return undefined;
  const trailerParser = PDFObjectParser.forBytes(bytes.subarray(at + trailerKeyword[0].length), context) as unknown as ObjectParser;
  trailerParser.skipWhitespaceAndComments();
  const trailer = trailerParser.parseObject();
  // An update section (/Prev, /XRefStm) or encryption: the table alone does not describe the file.
  if (!(trailer instanceof PDFDict) || ['Prev', 'XRefStm', 'Encrypt'].some((key) => trailer.has(PDFName.of(key)))) return undefined;
  const root = trailer.get(PDFName.of('Root'));
  if (!(root instanceof PDFRef)) return undefined;

  // Each object runs from its offset to the next object's (or to the table).
  const sorted = [...entries].sort((a, b) => a.offset - b.offset);
  const objects = new LazyObjectTable(context);
  for (let i = 0; i < sorted.length; i++) {
    const { ref, offset } = sorted[i]!;
    const object = unparsedObject(bytes, text, ref, offset, sorted[i + 1]?.offset ?? xrefAt);
    if (!object) return undefined;
    objects.set(ref, object);
    context.largestObjectNumber = Math.max(context.largestObjectNumber, ref.objectNumber);
  }
  (context as unknown as ContextInternals).indirectObjects = objects;
  const info = trailer.get(PDFName.of('Info'));
  const id = trailer.get(PDFName.of('ID'));
  context.trailerInfo = { Root: root, ...(info === undefined ? {} : { Info: info }), ...(id === undefined ? {} : { ID: id }) };
  if (!(context.lookup(root) instanceof PDFDict)) return undefined;
  // PDFDocument's constructor is private in pdf-lib's typings; load() calls it the same way.
  return Reflect.construct(PDFDocument, [context, false, false]) as PDFDocument;
}

/**
 * The 20-byte entry at `at`, `oooooooooo ggggg n` and a two-character line end (what
 * `/^(\d{10}) (\d{5}) ([nf])[ \r\n]{2}$/` matches), read without a string or a match per entry.
 */
function xrefEntry(text: string, at: number): { offset: number; generation: number; used: boolean } | undefined {
  const offset = decimal(text, at, 10);
  const generation = decimal(text, at + 11, 5);
  const kind = text[at + 17];
  const ends = ' \r\n';
  if (offset < 0 || generation < 0 || text[at + 10] !== ' ' || text[at + 16] !== ' ' || (kind !== 'n' && kind !== 'f')) return undefined;
  if (!ends.includes(text[at + 18] ?? 'x') || !ends.includes(text[at + 19] ?? 'x')) return undefined;
  return { offset, generation, used: kind === 'n' };
}

/** The number written with exactly `length` decimal digits at `at`, or -1. */
function decimal(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** The bytes between `N G obj` and `endobj`, if the object at `start` is the one expected (`text`: the bytes decoded). */
function unparsedObject(bytes: Uint8Array, text: string, ref: PDFRef, start: number, end: number): UnparsedObject | undefined {
  const header = /^(\d+)\s+(\d+)\s+obj\s*/.exec(text.slice(start, start + 32));
  if (!header || Number(header[1]) !== ref.objectNumber || Number(header[2]) !== ref.generationNumber) return undefined;
  const tail = text.slice(Math.max(start, end - 32), end);
  const endobj = /\s*endobj\s*$/.exec(tail);
  if (!endobj) return undefined;
  const bodyEnd = end - (tail.length - endobj.index);
  const bodyStart = start + header[0].length;
  return bodyEnd > bodyStart ? new UnparsedObject(bytes.subarray(bodyStart, bodyEnd)) : undefined;
}

/**
 * The context's object table: looking an object up parses it (with pdf-lib's own parser) and
 * keeps the result; enumerating, as the writer does, leaves unparsed objects as they are.
 */
class LazyObjectTable extends Map<PDFRef, PDFObject> {
  readonly #context: PDFContext;

  constructor(context: PDFContext) {
    super();
    this.#context = context;
  }

  override get(ref: PDFRef): PDFObject | undefined {
    const object = super.get(ref);
    if (!(object instanceof UnparsedObject)) return object;
    let parsed: PDFObject;
    try {
      parsed = (PDFObjectParser.forBytes(object.bytes, this.#context) as unknown as ObjectParser).parseObject();
    } catch {
      // What pdf-lib's whole-file load makes of an object it cannot parse: its bytes, kept as they are.
      parsed = PDFInvalidObject.of(object.bytes);
    }
    super.set(ref, parsed);
    return parsed;
  }
}
