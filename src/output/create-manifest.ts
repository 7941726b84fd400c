import { createHash } from 'node:crypto';
import type { OutputRecord } from './output-file.js';

export interface ManifestEntry {
  path: string;
  format: string;
  document: string;
  recipient: string | null;
  title: string;
  audience: string;
  distribution: string;
  sha256: string;
  bytes: number;
  pages: number | null;
  facts: string[];
  sources: string[];
  templates: string[];
}

export interface Manifest {
  tool: { name: string; version: string };
  outputs: ManifestEntry[];
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The provenance manifest: sorted, no clock, so the same input gives the same bytes. */
export function createManifest(tool: { name: string; version: string }, outputs: readonly OutputRecord[]): Manifest {
  const entries = outputs
    .map(
      (o): ManifestEntry => ({
        path: o.path,
        format: o.format,
        document: o.document,
        recipient: o.recipient,
        title: o.title,
        audience: o.audience,
        distribution: o.distribution,
        sha256: o.sha256,
        bytes: o.size,
        pages: o.pages,
        facts: [...o.facts].sort(),
        sources: [...o.sources].sort(),
        templates: [...o.templates].sort(),
      }),
    )
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { tool: { ...tool }, outputs: entries };
}

export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
