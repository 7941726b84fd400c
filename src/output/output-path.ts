import type { OutputFormat } from '../schema/document-schema.js';

/**
 * Where an output goes, relative to the out directory: `<doc>.<ext>`, or with recipients
 * `<doc>/<recipient>.<ext>`. Ids are validated kebab-case, so paths cannot escape `out/`.
 */
export function outputPath(documentId: string, recipientId: string | undefined, format: OutputFormat): string {
  return recipientId === undefined ? `${documentId}.${format}` : `${documentId}/${recipientId}.${format}`;
}
