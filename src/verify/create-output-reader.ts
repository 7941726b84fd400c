import type { Worker } from 'node:worker_threads';
import { startModuleThread } from '../start-module-thread.js';
import { readOutput, withoutDataPayloads, type OutputReading } from './read-output.js';

/** Reads finished outputs back (readOutput), on a thread of its own while this one renders. */
export interface OutputReader {
  read(html: string): Promise<OutputReading>;
  /** False once the thread could not start or stopped: readings are then done on this one. */
  readonly threaded: boolean;
  /** Stops the thread; readings still asked for finish first. */
  close(): Promise<void>;
}

/** The thread's program: one module, so it reads exactly as readOutput does here (its HTML comes stripped). */
function workerProgram(load: string): string {
  return `
const { readStrippedOutput } = ${load};
return ({ id, html }) => post({ id, reading: readStrippedOutput(html) });
`;
}

interface Waiting {
  readonly html: string;
  readonly resolve: (reading: OutputReading) => void;
}

/**
 * Reading an output back takes ≈1–2 ms a briefing in one pass (readSimpleOutput), and parse5
 * run cold took ≈7–12 ms, as long as rendering it. On a second thread the reading overlaps the
 * render of the next output (HTML only: −20 ms of ≈1 s, with the one-pass reading). The thread
 * only ever reads our own output, which cannot hang it;
 * if it cannot start or stops, every reading it owed (and every later one) is done here, as
 * before: the checks never depend on the thread. Not `threaded`, every reading is done here:
 * the build asks for the thread only when it is worth its start (see build.ts). In a build that
 * prints, both cores are Chromium's, and a second isolate warming parse5 up again only added CPU
 * (200 letters: +3% CPU, +1.6% wall).
 */
export function createOutputReader(options: { readonly threaded: boolean }): OutputReader {
  if (!options.threaded) return { threaded: false, read: async (html) => readOutput(html), close: async () => undefined };
  let worker: Worker | undefined = startModuleThread(import.meta.url, 'verify/read-output.js', workerProgram);
  const waiting = new Map<number, Waiting>();
  const owed = new Set<Promise<OutputReading>>();
  let next = 0;
  const settle = (id: number, reading: OutputReading) => {
    const w = waiting.get(id);
    waiting.delete(id);
    // Referenced only while a reading is owed: idle, it must not keep the process alive.
    if (waiting.size === 0) worker?.unref();
    w?.resolve(reading);
  };
  const readHere = () => {
    worker = undefined;
    for (const [id, w] of waiting) settle(id, readOutput(w.html));
  };
  worker.on('message', ({ id, reading }: { id: number; reading: OutputReading }) => settle(id, reading));
  worker.on('error', readHere);
  worker.on('exit', readHere);
  worker.unref();
  return {
    get threaded() {
      return worker !== undefined;
    },
    read(html) {
      if (!worker) return Promise.resolve(readOutput(html));
      const id = next++;
      const reading = new Promise<OutputReading>((resolve) => waiting.set(id, { html, resolve }));
      owed.add(reading);
      void reading.then(() => owed.delete(reading));
      worker.ref();
      // Stripped here, not there: an output without its fonts is ≈18 KB to copy to the thread
      // instead of ≈120.
      worker.postMessage({ id, html: withoutDataPayloads(html) });
      return reading;
    },
    async close() {
      const own = worker;
      if (!own) return;
      await Promise.all(owed);
      worker = undefined;
      own.off('exit', readHere);
      own.off('error', readHere);
      own.on('error', () => undefined);
      await own.terminate();
    },
  };
}
