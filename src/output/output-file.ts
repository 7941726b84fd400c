import type { OutputFormat } from '../schema/document-schema.js';
import type { Sensitivity } from '../schema/scalars.js';

/** One finished output, ready to be written, with the provenance the manifest records. */
export interface OutputFile {
  /** Relative to the out directory, POSIX. */
  readonly path: string;
  readonly format: OutputFormat;
  readonly bytes: Uint8Array;
  readonly document: string;
  readonly recipient: string | null;
  readonly title: string;
  readonly audience: string;
  readonly distribution: Sensitivity;
  readonly pages: number | null;
  readonly facts: readonly string[];
  readonly sources: readonly string[];
  /** Project files the output was rendered from: layout, partials, styles, assets. */
  readonly templates: readonly string[];
}

/** An output once its bytes are on disk (or staged there): what the manifest and index record. */
export interface OutputRecord extends Omit<OutputFile, 'bytes'> {
  readonly sha256: string;
  /** Byte length. */
  readonly size: number;
}
