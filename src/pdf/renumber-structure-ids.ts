import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

const ID = PDFName.of('ID');
const HEADERS = PDFName.of('Headers');
const K = PDFName.of('K');
const A = PDFName.of('A');
const ID_TREE = PDFName.of('IDTree');
// Made once: PDFName.of decodes its argument with a regular expression on every call, and
// isStructureElement runs for every node of the structure tree.
const TYPE = PDFName.of('Type');
const S = PDFName.of('S');
const STRUCT_ELEM = PDFName.of('StructElem');

/**
 * Why: Chromium names tagged-structure elements after Blink DOM node ids (`node00000014`), a
 * counter shared by the tabs of one renderer process. With two or more tabs printing at once,
 * the same document gets different ids depending on what else was being printed (measured),
 * so the bytes differ between builds. Renaming them by their order in the structure tree makes
 * them a function of the document alone. The /Headers references of table cells (in their
 * attribute objects) and the /IDTree name tree are rewritten to match. Returns how many ids were renamed.
 */
export function renumberStructureIds(pdf: PDFDocument): number {
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return 0;
  const elements = structureElementsInOrder(pdf, root);
  const renamed = new Map<string, string>();
  const holders: { element: PDFDict; ref: PDFRef | undefined; id: string }[] = [];
  for (const { element, ref } of elements) {
    const id = textOf(element.get(ID));
    if (id === undefined || renamed.has(id)) continue;
    renamed.set(id, structureId(renamed.size + 1));
    holders.push({ element, ref, id });
  }
  if (renamed.size === 0) return 0;

  for (const { element } of elements) {
    const id = textOf(element.get(ID));
    const next = id === undefined ? undefined : renamed.get(id);
    if (next !== undefined) element.set(ID, PDFString.of(next));
    for (const headers of headerArrays(pdf, element)) {
      for (let i = 0; i < headers.size(); i++) {
        const header = textOf(headers.lookup(i));
        const renamedHeader = header === undefined ? undefined : renamed.get(header);
        if (renamedHeader !== undefined) headers.set(i, PDFString.of(renamedHeader));
      }
    }
  }
  rebuildIdTree(pdf, root, holders.map(({ ref, id }) => ({ ref, id: renamed.get(id)! })));
  return renamed.size;
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

/** Depth-first, children in /K order: the reading order of the tagged content. */
function structureElementsInOrder(pdf: PDFDocument, root: PDFDict): { element: PDFDict; ref: PDFRef | undefined }[] {
  const out: { element: PDFDict; ref: PDFRef | undefined }[] = [];
  const seen = new Set<PDFDict>();
  const visit = (value: PDFObject | undefined) => {
    if (value === undefined) return;
    const ref = value instanceof PDFRef ? value : undefined;
    const resolved = ref ? pdf.context.lookup(ref) : value;
    if (resolved instanceof PDFArray) {
      for (let i = 0; i < resolved.size(); i++) visit(resolved.get(i));
      return;
    }
    // Marked-content references (/MCR) and object references (/OBJR) are leaves, not elements.
    if (!(resolved instanceof PDFDict) || seen.has(resolved) || !isStructureElement(resolved)) return;
    seen.add(resolved);
    out.push({ element: resolved, ref });
    visit(resolved.get(K));
  };
  visit(root.get(K));
  return out;
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
function rebuildIdTree(pdf: PDFDocument, root: PDFDict, entries: { ref: PDFRef | undefined; id: string }[]): void {
  const treeRef = root.get(ID_TREE);
  if (treeRef === undefined) return;
  const tree = treeRef instanceof PDFRef ? pdf.context.lookup(treeRef) : treeRef;
  if (!(tree instanceof PDFDict)) return;
  for (const kid of nameTreeNodes(pdf, tree, 0)) pdf.context.delete(kid);
  const names = PDFArray.withContext(pdf.context);
  for (const { ref, id } of [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    // An element without an indirect ref cannot be named by a tree entry; Chromium never writes one.
    if (!ref) continue;
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
