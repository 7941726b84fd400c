import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ReadPdf {
  readonly pages: number;
  /** Each page's text, items joined with spaces and whitespace collapsed. */
  readonly text: readonly string[];
  /** Outline (bookmark) titles, depth-first, with their depth (0 = top). */
  readonly outline: readonly { title: string; depth: number }[];
  readonly info: Record<string, unknown>;
  readonly tagged: boolean;
  /** Structure roles found in the pages' structure trees (H1, P, Table, TH, …). */
  readonly roles: ReadonlySet<string>;
}

/** Reads a PDF back with pdfjs-dist, a parser independent of the pdf-lib code under test. */
export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs may transfer (detach) the buffer it is given: hand it a copy.
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const text: string[] = [];
    const roles = new Set<string>();
    type StructNode = { role?: string; children?: StructNode[] };
    const collectRoles = (node: StructNode | null) => {
      if (node?.role) roles.add(node.role);
      for (const child of node?.children ?? []) collectRoles(child);
    };
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      collectRoles((await page.getStructTree()) as StructNode | null);
      const content = await page.getTextContent();
      text.push(
        content.items
          .map((item) => ('str' in item ? item.str : ''))
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    }
    const outline: { title: string; depth: number }[] = [];
    type Node = { title: string; items: Node[] };
    const walk = (nodes: Node[] | null, depth: number) => {
      for (const node of nodes ?? []) {
        outline.push({ title: node.title, depth });
        walk(node.items, depth + 1);
      }
    };
    walk((await doc.getOutline()) as Node[] | null, 0);
    const { info } = await doc.getMetadata();
    const markInfo = await doc.getMarkInfo();
    return { pages: doc.numPages, text, outline, info: info as Record<string, unknown>, tagged: markInfo?.Marked === true, roles };
  } finally {
    await doc.destroy();
  }
}

/** `pdfinfo` (poppler-utils) as a key → value map. */
export async function pdfinfo(path: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', ['-isodates', path]);
  const out: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) out[match[1]!.trim()] = match[2]!.trim();
  }
  return out;
}

/** `pdffonts` rows: font name and whether it is embedded. */
export async function pdffonts(path: string): Promise<{ name: string; embedded: boolean }[]> {
  const { stdout } = await run('pdffonts', [path]);
  // Fixed columns after two header lines: name type encoding emb sub uni object ID.
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const parts = line.trim().split(/\s+/);
      // From the right: ID, object, uni, sub, emb.
      return { name: parts[0]!, embedded: parts[parts.length - 5] === 'yes' };
    });
}
