import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes one of the installed tool's own files (V8's code cache, the remembered tool
 * fingerprint): whole under a temporary name, then renamed, so a reader never sees half of one.
 * Best effort, never throws: a read-only install, a full disk or a race with another build only
 * means the next run computes the file's content again.
 *
 * - It writes outside pdf/ and output/ (DESIGN.md §2): those hold the build's writes to the
 *   project; these files belong to the tool, never to the project.
 */
export function writeToolFile(file: string, data: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
}
