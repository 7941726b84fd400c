import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';
import { UnparsedObject } from './load-pdf.js';

// Made once: PDFName.of decodes its argument with a regular expression on every call.
const ID = PDFName.of('ID');
const HEADERS = PDFName.of('Headers');
const A = PDFName.of('A');
const ID_TREE = PDFName.of('IDTree');
const TYPE = PDFName.of('Type');
const S = PDFName.of('S');
const STRUCT_ELEM = PDFName.of('StructElem');

/**
 * Why: Chromium names tagged-structure elements after Blink DOM node ids (`node00000014`), a
 * counter shared by the tabs of one renderer process. With two or more tabs printing at once,
 * the same document gets different ids depending on what else was being printed (measured),
 * so the bytes differ between builds. Renaming them in object-number order makes them a
 * function of the document alone: Chromium numbers objects in the order it writes them, which
 * the document decides (the saved file keeps those numbers, and is byte-identical from build
 * to build). The /Headers references of table cells (in their attribute objects) and the
 * /IDTree name tree are rewritten to match. Returns how many ids were renamed.
 *
 * Only objects that mention /ID or /Headers are looked at: a lazily loaded file (load-pdf.ts)
 * then reads the few dozen table cells of its structure tree, not its hundreds of elements. A
 * cell as Chromium writes it is renamed in its bytes, unparsed (plainElement): parsing the
 * ≈1,100 cells of the 20 bench briefings and writing them back was ≈0.1 s of CPU.
 */
export function renumberStructureIds(pdf: PDFDocument): number {
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return 0;
  const { elements, headers } = findIdsAndHeaders(pdf);
  const renamed = new Map<string, string>();
  const holders: { ref: PDFRef; id: string }[] = [];
  for (const { ref, id } of elements) {
    if (id === undefined || renamed.has(id)) continue;
    renamed.set(id, structureId(renamed.size + 1));
    holders.push({ ref, id });
  }
  if (renamed.size === 0) return 0;

  for (const element of elements) {
    if ('text' in element) {
      const text = element.text.replace(nodeString, (whole, id: string) => (renamed.has(id) ? `(${renamed.get(id)!})` : whole));
      pdf.context.assign(element.ref, new UnparsedObject(Buffer.from(text, 'latin1')));
      continue;
    }
    const next = element.id === undefined ? undefined : renamed.get(element.id);
    if (next !== undefined) element.element.set(ID, PDFString.of(next));
  }
  for (const array of headers) {
    for (let i = 0; i < array.size(); i++) {
      const header = textOf(array.lookup(i));
      const renamedHeader = header === undefined ? undefined : renamed.get(header);
      if (renamedHeader !== undefined) array.set(i, PDFString.of(renamedHeader));
    }
  }
  rebuildIdTree(pdf, root, holders.map(({ ref, id }) => ({ ref, id: renamed.get(id)! })));
  return renamed.size;
}

const ID_TOKEN = new TextEncoder().encode('/ID');
const HEADERS_TOKEN = new TextEncoder().encode('/Headers');

/** A structure element with its /ID, parsed, or as the text of a plain one (plainElement). */
type FoundElement = { readonly ref: PDFRef; readonly id: string | undefined } & ({ readonly element: PDFDict } | { readonly text: string });

/**
 * The structure elements (indirect objects, as Chromium writes every one) in object-number
 * order, and every /Headers array of the parsed ones: in a cell's inline attribute objects, or
 * in an attribute object of its own.
 */
function findIdsAndHeaders(pdf: PDFDocument): { elements: FoundElement[]; headers: Set<PDFArray> } {
  const elements: FoundElement[] = [];
  const headers = new Set<PDFArray>();
  for (const [ref, object] of pdf.context.enumerateIndirectObjects()) {
    if (object instanceof UnparsedObject) {
      if (!object.mentions(ID_TOKEN) && !object.mentions(HEADERS_TOKEN)) continue;
      const plain = plainElement(object);
      if (plain) {
        elements.push({ ref, ...plain });
        continue;
      }
    }
    const dict = pdf.context.lookup(ref);
    if (!(dict instanceof PDFDict)) continue;
    if (isStructureElement(dict)) {
      elements.push({ element: dict, ref, id: textOf(dict.get(ID)) });
      for (const array of headerArrays(pdf, dict)) headers.add(array);
    }
    const own = dict.lookupMaybe(HEADERS, PDFArray);
    if (own) headers.add(own);
  }
  return { elements, headers };
}

