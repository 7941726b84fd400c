import { join } from 'node:path';
import { createMarkdownWorker, type MarkdownWorker, type WorkerParseResult } from './create-markdown-worker.js';
import { findExcessiveNesting } from './find-excessive-nesting.js';
import { listFiles } from './list-files.js';
import { readTextFile } from './read-text-file.js';

/** The deadline parseSections uses unless a caller sets one (the CLI never does). */
export const defaultSectionTimeoutMs = 10_000;

let worker: MarkdownWorker | undefined;
let queued: Promise<void> = Promise.resolve();
const early = new Map<string, Promise<WorkerParseResult>>();

/**
 * Hands a project's sections to the parser thread before the pipeline's modules are loaded: the
 * CLI calls this first, so the thread parses (≈0.8 s for 60 sections) while the main thread
 * loads ≈0.25 s of modules it would otherwise have loaded before the first section was sent.
 * Nothing here decides anything: parseSections still reads, checks and judges every section, and
 * takes a tree from here only for a text that is exactly the one it read (takeEarlyParse).
 * Files it cannot read or would refuse are left to it. Never rejects.
 */
export function parseSectionsEarly(root: string): void {
  if (worker) return;
  early.clear();
  const own = createMarkdownWorker({ timeoutMs: defaultSectionTimeoutMs });
  worker = own;
  const queue = async () => {
    const paths = (await listFiles(root, 'content/sections')).filter((p) => p.endsWith('.md'));
    // All at once: read one by one, between the pipeline's module loading, they came too late.
    const reads = await Promise.all(paths.map((p) => readTextFile(join(root, p))));
    // Once the real load took what it needed (endEarlyParses), nothing more goes to this thread.
    if (worker !== own) return;
    for (const read of reads) {
      if (read.kind !== 'text' || early.has(read.text) || findExcessiveNesting(read.text)) continue;
      const parsing = own.parse(read.text);
      // Taken or not, a result must never become an unhandled rejection.
      parsing.catch(() => undefined);
      early.set(read.text, parsing);
    }
  };
  queued = queue().catch(() => undefined);
}

/** Resolves once every section the early pass could read is with the thread (at once without one). */
export function earlyParsesQueued(): Promise<void> {
  return queued;
}

/** The early parse of exactly this text, once (a second section with the same text parses again). */
export function takeEarlyParse(text: string, timeoutMs: number): Promise<WorkerParseResult> | undefined {
  if (timeoutMs !== defaultSectionTimeoutMs) return undefined;
  const parsing = early.get(text);
  early.delete(text);
  return parsing;
}

/**
 * Stops the early thread at once, dropping the trees nobody took; later loads (the dev server's)
 * parse as usual. parseSections calls it when done, the CLI once more when the command ends (a
 * config error stops a build before any section is asked for).
 */
export async function endEarlyParses(): Promise<void> {
  const own = worker;
  worker = undefined;
  early.clear();
  if (own) await own.close({ discard: true });
}
