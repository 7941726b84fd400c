import { open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createDiagnostic, createLocator, type Diagnostic, type Range } from '../diagnostics/index.js';
import { checkText } from './check-text.js';
import { listFiles } from './list-files.js';
import { readTextFile } from './read-text-file.js';
import { maxTextFileBytes, normalizeText, type TextFile } from './text-file.js';

/** Every input of a project, read once. Paths are relative to the root, POSIX, sorted. */
export interface ProjectFiles {
  readonly root: string;
  readonly publisher: TextFile | undefined;
  readonly sources: TextFile | undefined;
  readonly facts: readonly TextFile[];
  readonly sections: readonly TextFile[];
  readonly recipients: readonly TextFile[];
  readonly documents: readonly TextFile[];
  readonly layouts: readonly TextFile[];
  readonly partials: readonly TextFile[];
  readonly styles: readonly TextFile[];
  /** Images and other binary assets that content and templates may embed, by relative path. */
  readonly assets: ReadonlyMap<string, Uint8Array>;
}

export interface ReadProjectResult {
  files: ProjectFiles;
  diagnostics: Diagnostic[];
}

const assetExtensions = /\.(png|jpe?g|gif|svg|webp|avif)$/i;
export const maxAssetBytes = 10 * 1024 * 1024;

export interface ReadProjectOptions {
  /** Accept bidi controls and invisible characters (config `allow_hidden_characters`). */
  readonly allowHiddenCharacters?: boolean;
}

export async function readProject(root: string, options: ReadProjectOptions = {}): Promise<ReadProjectResult> {
  const diagnostics: Diagnostic[] = [];
  const readText = async (path: string): Promise<TextFile | undefined> => {
    const abs = join(root, path);
    const read = await readTextFile(abs);
    if (read.kind === 'absent') return undefined;
    if (read.kind === 'too-large') {
      diagnostics.push(
        createDiagnostic('schema-invalid', {
          file: path,
          range: await limitPosition(abs),
          message: `File is ${read.size} bytes, more than the ${maxTextFileBytes} allowed; the limit is reached here`,
          hint: 'Split the content into smaller files.',
        }),
      );
      return undefined;
    }
    if (read.kind === 'invalid-utf8') {
      const prefix = read.validPrefix;
      diagnostics.push(
        createDiagnostic('text-encoding-invalid', {
          file: path,
          range: createLocator(prefix).range(prefix.length, prefix.length),
          message: `File is not valid UTF-8: byte ${read.invalidAt} (0x${read.byte.toString(16).padStart(2, '0')}) starts no valid sequence`,
          hint: 'Save the file as UTF-8 (not Latin-1 or Windows-1252).',
        }),
      );
      return undefined;
    }
    const checked = checkText(path, read.text, options);
    diagnostics.push(...checked.diagnostics);
    return checked.refused ? undefined : { path, text: read.text };
  };
  const readAll = async (dir: string, pattern: RegExp): Promise<TextFile[]> => {
    const paths = (await listFiles(root, dir)).filter((p) => pattern.test(p));
    const files = await Promise.all(paths.map(readText));
    return files.filter((f): f is TextFile => f !== undefined);
  };

  const [publisher, sources, facts, sections, recipients, documents, layouts, partials, styles] = await Promise.all([
    readText('content/publisher.yaml'),
    readText('content/sources.yaml'),
    readAll('content/facts', /\.ya?ml$/),
    readAll('content/sections', /\.md$/),
    readAll('content/recipients', /\.ya?ml$/),
    readAll('content/documents', /\.ya?ml$/),
    readAll('templates/layouts', /\.hbs$/),
    readAll('templates/partials', /\.hbs$/),
    readAll('templates/styles', /\.css$/),
  ]);

  const assets = new Map<string, Uint8Array>();
  const assetPaths = [...(await listFiles(root, 'templates/assets')), ...(await listFiles(root, 'content'))].filter((p) =>
    assetExtensions.test(p),
  );
  for (const path of assetPaths.sort()) {
    const info = await stat(join(root, path));
    if (info.size > maxAssetBytes) continue;
    assets.set(path, new Uint8Array(await readFile(join(root, path))));
  }

  return {
    files: { root, publisher, sources, facts, sections, recipients, documents, layouts, partials, styles, assets },
    diagnostics,
  };
}

/** Where the size limit falls in a too-large file: reads only the allowed bytes, never the whole file. */
async function limitPosition(abs: string): Promise<Range> {
  const handle = await open(abs, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(maxTextFileBytes), 0, maxTextFileBytes, 0);
    const text = normalizeText(new TextDecoder('utf-8').decode(buffer.subarray(0, bytesRead)));
    return createLocator(text).range(text.length, text.length);
  } finally {
    await handle.close();
  }
}