const structElemStart = '<</Type /StructElem\n/S /';
/** The element's own /ID, which Chromium writes last: the end of the object is the end of its dictionary. */
const finalId = /\n\/ID \((node\d{8})\)>>\s*$/;
const headersEntry = /\/Headers \[(?:\(node\d{8}\) ?)*\]/g;
const nodeString = /\((node\d{8})\)/g;

/**
 * A structure element in the form Chromium writes (`<</Type /StructElem\n/S /TD …`) whose only
 * strings are an `/ID (node…)` of its own, last, and `/Headers [(node…) …]` arrays of node ids:
 * every `(node…)` in its bytes is then one to rename, and renaming it there is what parsing,
 * renaming and writing the object back does (the test compares both). Anything else — another
 * string, which could hold such text; a hex string; an /ID or /Headers of another form or place
 * — is parsed.
 */
function plainElement(object: UnparsedObject): { id: string | undefined; text: string } | undefined {
  const text = object.toString();
  if (!text.startsWith(structElemStart)) return undefined;
  const own = finalId.exec(text);
  const rest = (own ? text.slice(0, own.index) : text).replace(headersEntry, '').replaceAll('<<', '').replaceAll('>>', '');
  if (/[(<\\]|\/ID\b|\/Headers\b/.test(rest)) return undefined;
  return { id: own?.[1], text };
}

/**
 * The /Headers arrays of a table cell. They live in the cell's table attribute objects
 * (`/A [<< /O /Table /Headers [(node…)] >> …]`, PDF 32000 §14.8.5.7); /A may be one dict or an
 * array mixing dicts and revision numbers.
 */
function headerArrays(pdf: PDFDocument, element: PDFDict): PDFArray[] {
  const attributes = element.get(A);
  const resolved = attributes instanceof PDFRef ? pdf.context.lookup(attributes) : attributes;
  const candidates: (PDFObject | undefined)[] = resolved instanceof PDFArray ? resolved.asArray() : [resolved];
  const out: PDFArray[] = [];
  for (const candidate of candidates) {
    const dict = candidate instanceof PDFRef ? pdf.context.lookup(candidate) : candidate;
    const headers = dict instanceof PDFDict ? dict.lookupMaybe(HEADERS, PDFArray) : undefined;
    if (headers) out.push(headers);
  }
  return out;
}

/** `node00000001`: Chromium's own shape and width, so the file keeps its size. */
export function structureId(index: number): string {
  return `node${String(index).padStart(8, '0')}`;
}

function isStructureElement(dict: PDFDict): boolean {
  const type = dict.get(TYPE);
  // /Type is optional on structure elements (PDF 32000 table 323); /S is required.
  return (type === undefined || type === STRUCT_ELEM) && dict.get(S) instanceof PDFName;
}

/**
 * Replaces the /IDTree with one flat, sorted leaf held by the tree's existing root object (its
 * old kid nodes are dropped), so lookups by the new ids work.
 */
function rebuildIdTree(pdf: PDFDocument, root: PDFDict, entries: { ref: PDFRef; id: string }[]): void {
  const treeRef = root.get(ID_TREE);
  if (treeRef === undefined) return;
  const tree = treeRef instanceof PDFRef ? pdf.context.lookup(treeRef) : treeRef;
  if (!(tree instanceof PDFDict)) return;
  for (const kid of nameTreeNodes(pdf, tree, 0)) pdf.context.delete(kid);
  const names = PDFArray.withContext(pdf.context);
  for (const { ref, id } of [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    names.push(PDFString.of(id));
    names.push(ref);
  }
  tree.delete(PDFName.of('Kids'));
  tree.delete(PDFName.of('Limits'));
  tree.set(PDFName.of('Names'), names);
}

/** Every indirect node below a name tree's root (not the root itself). */
function nameTreeNodes(pdf: PDFDocument, node: PDFDict, depth: number): PDFRef[] {
  if (depth > 32) return [];
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  const out: PDFRef[] = [];
  for (let i = 0; i < (kids?.size() ?? 0); i++) {
    const ref = kids?.get(i);
    const kid = ref instanceof PDFRef ? pdf.context.lookup(ref) : ref;
    if (ref instanceof PDFRef) out.push(ref);
    if (kid instanceof PDFDict) out.push(...nameTreeNodes(pdf, kid, depth + 1));
  }
  return out;
}

function textOf(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}
