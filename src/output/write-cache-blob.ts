import { join } from 'node:path';
import { cacheDirName, htmlBlobName } from '../cache/build-state.js';
import { writeFileAtomic } from './write-file-atomic.js';

/**
 * Keeps the HTML of an output that has no HTML file in out/ (a PDF-only document) in the cache,
 * under its sha256, as soon as its PDF is staged: the next build reuses the PDF only if that
 * HTML is unchanged, and the stream need not hold every such HTML until the end of the build.
 * A blob no state refers to is removed by the next writeBuildCache. Failing to write it costs
 * the next build a render, so the error is returned, never thrown.
 */
export async function writeCacheBlob(root: string, sha256: string, html: string): Promise<Error | undefined> {
  try {
    await writeFileAtomic(join(root, cacheDirName), htmlBlobName(sha256), new TextEncoder().encode(html));
    return undefined;
  } catch (error) {
    return error as Error;
  }
}
