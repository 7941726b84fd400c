import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createJsonSchemas, serializeJsonSchema } from '../schema/json-schemas.js';
import { writeFileAtomic } from './write-file-atomic.js';

export interface WriteJsonSchemasOptions {
  /** Project root (default: the current directory). */
  readonly root?: string;
  /** Where the schemas go (default: `<root>/schemas`), relative to the current directory. */
  readonly out?: string;
}

export interface WriteJsonSchemasResult {
  /** Absolute directory written to. */
  readonly dir: string;
  /** File names written, in order. */
  readonly files: readonly string[];
}

/** Writes one JSON Schema per content file kind (see schema/json-schemas.ts), atomically. */
export async function writeJsonSchemas(options: WriteJsonSchemasOptions = {}): Promise<WriteJsonSchemasResult> {
  const root = resolve(options.root ?? '.');
  const dir = options.out === undefined ? resolve(root, 'schemas') : resolve(options.out);
  await mkdir(dirname(dir), { recursive: true });
  const files: string[] = [];
  for (const [name, schema] of Object.entries(createJsonSchemas())) {
    await writeFileAtomic(dir, name, new TextEncoder().encode(serializeJsonSchema(schema)));
    files.push(name);
  }
  return { dir, files };
}
