import type { OutputFormat } from '../schema/document-schema.js';

/**
 * Where an output goes, relative to the out directory: `<doc>.<ext>`, or with recipients
 * `<doc>/<recipient>.<ext>`. Callers check the ids with `outputNameProblem` first.
 */
export function outputPath(documentId: string, recipientId: string | undefined, format: OutputFormat): string {
  return recipientId === undefined ? `${documentId}.${format}` : `${documentId}/${recipientId}.${format}`;
}

/** Names Windows reserves for devices, in any case and with any extension (`con.html` is the console). */
const reservedNames = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)$/i;
/** Files briefwright itself writes at the top of out/. */
const generatedStems = new Set(['index', 'manifest']);
const maxNameLength = 100;

/**
 * Why an id cannot name an output file, or undefined when it can. Ids are validated as
 * kebab-case by the schema, but the output stage does not rely on that: a path is checked
 * where it is made, so no future id format can write outside out/.
 */
export function outputNameProblem(id: string, role: 'document' | 'recipient'): string | undefined {
  if (id === '' || id === '.' || id === '..') return `\`${id}\` is not a file name`;
  if (/[/\\:\0]/.test(id) || /[\u0000-\u001f\u007f]/.test(id)) return `\`${JSON.stringify(id).slice(1, -1)}\` contains a path separator or control character`;
  if (id.startsWith('.') || id.endsWith('.') || id.endsWith(' ')) return `\`${id}\` would be a hidden or truncated file name`;
  if (id.length > maxNameLength) return `\`${id.slice(0, 20)}…\` is longer than ${maxNameLength} characters`;
  if (reservedNames.test(id)) return `\`${id}\` is a reserved device name on Windows`;
  if (role === 'document' && generatedStems.has(id.toLowerCase())) return `\`${id}\` would overwrite the generated out/${id}.${id === 'index' ? 'html' : 'json'}`;
  return undefined;
}

/**
 * Paths that would land on the same file on some file system (case-insensitive, or Unicode
 * normalization-insensitive as on macOS), each with the first path it collides with.
 */
export function findOutputCollisions(paths: readonly string[]): { path: string; with: string }[] {
  const seen = new Map<string, string>();
  const out: { path: string; with: string }[] = [];
  for (const path of paths) {
    const key = path.normalize('NFC').toLowerCase();
    const first = seen.get(key);
    if (first === undefined) seen.set(key, path);
    else out.push({ path, with: first });
  }
  return out;
}
