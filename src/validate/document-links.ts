import { posix } from 'node:path';
import type { Nodes } from 'mdast';
import { rangeFromPosition, type Range } from '../diagnostics/index.js';
import { outputPath } from '../output/output-path.js';
import type { OutputFormat } from '../schema/document-schema.js';
import type { DocumentEntity, Model, RecipientEntity, SectionEntity } from '../schema/model.js';

/**
 * Links between documents are ordinary relative links to their outputs, as they sit in `out/`:
 * `[the FAQ](faq.html)`, `[memo](memo.pdf#costs)`, from a per-recipient letter
 * `[the FAQ](../faq.html)`. A link is resolved against the place of every output of every
 * document that includes its section, so a section shared by a top-level document and a
 * per-recipient letter is checked from both folders.
 */
export interface SectionLink {
  readonly section: SectionEntity;
  readonly url: string;
  readonly range: Range;
}

export interface ProjectOutput {
  readonly path: string;
  readonly document: DocumentEntity;
  readonly recipient: RecipientEntity | undefined;
  readonly format: OutputFormat;
}

/** Every `[text](url)` and `[label]: url` of a section, images excluded. */
export function sectionLinks(section: SectionEntity): SectionLink[] {
  const out: SectionLink[] = [];
  const walk = (node: Nodes) => {
    if ((node.type === 'link' || node.type === 'definition') && node.position) {
      const range = rangeFromPosition(node.position);
      if (range) out.push({ section, url: node.url, range });
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(section.tree);
  return out;
}

/** Whether a URL points inside the set of outputs (relative, no scheme, not a bare `#anchor`). */
export function isRelativeUrl(url: string): boolean {
  return url !== '' && !url.startsWith('#') && !url.startsWith('//') && !/^[a-z][a-z0-9+.-]*:/i.test(url);
}

/** Every output the project would produce, by path relative to `out/`. */
export function projectOutputs(model: Model): Map<string, ProjectOutput> {
  const out = new Map<string, ProjectOutput>();
  for (const document of model.documents.values()) {
    const recipients: (RecipientEntity | undefined)[] =
      document.recipients === undefined ? [undefined] : [...(model.recipientLists.get(document.recipients)?.recipients ?? [])];
    for (const recipient of recipients) {
      // `formats` is typed string[] by its default's transform; the schema admits only OutputFormat.
      for (const format of document.formats as OutputFormat[]) {
        const path = outputPath(document.id, recipient?.id, format);
        out.set(path, { path, document, recipient, format });
      }
    }
  }
  return out;
}

/** The documents that include a section (as a section or as their BLUF). */
export function documentsIncluding(model: Model, sectionId: string): DocumentEntity[] {
  return [...model.documents.values()].filter((d) => d.sections.includes(sectionId) || d.bluf === sectionId);
}

export interface ResolvedUrl {
  /** The output path the URL lands on (relative to `out/`), or undefined when it leaves `out/`. */
  readonly path: string | undefined;
  readonly fragment: string | undefined;
}

/** Resolves a relative URL written in the output at `from` (both relative to `out/`). */
export function resolveOutputUrl(from: string, url: string): ResolvedUrl {
  const hash = url.indexOf('#');
  const fragment = hash === -1 ? undefined : decodeFragment(url.slice(hash + 1));
  const withoutFragment = (hash === -1 ? url : url.slice(0, hash)).split('?')[0] ?? '';
  if (withoutFragment.startsWith('/')) return { path: undefined, fragment };
  let decoded: string;
  try {
    decoded = decodeURIComponent(withoutFragment);
  } catch {
    return { path: undefined, fragment };
  }
  const joined = posix.normalize(posix.join(posix.dirname(from), decoded));
  return { path: joined.startsWith('../') || joined === '..' ? undefined : joined, fragment };
}

export function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
